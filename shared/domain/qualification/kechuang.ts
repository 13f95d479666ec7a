/**
 * 科创属性 (《科创属性评价指引（试行）》): all four indicators, or one of the exceptions. The
 * software-industry rule (no patent indicator, R&D ≥ 10% of revenue) applies only when the
 * input says so; left out, a result that depends on it is unknown.
 */
import type { CriteriaOf, QualificationInput } from '../../schemas/criteria';
import { allOf, anyOf, declared, line, shareLine, Years, type IndicatorResult, type KindResult, type Status } from './common';
import { compare, percentOf, percentText, sumFen, wan } from './exact';
import { cagrAtLeast } from './growth';
import { awardRoute, firstMet } from './routes';

const SOFTWARE_FIELD = '是否属于软件行业（kechuang.softwareIndustry）';

/** The status under the software rule or the general one, as the input says. */
function bySoftware(software: boolean | undefined, general: Status, soft: Status): { status: Status; needsSoftware: boolean } {
  if (software === true) return { status: soft, needsSoftware: false };
  if (software === false) return { status: general, needsSoftware: false };
  return general === soft ? { status: general, needsSoftware: false } : { status: 'unknown', needsSoftware: true };
}

const verdict = (s: Status) => (s === 'met' ? '符合' : s === 'not_met' ? '不符合' : '尚不能确定');

export function evaluateKechuang(set: CriteriaOf<'kechuang'>, input: QualificationInput, asOf: string, working: string[]): KindResult {
  const I = set.indicators;
  const Y = new Years(input, asOf);
  const L = Y.latest;
  const k = input.kechuang ?? {};
  const years = [L - 2, L - 1, L];
  const out: IndicatorResult[] = [];

  // (1) 最近三年研发投入占营业收入 ≥ 5%，或累计 ≥ 8,000 万元（软件行业：占比 ≥ 10%）
  {
    const m = I.rd;
    const rev = Y.values(years, 'revenueFen');
    const rd = Y.values(years, 'rdFen');
    const sumRd = sumFen(rd.partial);
    const share = rev.values && rd.values && sumFen(rev.values) > 0n ? percentOf(sumRd, sumFen(rev.values)) : null;
    const shareAtLeast = (p: number): Status =>
      !rev.values || !rd.values ? 'unknown' : share === null ? 'not_met' : compare(share, p) >= 0 ? 'met' : 'not_met';
    const amount: Status = sumRd >= BigInt(m.minAmountFen) ? 'met' : rd.values ? 'not_met' : 'unknown';
    const general = anyOf(shareAtLeast(m.minPercent), amount);
    const soft = shareAtLeast(m.softwareMinPercent);
    const { status, needsSoftware } = bySoftware(k.softwareIndustry, general, soft);
    const value = rd.values
      ? `${years.join('、')} 年研发投入合计 ${wan(sumRd)}${share ? `，占营业收入合计 ${wan(sumFen(rev.values!))}的 ${percentText(share)}` : rev.values ? '，营业收入合计为 0' : ''}`
      : rd.partial.length
        ? `已填年度研发投入合计 ${wan(sumRd)}`
        : '未填';
    working.push(`${m.label}：${value}（${verdict(status)}）`);
    out.push(
      line('rd', m, {
        value,
        threshold: `最近三年研发投入占营业收入 ≥ ${m.minPercent}%，或累计 ≥ ${wan(m.minAmountFen)}；软件行业占比 ≥ ${m.softwareMinPercent}%`,
        status,
        missing: [
          ...(amount === 'unknown' || soft === 'unknown' ? rd.missing : []),
          ...(soft === 'unknown' ? rev.missing : []),
          ...(needsSoftware ? [SOFTWARE_FIELD] : []),
        ],
      }),
    );
  }

  // (2) 研发人员 ≥ 10%
  out.push(
    shareLine('rdStaff', I.rdStaff, {
      num: input.rdStaff === undefined ? undefined : { kind: 'people', value: input.rdStaff },
      den: input.employees === undefined ? undefined : { kind: 'people', value: input.employees },
      missing: [
        ...(input.rdStaff === undefined ? ['研发人员数（rdStaff）'] : []),
        ...(input.employees === undefined ? ['职工总数（employees）'] : []),
      ],
      minPercent: I.rdStaff.minPercent,
      formula: '研发人员 ÷ 当年员工总数',
      working,
    }).line,
  );

  // (3) 应用于主营业务的发明专利 ≥ 7 项（软件行业不适用）
  {
    const m = I.patents;
    const n = input.ip?.inventionMainBusiness;
    const general: Status = n === undefined ? 'unknown' : n >= m.min ? 'met' : 'not_met';
    const { status, needsSoftware } = bySoftware(k.softwareIndustry, general, 'met');
    const value = k.softwareIndustry === true ? '软件行业，不适用' : n === undefined ? '未填' : `${n} 项`;
    working.push(`${m.label}：${value}（≥ ${m.min} 项，${verdict(status)}）`);
    out.push(
      line('patents', m, {
        value,
        threshold: `≥ ${m.min} 项（软件行业不适用）`,
        status,
        missing: [
          ...(general === 'unknown' ? ['应用于主营业务的发明专利数（ip.inventionMainBusiness）'] : []),
          ...(needsSoftware ? [SOFTWARE_FIELD] : []),
        ],
      }),
    );
  }

  // (4) 最近三年营业收入复合增长率 ≥ 25%，或最近一年营业收入 ≥ 3 亿元
  {
    const m = I.growth;
    const threshold = `${L - 2}–${L} 年营业收入复合增长率 ≥ ${m.minCagrPercent}%，或 ${L} 年营业收入 ≥ ${wan(m.minLatestRevenueFen)}（按第五套上市标准申报的不适用）`;
    if (k.listingStandard5 === true) {
      working.push(`${m.label}：按科创板第五套上市标准申报，不适用`);
      out.push(line('growth', m, { value: '第五套上市标准，不适用', threshold, status: 'met' }));
    } else {
      const first = Y.value(L - 2, 'revenueFen');
      const last = Y.value(L, 'revenueFen');
      const latest: Status = last.value === undefined ? 'unknown' : last.value >= m.minLatestRevenueFen ? 'met' : 'not_met';
      let cagr: Status = 'unknown';
      let text = '';
      let rateText = '';
      if (first.value !== undefined && last.value !== undefined) {
        const c = cagrAtLeast(first.value, last.value, 2, m.minCagrPercent);
        cagr = c.ok ? 'met' : 'not_met';
        text = c.text;
        rateText = c.rateText;
      }
      const status = anyOf(cagr, latest);
      const value =
        [rateText && `复合增长率 ${rateText}`, last.value !== undefined && `${L} 年营业收入 ${wan(last.value)}`]
          .filter(Boolean)
          .join('，') || '未填';
      working.push(
        `${m.label}：${text ? `复合增长率 ${text}（≥ ${m.minCagrPercent}%：${verdict(cagr)}）；` : ''}${L} 年营业收入 ${last.value === undefined ? '未填' : wan(last.value)}（≥ ${wan(m.minLatestRevenueFen)}：${verdict(latest)}）`,
      );
      out.push(
        line('growth', m, {
          value,
          threshold,
          status,
          missing: [...(cagr === 'unknown' ? [...first.missing, ...last.missing] : []), ...(latest === 'unknown' ? last.missing : [])],
        }),
      );
    }
  }

  // The exceptions.
  const exPatents = (() => {
    const m = I.exPatents;
    const n = input.ip?.inventionMainBusiness;
    return line('exPatents', m, {
      value: n === undefined ? '未填' : `${n} 项`,
      threshold: `形成核心技术和应用于主营业务的发明专利（含国防专利）≥ ${m.min} 项`,
      status: n === undefined ? 'unknown' : n >= m.min ? 'met' : 'not_met',
      missing: ['应用于主营业务的发明专利数（ip.inventionMainBusiness）'],
    });
  })();
  const exceptions = [
    declared(
      'exLeadingTech',
      I.exLeadingTech,
      k.leadingCoreTech,
      '核心技术是否经国家主管部门认定具有国际领先、引领作用或对国家战略有重大意义（kechuang.leadingCoreTech）',
      {
        yes: '是',
        no: '否',
        threshold: '经国家主管部门认定',
      },
    ),
    awardRoute('exAward', I.exAward, input, asOf),
    declared('exMajorProject', I.exMajorProject, k.majorProject, '是否独立或牵头承担国家重大科技专项项目（kechuang.majorProject）', {
      yes: '是',
      no: '否',
      threshold: '独立或牵头承担与主营业务和核心技术相关的国家重大科技专项',
    }),
    declared(
      'exImportSubstitution',
      I.exImportSubstitution,
      k.importSubstitution,
      '主要产品是否属于关键设备、产品、零部件、材料并实现进口替代（kechuang.importSubstitution）',
      {
        yes: '是',
        no: '否',
        threshold: '属于国家鼓励的关键设备、关键产品、关键零部件、关键材料并实现进口替代',
      },
    ),
    exPatents,
  ];
  const main = allOf(...out.map((i) => i.status));
  const route = firstMet(exceptions);
  working.push(`四项指标：${verdict(main)}${route ? `；符合例外情形：${route}` : ''}`);
  return {
    indicators: [...out, ...exceptions],
    status: anyOf(main, ...exceptions.map((e) => e.status)),
    ...(route ? { route } : {}),
  };
}
