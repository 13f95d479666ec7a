/**
 * 科技型中小企业 (《科技型中小企业评价办法》): the basic conditions, then either the score
 * (科技人员 + 研发投入 + 科技成果 ≥ 60, 科技人员 not 0) or one of the direct routes.
 */
import type { CriteriaOf, QualificationInput } from '../../schemas/criteria';
import {
  allOf,
  anyOf,
  bandsText,
  bestOf,
  class1ElseClass2,
  class1Of,
  class2Of,
  countText,
  declared,
  line,
  passStatus,
  pointsText,
  scoredLine,
  scoreOf,
  shareBandPoints,
  total,
  totalLine,
  Years,
  type IndicatorResult,
  type KindResult,
  type Meta,
  type Status,
} from './common';
import { percentText, wan } from './exact';
import { awardRoute, firstMet, honourRoute, institutionRoute, standardRoute } from './routes';

type Set = CriteriaOf<'kexiao'>;

export function evaluateKexiao(set: Set, input: QualificationInput, asOf: string, working: string[]): KindResult {
  const I = set.indicators;
  const Y = new Years(input, asOf);
  const d = input.declarations ?? {};
  const L = Y.latest;
  const row = Y.rows.get(L);
  const out: IndicatorResult[] = [];

  out.push(
    declared(
      'resident',
      I.resident,
      d.residentEnterprise,
      '是否为在中国境内（不含港澳台）注册的居民企业（declarations.residentEnterprise）',
      {
        yes: '是',
        no: '否',
        threshold: '境内注册的居民企业',
      },
    ),
  );

  // Size limits (上一年度).
  const limit = (key: string, meta: Meta, v: number | undefined, max: number, field: string, fmt: (x: number) => string) => {
    const threshold = `≤ ${fmt(max)}`;
    if (v === undefined) return line(key, meta, { value: '未填', threshold, status: 'unknown', missing: [field] });
    const ok = v <= max;
    working.push(`${meta.label}：${fmt(v)}（${threshold}，${ok ? '符合' : '不符合'}）`);
    return line(key, meta, { value: fmt(v), threshold, status: ok ? 'met' : 'not_met' });
  };
  out.push(limit('staffLimit', I.staffLimit, input.employees, I.staffLimit.max, '职工总数（employees）', (x) => `${x} 人`));
  out.push(
    limit('revenueLimit', I.revenueLimit, row?.revenueFen, I.revenueLimit.maxFen, `${L} 年营业收入（years 中 ${L} 年的 revenueFen）`, (x) =>
      wan(x),
    ),
  );
  out.push(
    limit(
      'assetsLimit',
      I.assetsLimit,
      row?.totalAssetsFen,
      I.assetsLimit.maxFen,
      `${L} 年年末资产总额（years 中 ${L} 年的 totalAssetsFen）`,
      (x) => wan(x),
    ),
  );
  out.push(
    declared(
      'notRestricted',
      I.notRestricted,
      d.notRestrictedIndustry,
      '产品（服务）是否不属于禁止、限制和淘汰类（declarations.notRestrictedIndustry）',
      {
        yes: '不属于',
        no: '属于',
        threshold: '不属于国家规定的禁止、限制和淘汰类',
      },
    ),
  );
  out.push(
    declared('goodStanding', I.goodStanding, d.goodStanding, '上一年及当年内是否无重大事故、严重违法失信（declarations.goodStanding）', {
      yes: '无',
      no: '有',
      threshold: '上一年及当年内未发生，且未列入经营异常名录和严重违法失信名单',
    }),
  );

  // The score.
  const items: IndicatorResult[] = [];
  const staffMissing = [
    ...(input.techStaff === undefined ? ['科技人员数（techStaff）'] : []),
    ...(input.employees === undefined ? ['职工总数（employees）'] : []),
  ];
  const staff = shareBandPoints(I.techStaffScore.bands, I.techStaffScore.maxPoints, input.techStaff, input.employees, staffMissing);
  if (staff.share)
    working.push(
      `${I.techStaffScore.label}：${input.techStaff} ÷ ${input.employees} = ${percentText(staff.share)}，${pointsText(staff.points)}`,
    );
  items.push(
    scoredLine(
      'score.techStaff',
      I.techStaffScore,
      I.techStaffScore.maxPoints,
      staff.points,
      staff.share ? percentText(staff.share) : input.employees === 0 ? '职工总数为 0' : '未填',
      `科技人员占职工总数 ${bandsText(I.techStaffScore.bands, '%')}`,
    ),
  );

  const rdMissing = row?.rdFen === undefined ? [`${L} 年研发费用（years 中 ${L} 年的 rdFen）`] : [];
  const byRevenue = shareBandPoints(I.rdScore.revenueBands, I.rdScore.maxPoints, row?.rdFen, row?.revenueFen, [
    ...rdMissing,
    ...(row?.revenueFen === undefined ? [`${L} 年营业收入（years 中 ${L} 年的 revenueFen）`] : []),
  ]);
  const byCosts = shareBandPoints(I.rdScore.costBands, I.rdScore.maxPoints, row?.rdFen, row?.costsFen, [
    ...rdMissing,
    ...(row?.costsFen === undefined ? [`${L} 年成本费用支出总额（years 中 ${L} 年的 costsFen）`] : []),
  ]);
  const rd = bestOf(byRevenue.points, byCosts.points);
  working.push(
    `${I.rdScore.label}：研发费用 ÷ 销售收入 ${byRevenue.share ? `${percentText(byRevenue.share)}，${pointsText(byRevenue.points)}` : '无法计算'}；研发费用 ÷ 成本费用支出总额 ${byCosts.share ? `${percentText(byCosts.share)}，${pointsText(byCosts.points)}` : '无法计算'}；取高者 ${pointsText(rd)}`,
  );
  items.push(
    scoredLine(
      'score.rd',
      I.rdScore,
      I.rdScore.maxPoints,
      rd,
      [byRevenue.share && `占销售收入 ${percentText(byRevenue.share)}`, byCosts.share && `占成本费用 ${percentText(byCosts.share)}`]
        .filter(Boolean)
        .join('，') || '未填',
      `二者取高：研发费用占销售收入 ${bandsText(I.rdScore.revenueBands, '%')}；或占成本费用支出总额 ${bandsText(I.rdScore.costBands, '%')}`,
    ),
  );

  const c1 = class1Of(input);
  const c2 = class2Of(input);
  const ip = class1ElseClass2(I.ipScore.class1Points, I.ipScore.class2Bands, c1, c2);
  working.push(`${I.ipScore.label}：Ⅰ类 ${countText(c1)}，Ⅱ类 ${countText(c2)}，${pointsText(ip)}`);
  items.push(
    scoredLine(
      'score.ip',
      I.ipScore,
      I.ipScore.maxPoints,
      ip,
      `Ⅰ类 ${countText(c1)}，Ⅱ类 ${countText(c2)}`,
      `Ⅰ类 ≥ 1 项：${I.ipScore.class1Points} 分；否则Ⅱ类 ${bandsText(I.ipScore.class2Bands, '项')}`,
    ),
  );

  const score = total([staff.points, rd, ip]);
  const staffNotZero: Status = staff.points.low > 0 ? 'met' : staff.points.high === 0 ? 'not_met' : 'unknown';
  const scoreStatus = allOf(passStatus(score, I.score.passPoints), staffNotZero);
  working.push(
    `${I.score.label}：科技人员 ${pointsText(staff.points)} + 研发投入 ${pointsText(rd)} + 科技成果 ${pointsText(ip)} = ${pointsText(score)}（≥ ${I.score.passPoints} 分且科技人员指标不为 0，${scoreStatus === 'met' ? '符合' : scoreStatus === 'not_met' ? '不符合' : '尚不能确定'}）`,
  );
  const scoreLine = totalLine(
    'score',
    I.score,
    score,
    scoreStatus,
    `≥ ${I.score.passPoints} 分（满分 ${I.score.maxPoints} 分），且科技人员指标得分不为 0`,
  );

  const routes = [
    honourRoute('routeHighTech', I.routeHighTech, input),
    awardRoute('routeAward', I.routeAward, input, asOf),
    institutionRoute('routeInstitution', I.routeInstitution, input),
    standardRoute('routeStandard', I.routeStandard, input, asOf),
  ];
  const basics = allOf(...out.map((i) => i.status));
  const status = allOf(basics, anyOf(scoreStatus, ...routes.map((r) => r.status)));
  const route = firstMet(routes);
  if (route) working.push(`${route}（仍须满足第六条第（一）至（四）项条件）`);
  return {
    indicators: [...out, scoreLine, ...items, ...routes],
    status,
    ...(route && basics !== 'not_met' ? { route } : {}),
    score: scoreOf(score, I.score.maxPoints, I.score.passPoints),
  };
}
