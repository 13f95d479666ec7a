/**
 * 创新型中小企业 and 专精特新中小企业 (工信部《优质中小企业梯度培育管理暂行办法》, 附件 1 and 2):
 * basic conditions, then a score (with its group minimums) or a direct route.
 */
import { INSTITUTION_LEVEL_LABELS, type Band, type CriteriaOf, type QualificationInput } from '../../schemas/criteria';
import {
  allOf,
  anyOf,
  bandPoints,
  bandsText,
  bestOf,
  class1Of,
  class2Of,
  countText,
  declared,
  exactly,
  line,
  passStatus,
  pointsText,
  possiblyAny,
  scoredLine,
  totalLine,
  scoreOf,
  shareBandPoints,
  total,
  withinText,
  Years,
  type IndicatorResult,
  type KindResult,
  type Meta,
  type Points,
  type Status,
} from './common';
import { percentText, ratio, sumFen, wan } from './exact';
import { averageGrowth, yearGrowth } from './growth';
import { awardRoute, equityRoute, equityWithin, firstMet, honourRoute, institutionRoute } from './routes';

interface Tiers {
  highValue: number;
  ownRd: number;
  class1: number;
  class2: number;
}

/** 高价值Ⅰ类 > 自主研发Ⅰ类 > Ⅰ类 > Ⅱ类 > none: the tier certain, and the best still possible. */
function tierPoints(t: Tiers, input: QualificationInput): { points: Points; value: string } {
  const ip = input.ip ?? {};
  const c1 = class1Of(input);
  const c2 = class2Of(input);
  const hv = ip.class1HighValue;
  const own = ip.class1OwnRd;
  const certain = (hv ?? 0) >= 1 ? t.highValue : (own ?? 0) >= 1 ? t.ownRd : c1.low >= 1 ? t.class1 : c2.low >= 1 ? t.class2 : 0;
  const possible = [
    hv === undefined ? possiblyAny(c1) && t.highValue : hv >= 1 && t.highValue,
    own === undefined ? possiblyAny(c1) && t.ownRd : own >= 1 && t.ownRd,
    possiblyAny(c1) && t.class1,
    possiblyAny(c2) && t.class2,
  ].filter((x): x is number => typeof x === 'number');
  const high = Math.max(certain, ...possible);
  const missing: string[] = [];
  if (high > certain) {
    if (hv === undefined && possiblyAny(c1) && t.highValue > certain) missing.push('Ⅰ类高价值知识产权数（ip.class1HighValue）');
    if (own === undefined && possiblyAny(c1) && t.ownRd > certain) missing.push('自主研发的Ⅰ类知识产权数（ip.class1OwnRd）');
    if (!c1.exact && t.class1 > certain) missing.push(...c1.missing);
    if (!c2.exact && t.class2 > certain) missing.push(...c2.missing);
  }
  const value = [
    `Ⅰ类 ${countText(c1)}`,
    hv !== undefined ? `其中高价值 ${hv} 项` : null,
    own !== undefined ? `自主研发 ${own} 项` : null,
    `Ⅱ类 ${countText(c2)}`,
  ]
    .filter(Boolean)
    .join('，');
  return { points: { low: certain, high, missing }, value };
}

const tiersText = (t: Tiers) =>
  `Ⅰ类高价值 ≥ 1 项：${t.highValue} 分；自主研发Ⅰ类 ≥ 1 项：${t.ownRd} 分；Ⅰ类 ≥ 1 项：${t.class1} 分；Ⅱ类 ≥ 1 项：${t.class2} 分；无 0 分`;

/** Last year's R&D scored on the amount or on its share of revenue, whichever gives more. */
function rdEither(
  m: Meta & { maxPoints: number; amountBands: Band[]; ratioBands: Band[] },
  Y: Years,
  working: string[],
): { points: Points; value: string } {
  const L = Y.latest;
  const row = Y.rows.get(L);
  const rdMissing = row?.rdFen === undefined ? [`${L} 年研发费用（years 中 ${L} 年的 rdFen）`] : [];
  const byAmount: Points =
    row?.rdFen === undefined ? { low: 0, high: m.maxPoints, missing: rdMissing } : bandPoints(m.amountBands, ratio(row.rdFen, 1));
  const byRatio = shareBandPoints(m.ratioBands, m.maxPoints, row?.rdFen, row?.revenueFen, [
    ...rdMissing,
    ...(row?.revenueFen === undefined ? [`${L} 年营业收入（years 中 ${L} 年的 revenueFen）`] : []),
  ]);
  const points = bestOf(byAmount, byRatio.points);
  const value =
    [row?.rdFen !== undefined && wan(row.rdFen), byRatio.share && `占营业收入 ${percentText(byRatio.share)}`].filter(Boolean).join('，') ||
    '未填';
  working.push(`${m.label}：${value}，金额 ${pointsText(byAmount)}、占比 ${pointsText(byRatio.points)}，取高者 ${pointsText(points)}`);
  return { points, value };
}

/** Last year's share num ÷ den on bands, with its line. */
function shareItem(
  key: string,
  m: Meta & { maxPoints: number; bands: Band[] },
  Y: Years,
  num: 'mainRevenueFen' | 'netProfitFen',
  den: 'revenueFen',
  formula: string,
  working: string[],
): { item: IndicatorResult; points: Points } {
  const L = Y.latest;
  const n = Y.value(L, num);
  const d = Y.value(L, den);
  const r = shareBandPoints(m.bands, m.maxPoints, n.value, d.value, [...n.missing, ...d.missing]);
  if (r.share)
    working.push(`${m.label}：${formula} = ${wan(n.value!)} ÷ ${wan(d.value!)} = ${percentText(r.share)}，${pointsText(r.points)}`);
  const value = r.share ? percentText(r.share) : d.value === 0 ? '营业收入为 0' : '未填';
  return { item: scoredLine(key, m, m.maxPoints, r.points, value, `${formula} ${bandsText(m.bands, '%')}`), points: r.points };
}

/** Last year's 资产负债率 on bands (liabilities given, or assets − net assets). */
function debtItem(
  key: string,
  m: Meta & { maxPoints: number; bands: Band[] },
  Y: Years,
  working: string[],
): { item: IndicatorResult; points: Points } {
  const L = Y.latest;
  const liab = Y.liabilities(L);
  const assets = Y.value(L, 'totalAssetsFen');
  const r = shareBandPoints(m.bands, m.maxPoints, liab.value, assets.value, [...liab.missing, ...assets.missing]);
  if (r.share)
    working.push(`${m.label}：负债 ${wan(liab.value!)} ÷ 资产 ${wan(assets.value!)} = ${percentText(r.share)}，${pointsText(r.points)}`);
  const value = r.share ? percentText(r.share) : assets.value === 0 ? '资产总额为 0' : '未填';
  return { item: scoredLine(key, m, m.maxPoints, r.points, value, `资产负债率 ${bandsText(m.bands, '%')}`), points: r.points };
}

function basics(I: { sme: Meta; notRestricted: Meta; goodStanding: Meta }, input: QualificationInput): IndicatorResult[] {
  const d = input.declarations ?? {};
  return [
    declared('sme', I.sme, d.sme, '是否符合《中小企业划型标准规定》（declarations.sme）', {
      yes: '是',
      no: '否',
      threshold: '境内注册、独立法人、符合中小企业划型标准',
    }),
    declared(
      'notRestricted',
      I.notRestricted,
      d.notRestrictedIndustry,
      '产品（服务）是否不属于禁止、限制或淘汰类（declarations.notRestrictedIndustry）',
      {
        yes: '不属于',
        no: '属于',
        threshold: '不属于国家禁止、限制或淘汰类',
      },
    ),
    declared('goodStanding', I.goodStanding, d.goodStanding, '是否无重大事故、违法违规及失信记录（declarations.goodStanding）', {
      yes: '无',
      no: '有',
      threshold: '未列入经营异常名录或严重失信主体名单，近三年无重大安全、质量、环境事故及偷漏税等违法违规',
    }),
  ];
}

const verdict = (s: Status) => (s === 'met' ? '符合' : s === 'not_met' ? '不符合' : '尚不能确定');

// ---------------------------------------------------------------------------------------------

export function evaluateChuangxin(set: CriteriaOf<'chuangxin'>, input: QualificationInput, asOf: string, working: string[]): KindResult {
  const I = set.indicators;
  const Y = new Years(input, asOf);
  const L = Y.latest;
  const out = basics(I, input);
  const items: IndicatorResult[] = [];

  const ip = tierPoints(I.ipScore, input);
  working.push(`${I.ipScore.label}：${ip.value}，${pointsText(ip.points)}`);
  items.push(scoredLine('score.ip', I.ipScore, I.ipScore.maxPoints, ip.points, ip.value, tiersText(I.ipScore)));

  const rd = rdEither(I.rdScore, Y, working);
  items.push(
    scoredLine(
      'score.rd',
      I.rdScore,
      I.rdScore.maxPoints,
      rd.points,
      rd.value,
      `二者取高：研发费用 ${bandsText(I.rdScore.amountBands, '万元')}；或占营业收入 ${bandsText(I.rdScore.ratioBands, '%')}`,
    ),
  );

  // 上年度主营业务收入增长率
  let growth: Points;
  {
    const m = I.mainGrowthScore;
    const prev = Y.value(L - 1, 'mainRevenueFen');
    const cur = Y.value(L, 'mainRevenueFen');
    let value = '未填';
    if (prev.value === undefined || cur.value === undefined)
      growth = { low: 0, high: m.maxPoints, missing: [...prev.missing, ...cur.missing] };
    else {
      const g = yearGrowth(prev.value, cur.value);
      growth = g.rate ? bandPoints(m.bands, g.rate) : exactly(0);
      value = g.rate ? percentText(g.rate) : g.text;
      working.push(`${m.label}：${g.text}，${pointsText(growth)}`);
    }
    items.push(
      scoredLine('score.mainGrowth', m, m.maxPoints, growth, value, `${L} 年 ÷ ${L - 1} 年主营业务收入 − 1：${bandsText(m.bands, '%')}`),
    );
  }
  const debt = debtItem('score.debt', I.debtScore, Y, working);
  items.push(debt.item);

  let field: Points;
  {
    const m = I.fieldScore;
    const s = input.market?.strategicEmerging;
    field =
      s === undefined
        ? {
            low: Math.min(m.strategicPoints, m.otherPoints),
            high: Math.max(m.strategicPoints, m.otherPoints),
            missing: ['主导产品是否属于《战略性新兴产业分类》（market.strategicEmerging）'],
          }
        : exactly(s ? m.strategicPoints : m.otherPoints);
    items.push(
      scoredLine(
        'score.field',
        m,
        m.maxPoints,
        field,
        s === undefined ? '未填' : s ? '属于战略性新兴产业' : '属于其他领域',
        `属于《战略性新兴产业分类》：${m.strategicPoints} 分；其他领域：${m.otherPoints} 分`,
      ),
    );
  }
  const share = shareItem('score.mainShare', I.mainShareScore, Y, 'mainRevenueFen', 'revenueFen', '主营业务收入 ÷ 营业收入', working);
  items.push(share.item);

  const groups = {
    innovation: total([ip.points, rd.points]),
    growth: total([growth, debt.points]),
    specialization: total([field, share.points]),
  };
  const score = total([groups.innovation, groups.growth, groups.specialization]);
  const mins = I.score.groupMins;
  const scoreStatus = allOf(
    passStatus(score, I.score.passPoints),
    passStatus(groups.innovation, mins.innovation),
    passStatus(groups.growth, mins.growth),
    passStatus(groups.specialization, mins.specialization),
  );
  working.push(
    `${I.score.label}：创新能力 ${pointsText(groups.innovation)}（≥ ${mins.innovation}）+ 成长性 ${pointsText(groups.growth)}（≥ ${mins.growth}）+ 专业化 ${pointsText(groups.specialization)}（≥ ${mins.specialization}）= ${pointsText(score)}（≥ ${I.score.passPoints} 分，${verdict(scoreStatus)}）`,
  );
  const scoreItem = totalLine(
    'score',
    I.score,
    score,
    scoreStatus,
    `≥ ${I.score.passPoints} 分，其中创新能力 ≥ ${mins.innovation} 分、成长性 ≥ ${mins.growth} 分、专业化 ≥ ${mins.specialization} 分`,
  );

  const routes = [
    awardRoute('routeAward', I.routeAward, input, asOf),
    honourRoute('routeHonour', I.routeHonour, input),
    institutionRoute('routeInstitution', I.routeInstitution, input),
    equityRoute('routeEquity', I.routeEquity, input, asOf, working),
  ];
  const base = allOf(...out.map((i) => i.status));
  const route = firstMet(routes);
  if (route) working.push(`符合${route}`);
  return {
    indicators: [...out, scoreItem, ...items, ...routes],
    status: allOf(base, anyOf(...routes.map((r) => r.status), scoreStatus)),
    ...(route && base !== 'not_met' ? { route } : {}),
    score: scoreOf(score, I.score.maxPoints, I.score.passPoints),
  };
}

// ---------------------------------------------------------------------------------------------

export function evaluateZhuanjingtexin(
  set: CriteriaOf<'zhuanjingtexin'>,
  input: QualificationInput,
  asOf: string,
  working: string[],
): KindResult {
  const I = set.indicators;
  const Y = new Years(input, asOf);
  const L = Y.latest;
  const market = input.market ?? {};
  const out = basics(I, input);

  // 从事特定细分市场 ≥ 2 年
  {
    const m = I.niche;
    const y = market.nicheYears;
    const threshold = `≥ ${m.minYears} 年`;
    out.push(
      y === undefined
        ? line('niche', m, { value: '未填', threshold, status: 'unknown', missing: ['从事特定细分市场年限（market.nicheYears）'] })
        : line('niche', m, { value: `${y} 年`, threshold, status: y >= m.minYears ? 'met' : 'not_met' }),
    );
  }

  // 上年度研发费用 ≥ 100 万元 且 占营业收入 ≥ 3%
  {
    const m = I.rdThreshold;
    const threshold = `研发费用 ≥ ${wan(m.minFen)} 且占营业收入 ≥ ${m.minPercent}%`;
    const rd = Y.value(L, 'rdFen');
    const rev = Y.value(L, 'revenueFen');
    const amount: Status = rd.value === undefined ? 'unknown' : rd.value >= m.minFen ? 'met' : 'not_met';
    const r = shareBandPoints([{ atLeast: m.minPercent, points: 1 }], 1, rd.value, rev.value, [...rd.missing, ...rev.missing]);
    const share: Status = rd.value === undefined || rev.value === undefined ? 'unknown' : r.points.low > 0 ? 'met' : 'not_met';
    const status = allOf(amount, share);
    const value =
      [rd.value !== undefined && wan(rd.value), r.share && `占营业收入 ${percentText(r.share)}`].filter(Boolean).join('，') || '未填';
    working.push(`${m.label}：${value}（${threshold}，${verdict(status)}）`);
    out.push(
      line('rdThreshold', m, {
        value,
        threshold,
        status,
        missing: [...(amount === 'unknown' ? rd.missing : []), ...(share === 'unknown' ? [...rd.missing, ...rev.missing] : [])],
      }),
    );
  }

  // 上年度营业收入 ≥ 1000 万元，或不足 1000 万元但近 2 年新增股权融资 ≥ 2000 万元
  {
    const m = I.revenueThreshold;
    const rev = Y.value(L, 'revenueFen');
    const eq = equityWithin(input, m.equityWithinYears, asOf);
    const byRevenue: Status = rev.value === undefined ? 'unknown' : rev.value >= m.minFen ? 'met' : 'not_met';
    const byEquity: Status = eq === undefined ? 'unknown' : eq >= BigInt(m.equityMinFen) ? 'met' : 'not_met';
    const status = anyOf(byRevenue, byEquity);
    const value =
      [
        rev.value !== undefined && `营业收入 ${wan(rev.value)}`,
        eq !== undefined && `${withinText(m.equityWithinYears, asOf)}股权融资 ${wan(eq)}`,
      ]
        .filter(Boolean)
        .join('，') || '未填';
    out.push(
      line('revenueThreshold', m, {
        value,
        threshold: `营业收入 ≥ ${wan(m.minFen)}，或${withinText(m.equityWithinYears, asOf)}新增股权融资 ≥ ${wan(m.equityMinFen)}`,
        status,
        missing: [
          ...(byRevenue === 'unknown' ? rev.missing : []),
          ...(byEquity === 'unknown' ? ['新增股权融资（equity，没有请填 []）'] : []),
        ],
      }),
    );
  }

  // The score.
  const items: IndicatorResult[] = [];
  const share = shareItem('score.mainShare', I.mainShareScore, Y, 'mainRevenueFen', 'revenueFen', '主营业务收入 ÷ 营业收入', working);
  items.push(share.item);

  let growth: Points;
  {
    const m = I.mainGrowthScore;
    const years = [L - 2, L - 1, L];
    const v = Y.values(years, 'mainRevenueFen');
    let value = '未填';
    if (!v.values) growth = { low: 0, high: m.maxPoints, missing: v.missing };
    else {
      const g = averageGrowth(v.values);
      growth = g.rate ? bandPoints(m.bands, g.rate) : exactly(0);
      value = g.rate ? percentText(g.rate) : g.text;
      working.push(`${m.label}：${g.text}，${pointsText(growth)}`);
    }
    items.push(
      scoredLine(
        'score.mainGrowth',
        m,
        m.maxPoints,
        growth,
        value,
        `½ ×（${L - 1} ÷ ${L - 2} + ${L} ÷ ${L - 1}）− 1：${bandsText(m.bands, '%')}`,
      ),
    );
  }

  let niche: Points;
  {
    const m = I.nicheScore;
    const y = market.nicheYears;
    niche =
      y === undefined
        ? { low: 0, high: m.maxPoints, missing: ['从事特定细分市场年限（market.nicheYears）'] }
        : exactly(Math.min(m.maxPoints, Math.floor(y / m.yearsPerPoint)));
    items.push(
      scoredLine(
        'score.niche',
        m,
        m.maxPoints,
        niche,
        y === undefined ? '未填' : `${y} 年`,
        `每满 ${m.yearsPerPoint} 年 1 分，最高 ${m.maxPoints} 分`,
      ),
    );
  }

  let product: Points;
  {
    const m = I.productFieldScore;
    const f = market.productField;
    const all = [m.keyBreakthrough, m.sixFoundations, m.other];
    product =
      f === undefined
        ? { low: Math.min(...all), high: Math.max(...all), missing: ['主导产品所属领域（market.productField）'] }
        : exactly(f === 'key_breakthrough' ? m.keyBreakthrough : f === 'six_foundations' ? m.sixFoundations : m.other);
    const labels = {
      key_breakthrough: '关键领域补短板、锻长板、填空白取得实际成效',
      six_foundations: '工业"六基"、中华老字号或关键产业链龙头配套',
      other: '其他',
    };
    items.push(
      scoredLine(
        'score.productField',
        m,
        m.maxPoints,
        product,
        f === undefined ? '未填' : labels[f],
        `${labels.key_breakthrough}：${m.keyBreakthrough} 分；${labels.six_foundations}：${m.sixFoundations} 分；其他：${m.other} 分`,
      ),
    );
  }

  let digital: Points;
  {
    const m = I.digitalScore;
    const lv = market.digitalLevel;
    digital =
      lv === undefined
        ? { low: 0, high: m.maxPoints, missing: ['数字化水平等级（market.digitalLevel）'] }
        : bandPoints(m.bands, ratio(lv, 1));
    items.push(
      scoredLine(
        'score.digital',
        m,
        m.maxPoints,
        digital,
        lv === undefined ? '未填' : `${lv} 级`,
        `数字化水平 ${bandsText(m.bands, '级')}`,
      ),
    );
  }

  let quality: Points;
  {
    const m = I.qualityScore;
    const facts: [string, boolean | undefined, string][] = [
      ['省级以上质量奖', market.provincialQualityAward, '是否获省级以上质量奖（market.provincialQualityAward）'],
      ['质量管理体系认证', market.qualityCertified, '是否获 ISO 9001 等质量管理体系认证（market.qualityCertified）'],
      ['自主品牌', market.ownBrand, '是否拥有自主品牌（market.ownBrand）'],
      [
        '参与制修订标准',
        input.standards === undefined ? undefined : input.standards.length > 0,
        '参与制修订标准情况（standards，没有请填 []）',
      ],
    ];
    const yes = facts.filter((f) => f[1] === true);
    const open = facts.filter((f) => f[1] === undefined);
    const low = Math.min(m.maxPoints, yes.length * m.pointsEach);
    const high = Math.min(m.maxPoints, (yes.length + open.length) * m.pointsEach);
    quality = { low, high, missing: low === high ? [] : open.map((f) => f[2]) };
    items.push(
      scoredLine(
        'score.quality',
        m,
        m.maxPoints,
        quality,
        yes.length ? yes.map((f) => f[0]).join('、') : open.length ? '未填' : '无',
        `省级以上质量奖、质量管理体系认证、自主品牌、参与制修订标准，每项 ${m.pointsEach} 分，最高 ${m.maxPoints} 分`,
      ),
    );
  }

  const margin = shareItem('score.netMargin', I.netMarginScore, Y, 'netProfitFen', 'revenueFen', '净利润 ÷ 营业收入', working);
  items.push(margin.item);
  const debt = debtItem('score.debt', I.debtScore, Y, working);
  items.push(debt.item);

  let local: Points;
  {
    const m = I.localScore;
    const s = input.selfScores?.localIndicators;
    local =
      s === undefined
        ? { low: 0, high: m.maxPoints, missing: ['特色化指标自评分（selfScores.localIndicators，由省级主管部门设定）'] }
        : exactly(s);
    items.push(
      scoredLine(
        'score.local',
        m,
        m.maxPoints,
        local,
        s === undefined ? '未填' : `自评 ${s} 分`,
        `省级主管部门自定 1–3 项指标，0–${m.maxPoints} 分`,
      ),
    );
  }

  const ip = tierPoints(I.ipScore, input);
  items.push(scoredLine('score.ip', I.ipScore, I.ipScore.maxPoints, ip.points, ip.value, tiersText(I.ipScore)));
  const rd = rdEither(I.rdScore, Y, working);
  items.push(
    scoredLine(
      'score.rd',
      I.rdScore,
      I.rdScore.maxPoints,
      rd.points,
      rd.value,
      `二者取高：研发费用 ${bandsText(I.rdScore.amountBands, '万元')}；或占营业收入 ${bandsText(I.rdScore.ratioBands, '%')}`,
    ),
  );

  let staff: Points;
  {
    const m = I.rdStaffScore;
    const r = shareBandPoints(m.bands, m.maxPoints, input.rdStaff, input.employees, [
      ...(input.rdStaff === undefined ? ['研发人员数（rdStaff）'] : []),
      ...(input.employees === undefined ? ['职工总数（employees）'] : []),
    ]);
    staff = r.points;
    if (r.share) working.push(`${m.label}：${input.rdStaff} 人 ÷ ${input.employees} 人 = ${percentText(r.share)}，${pointsText(staff)}`);
    items.push(
      scoredLine(
        'score.rdStaff',
        m,
        m.maxPoints,
        staff,
        r.share ? percentText(r.share) : input.employees === 0 ? '职工总数为 0' : '未填',
        `研发人员 ÷ 职工总数 ${bandsText(m.bands, '%')}`,
      ),
    );
  }

  let inst: Points;
  {
    const m = I.institutionScore;
    const list = input.rdInstitutions;
    inst =
      list === undefined
        ? { low: 0, high: m.maxPoints, missing: ['研发机构（rdInstitutions，没有请填 []）'] }
        : exactly(Math.max(0, ...list.map((x) => m.levels[x.level])));
    items.push(
      scoredLine(
        'score.institution',
        m,
        m.maxPoints,
        inst,
        list === undefined ? '未填' : list.length ? list.map((x) => INSTITUTION_LEVEL_LABELS[x.level]).join('、') : '未建立',
        `国家级 ${m.levels.national} 分；省级 ${m.levels.provincial} 分；市级 ${m.levels.municipal} 分；市级以下 ${m.levels.below_municipal} 分；未建立 0 分`,
      ),
    );
  }

  const groups = {
    specialization: total([share.points, growth, niche, product]),
    refinement: total([digital, quality, margin.points, debt.points]),
    local,
    innovation: total([ip.points, rd.points, staff, inst]),
  };
  const score = total(Object.values(groups));
  const scoreStatus = passStatus(score, I.score.passPoints);
  working.push(
    `${I.score.label}：专业化 ${pointsText(groups.specialization)} + 精细化 ${pointsText(groups.refinement)} + 特色化 ${pointsText(local)} + 创新能力 ${pointsText(groups.innovation)} = ${pointsText(score)}（≥ ${I.score.passPoints} 分，${verdict(scoreStatus)}）`,
  );
  const scoreItem = totalLine('score', I.score, score, scoreStatus, `≥ ${I.score.passPoints} 分（满分 ${I.score.maxPoints} 分）`);

  // Direct routes for condition (四).
  const routes = [awardRoute('routeAward', I.routeAward, input, asOf)];
  {
    const m = I.routeRdAverage;
    const years = Array.from({ length: m.years }, (_, i) => L - m.years + 1 + i);
    const v = Y.values(years, 'rdFen');
    const need = BigInt(m.minFen) * BigInt(m.years);
    const sum = sumFen(v.partial);
    const status: Status = sum >= need ? 'met' : v.values ? 'not_met' : 'unknown';
    routes.push(
      line('routeRdAverage', m, {
        value: v.values ? `年均 ${wan(sum / BigInt(m.years))}（合计 ${wan(sum)}）` : v.partial.length ? `已填年度合计 ${wan(sum)}` : '未填',
        threshold: `${years.join('、')} 年研发费用均值 ≥ ${wan(m.minFen)}（合计 ≥ ${wan(need)}）`,
        status,
        missing: v.missing,
      }),
    );
  }
  routes.push(equityRoute('routeEquity', I.routeEquity, input, asOf, working));
  routes.push(
    declared(
      'routeChuangke',
      I.routeChuangke,
      market.chuangkeTop500,
      '近三年是否进入"创客中国"全国 500 强企业组（market.chuangkeTop500）',
      {
        yes: '是',
        no: '否',
        threshold: `${withinText(3, asOf)}进入"创客中国"中小企业创新创业大赛全国 500 强企业组名单`,
      },
    ),
  );

  const base = allOf(...out.map((i) => i.status));
  const route = firstMet(routes);
  if (route) working.push(`第（四）项以直接条件满足：${route}`);
  return {
    indicators: [...out, scoreItem, ...items, ...routes],
    status: allOf(base, anyOf(scoreStatus, ...routes.map((r) => r.status))),
    ...(route && base !== 'not_met' ? { route } : {}),
    score: scoreOf(score, I.score.maxPoints, I.score.passPoints),
  };
}
