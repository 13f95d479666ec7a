/**
 * 高新技术企业 (《高新技术企业认定管理办法》第十一条 and the 工作指引's innovation score): all
 * eight conditions must hold; the innovation score's bands give ranges (an expert picks within
 * them), so the score is a range and passes only when its low end does.
 */
import { daysBetween } from '../dates';
import type { CriteriaOf, QualificationInput } from '../../schemas/criteria';
import {
  allOf,
  bandPoints,
  bandsText,
  class1Of,
  class2Of,
  class1ElseClass2,
  countText,
  declared,
  exactly,
  interned,
  line,
  passStatus,
  pointsText,
  range,
  scoredLine,
  scoreOf,
  shareLine,
  total,
  totalLine,
  Years,
  type IndicatorResult,
  type KindResult,
  type Points,
  type Status,
} from './common';
import { compare, percentOf, percentText, ratio, roundText, sumFen, wan } from './exact';
import { averageGrowth } from './growth';

type Set = CriteriaOf<'gaoqi'>;

export function evaluateGaoqi(set: Set, input: QualificationInput, asOf: string, working: string[]): KindResult {
  const I = set.indicators;
  const Y = new Years(input, asOf);
  const d = input.declarations ?? {};
  const out: IndicatorResult[] = [];

  // 1. 注册成立一年以上
  {
    const m = I.registered;
    const threshold = `成立 ≥ ${m.minDays} 天`;
    if (!input.foundedOn)
      out.push(line('registered', m, { value: '未填', threshold, status: 'unknown', missing: ['成立日期（foundedOn）'] }));
    else {
      const days = daysBetween(input.foundedOn, asOf);
      const ok = days >= m.minDays;
      working.push(`${m.label}：${input.foundedOn} 成立，至 ${asOf} 共 ${days} 天（${threshold}，${ok ? '符合' : '不符合'}）`);
      out.push(line('registered', m, { value: `${input.foundedOn} 成立，${days} 天`, threshold, status: ok ? 'met' : 'not_met' }));
    }
  }

  // 2. 核心知识产权: declared; an enterprise with no IP at all cannot have it.
  const c1 = class1Of(input);
  const c2 = class2Of(input);
  const noIp = c1.exact && c2.exact && c1.low + c2.low === 0;
  if (d.ownsCoreIp === undefined && noIp)
    out.push(line('coreIp', I.coreIp, { value: '无Ⅰ类、Ⅱ类知识产权', threshold: '拥有核心知识产权的所有权', status: 'not_met' }));
  else
    out.push(
      declared('coreIp', I.coreIp, d.ownsCoreIp, '是否拥有对主要产品（服务）发挥核心支持作用的知识产权（declarations.ownsCoreIp）', {
        yes: '拥有',
        no: '没有',
        threshold: '拥有核心知识产权的所有权',
      }),
    );

  // 3. 国家重点支持的高新技术领域
  out.push(
    declared('keyField', I.keyField, d.inKeyField, '核心技术是否属于《国家重点支持的高新技术领域》（declarations.inKeyField）', {
      yes: '属于',
      no: '不属于',
      threshold: '属于《国家重点支持的高新技术领域》',
    }),
  );

  // 4. 科技人员 ≥ 10%
  out.push(
    shareLine('techStaff', I.techStaff, {
      num: input.techStaff === undefined ? undefined : { kind: 'people', value: input.techStaff },
      den: input.employees === undefined ? undefined : { kind: 'people', value: input.employees },
      missing: [
        ...(input.techStaff === undefined ? ['科技人员数（techStaff）'] : []),
        ...(input.employees === undefined ? ['职工总数（employees）'] : []),
      ],
      minPercent: I.techStaff.minPercent,
      formula: '科技人员 ÷ 职工总数',
      working,
    }).line,
  );

  // 5. 近三年研发费用占销售收入（按最近一年销售收入分档），境内研发费用 ≥ 60%
  const w = Y.window(3, true);
  if (w.shortened)
    working.push(`成立于 ${input.foundedOn}，实际经营期不满三年，按实际经营年度 ${w.years[0]}–${Y.latest} 年计算（研发费用、成长性）`);
  {
    const m = I.rdRatio;
    const latestRevenue = Y.value(Y.latest, 'revenueFen').value;
    const band =
      latestRevenue === undefined ? undefined : m.bands.find((b) => b.revenueAtMostFen === null || latestRevenue <= b.revenueAtMostFen);
    const bandsDesc = m.bands
      .map((b, i) =>
        b.revenueAtMostFen === null
          ? `${wan(m.bands[i - 1]?.revenueAtMostFen ?? 0)}以上：≥ ${b.minPercent}%`
          : `≤ ${wan(b.revenueAtMostFen)}：≥ ${b.minPercent}%`,
      )
      .join('；');
    const threshold = band
      ? `≥ ${band.minPercent}%（最近一年销售收入 ${wan(latestRevenue!)}，适用此档；分档：${bandsDesc}）`
      : `按最近一年销售收入分档：${bandsDesc}`;
    const rev = Y.values(w.years, 'revenueFen');
    const rd = Y.values(w.years, 'rdFen');
    if (!rev.values || !rd.values || !band) {
      out.push(line('rdRatio', m, { value: '未填', threshold, status: 'unknown', missing: [...rev.missing, ...rd.missing] }));
    } else {
      const sRev = sumFen(rev.values);
      const sRd = sumFen(rd.values);
      if (sRev === 0n) {
        working.push(`${m.label}：${w.years.join('、')} 年销售收入合计为 0，无法计算，按不符合`);
        out.push(line('rdRatio', m, { value: '销售收入合计为 0', threshold, status: 'not_met' }));
      } else {
        const share = percentOf(sRd, sRev);
        const ok = compare(share, band.minPercent) >= 0;
        working.push(
          `${m.label}：${w.years.join('、')} 年研发费用合计 ${wan(sRd)} ÷ 销售收入合计 ${wan(sRev)} = ${percentText(share)}；最近一年（${Y.latest} 年）销售收入 ${wan(latestRevenue!)}，适用 ≥ ${band.minPercent}%，${ok ? '符合' : '不符合'}`,
        );
        out.push(line('rdRatio', m, { value: percentText(share), threshold, status: ok ? 'met' : 'not_met' }));
      }
    }
  }
  {
    const dom = Y.values(w.years, 'domesticRdFen');
    const rd = Y.values(w.years, 'rdFen');
    out.push(
      shareLine('domesticRd', I.domesticRd, {
        num: dom.values ? { kind: 'fen', value: sumFen(dom.values) } : undefined,
        den: rd.values ? { kind: 'fen', value: sumFen(rd.values) } : undefined,
        missing: [...dom.missing, ...rd.missing],
        minPercent: I.domesticRd.minPercent,
        formula: `${w.years.join('、')} 年境内研发费用合计 ÷ 研发费用合计`,
        working,
      }).line,
    );
  }

  // 6. 近一年高新技术产品（服务）收入 ≥ 60% of 总收入 (营业收入 when 总收入 is not given)
  {
    const row = Y.rows.get(Y.latest);
    const ht = Y.value(Y.latest, 'highTechRevenueFen');
    const income = row?.totalIncomeFen ?? row?.revenueFen;
    const proxy = row?.totalIncomeFen === undefined && row?.revenueFen !== undefined;
    out.push(
      shareLine('highTechRevenue', I.highTechRevenue, {
        num: ht.value === undefined ? undefined : { kind: 'fen', value: ht.value },
        den: income === undefined ? undefined : { kind: 'fen', value: income },
        missing: [
          ...ht.missing,
          ...(income === undefined
            ? [
                interned(
                  `t${Y.latest}`,
                  () => `${Y.latest} 年总收入（years 中 ${Y.latest} 年的 totalIncomeFen，未填时按营业收入 revenueFen）`,
                ),
              ]
            : []),
        ],
        minPercent: I.highTechRevenue.minPercent,
        formula: `${Y.latest} 年高新技术产品（服务）收入 ÷ ${proxy ? '营业收入（未填总收入，以营业收入代替；有其他收入时比例会更低）' : '总收入'}`,
        working,
        note: proxy ? '未填总收入，按营业收入计算' : undefined,
      }).line,
    );
  }

  // 7. 创新能力评价
  const self = input.selfScores ?? {};
  const items: IndicatorResult[] = [];
  const expert = (key: 'techAdvancement' | 'coreSupport' | 'rdManagement'): Points => {
    const m = I[key];
    const s = self[key];
    const p: Points =
      s === undefined
        ? {
            low: 0,
            high: m.maxPoints,
            missing: [
              interned(`s${key}${m.maxPoints}${m.label}`, () => `${m.label}的自评分（selfScores.${key}，0–${m.maxPoints} 分，由专家评审）`),
            ],
          }
        : exactly(s);
    items.push(
      scoredLine(
        `innovation.${key}`,
        m,
        m.maxPoints,
        p,
        s === undefined ? '未填（由专家评审）' : `自评 ${s} 分`,
        `专家评审，0–${m.maxPoints} 分`,
      ),
    );
    return p;
  };
  const adv = expert('techAdvancement');
  const core = expert('coreSupport');

  // 知识产权数量: any Class I item, else Class II bands.
  let qty: Points;
  {
    const m = I.ipQuantity;
    const [lo1, hi1] = range(m.class1Points);
    qty = class1ElseClass2(m.class1Points, m.class2Bands, c1, c2);
    working.push(`${m.label}：Ⅰ类 ${countText(c1)}，Ⅱ类 ${countText(c2)}，${pointsText(qty)}`);
    items.push(
      scoredLine(
        'innovation.ipQuantity',
        m,
        m.maxPoints,
        qty,
        `Ⅰ类 ${countText(c1)}，Ⅱ类 ${countText(c2)}`,
        `Ⅰ类 ≥ 1 项：${lo1}–${hi1} 分；否则Ⅱ类 ${bandsText(m.class2Bands, '项')}`,
      ),
    );
  }

  // 获得方式: own R&D 1–6, only bought / donated / merged 1–3; no IP 0.
  let acq: Points;
  {
    const m = I.ipAcquisition;
    const own = range(m.ownRdPoints);
    const bought = range(m.acquiredOnlyPoints);
    const hasIp: Status = c1.low + c2.low > 0 ? 'met' : noIp ? 'not_met' : 'unknown';
    const ownRd = input.ip?.ownRd;
    const when = ownRd === undefined ? [Math.min(own[0], bought[0]), Math.max(own[1], bought[1])] : ownRd ? own : bought;
    const missingOwn = ownRd === undefined ? ['知识产权是否有自主研发（ip.ownRd）'] : [];
    if (hasIp === 'not_met') acq = exactly(0);
    else if (hasIp === 'met') acq = { low: when[0]!, high: when[1]!, missing: missingOwn };
    else acq = { low: 0, high: when[1]!, missing: [...c1.missing, ...c2.missing, ...missingOwn] };
    items.push(
      scoredLine(
        'innovation.ipAcquisition',
        m,
        m.maxPoints,
        acq,
        hasIp === 'not_met' ? '无知识产权' : ownRd === undefined ? '未填' : ownRd ? '有自主研发' : '仅受让、受赠、并购等',
        `有自主研发：${own[0]}–${own[1]} 分；仅受让、受赠、并购等：${bought[0]}–${bought[1]} 分`,
      ),
    );
  }

  // 参与编制标准（加分）
  let bonus: Points;
  {
    const m = I.standardsBonus;
    const [lo, hi] = range(m.points);
    const took = input.standards?.filter((s) => m.levels.includes(s.level)) ?? [];
    bonus =
      input.standards === undefined
        ? { low: 0, high: hi, missing: ['参与编制标准情况（standards，没有请填 []）'] }
        : took.length
          ? { low: lo, high: hi, missing: [] }
          : exactly(0);
    items.push(
      scoredLine(
        'innovation.standardsBonus',
        m,
        m.maxPoints,
        bonus,
        input.standards === undefined ? '未填' : took.length ? `参与 ${took.length} 项` : '无',
        `参与编制国家标准、行业标准、检测方法、技术规范：${lo}–${hi} 分`,
      ),
    );
  }
  const ipTotal = total([adv, core, qty, acq, bonus], I.innovation.ipMaxPoints);
  working.push(`知识产权小计：${pointsText(ipTotal)}（不超过 ${I.innovation.ipMaxPoints} 分）`);

  // 科技成果转化能力: yearly average over the years counted.
  let conv: Points;
  {
    const m = I.conversion;
    const n = w.years.length;
    const t = input.techConversions;
    if (t === undefined)
      conv = { low: 0, high: m.maxPoints, missing: [interned(`c${n}`, () => `近 ${n} 年科技成果转化总数（techConversions）`)] };
    else {
      const avg = ratio(t, n);
      conv = bandPoints(m.bands, avg);
      working.push(`${m.label}：近 ${n} 年共 ${t} 项，年均 ${roundText(avg)} 项，${pointsText(conv)}`);
    }
    items.push(
      scoredLine(
        'innovation.conversion',
        m,
        m.maxPoints,
        conv,
        t === undefined ? '未填' : `近 ${n} 年共 ${t} 项，年均 ${roundText(ratio(t, n))} 项`,
        `年均转化数 ${bandsText(m.bands, '项')}`,
      ),
    );
  }

  const mgmt = expert('rdManagement');

  // 成长性: net assets and sales growth.
  const growth = (key: 'netAssetGrowth' | 'revenueGrowth', field: 'netAssetsFen' | 'revenueFen'): Points => {
    const m = I[key];
    const v = Y.values(w.years, field);
    let p: Points;
    let value = '未填';
    if (!v.values) p = { low: 0, high: m.maxPoints, missing: v.missing };
    else {
      const g = averageGrowth(v.values);
      p = g.rate ? bandPoints(m.bands, g.rate) : exactly(0);
      value = g.rate ? percentText(g.rate) : g.text;
      working.push(`${m.label}：${g.text}，${pointsText(p)}`);
    }
    items.push(
      scoredLine(`innovation.${key}`, m, m.maxPoints, p, value, `½ ×（第二年 ÷ 第一年 + 第三年 ÷ 第二年）− 1：${bandsText(m.bands, '%')}`),
    );
    return p;
  };
  const gNet = growth('netAssetGrowth', 'netAssetsFen');
  const gRev = growth('revenueGrowth', 'revenueFen');

  const score = total([ipTotal, conv, mgmt, gNet, gRev]);
  const scoreStatus = passStatus(score, I.innovation.passPoints);
  working.push(
    `创新能力评价：知识产权 ${pointsText(ipTotal)} + 成果转化 ${pointsText(conv)} + 研发组织管理 ${pointsText(mgmt)} + 成长性 ${pointsText(total([gNet, gRev]))} = ${pointsText(score)}（≥ ${I.innovation.passPoints} 分，${scoreStatus === 'met' ? '符合' : scoreStatus === 'not_met' ? '不符合' : '尚不能确定'}）`,
  );
  out.push(
    totalLine(
      'innovation',
      I.innovation,
      score,
      scoreStatus,
      `≥ ${I.innovation.passPoints} 分（满分 ${I.innovation.maxPoints} 分）`,
      scoreStatus === 'unknown' && !score.missing.length ? '得分区间跨越及格线，取决于专家在各档区间内的打分' : undefined,
    ),
  );

  // 8. 无重大安全、质量事故或严重环境违法行为
  out.push(
    declared(
      'goodStanding',
      I.goodStanding,
      d.goodStanding,
      '近一年是否无重大安全、质量事故或严重环境违法行为（declarations.goodStanding）',
      {
        yes: '未发生',
        no: '发生过',
        threshold: '申请认定前一年内未发生',
      },
    ),
  );

  return {
    indicators: [...out, ...items],
    status: allOf(...out.map((i) => i.status)),
    score: scoreOf(score, I.innovation.maxPoints, I.innovation.passPoints),
  };
}
