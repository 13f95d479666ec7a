/**
 * Direct routes (直接认定 / 例外条款) shared by the sets: awards, R&D institutions, standards,
 * equity raised, honours. A list left out of the input is unknown; an empty list is "none".
 */
import {
  AWARD_LEVEL_LABELS,
  INSTITUTION_LEVEL_LABELS,
  STANDARD_LEVEL_LABELS,
  type AWARD_LEVELS,
  type HONOURS,
  type INSTITUTION_LEVELS,
  type QualificationInput,
  type STANDARD_LEVELS,
} from '../../schemas/criteria';
import { line, withinText, withinYears, type IndicatorResult, type Meta, type Status } from './common';
import { sumFen, wan } from './exact';

type AwardLevel = (typeof AWARD_LEVELS)[number];

export interface AwardRoute extends Meta {
  withinYears: number | null;
  accept: { level: AwardLevel; maxRank: number | null }[];
}

// The set's accepted awards read the same for every enterprise: built once per set.
const acceptTexts = new WeakMap<AwardRoute['accept'], string>();
function acceptText(accept: AwardRoute['accept']): string {
  let text = acceptTexts.get(accept);
  if (text === undefined)
    acceptTexts.set(
      accept,
      (text = accept
        .map((a) => `${AWARD_LEVEL_LABELS[a.level]}科技奖励${a.maxRank ? `（获奖单位排名前 ${a.maxRank}）` : ''}`)
        .join(' 或 ')),
    );
  return text;
}

export function awardRoute(key: string, r: AwardRoute, input: QualificationInput, asOf: string): IndicatorResult {
  const window = withinText(r.withinYears, asOf);
  const threshold = `${window}${acceptText(r.accept)}`;
  if (!input.awards) {
    return line(key, r, { value: '未填', threshold, status: 'unknown', missing: ['获奖情况（awards，没有请填 []）'] });
  }
  const candidates = input.awards
    .map((a, i) => ({ ...a, i }))
    .filter((a) => withinYears(a.year, r.withinYears, asOf) && r.accept.some((x) => x.level === a.level));
  const value = candidates.length
    ? candidates
        .map((a) => `${a.year} 年${AWARD_LEVEL_LABELS[a.level]}${a.name ? `「${a.name}」` : ''}${a.rank ? `（第 ${a.rank}）` : ''}`)
        .join('、')
    : `无${window ? `${window}内` : ''}符合级别的奖励`;
  let status: Status = 'not_met';
  const missing: string[] = [];
  for (const a of candidates) {
    const rules = r.accept.filter((x) => x.level === a.level);
    if (rules.some((x) => x.maxRank === null || (a.rank !== undefined && a.rank <= x.maxRank))) status = 'met';
    else if (a.rank === undefined) {
      if (status !== 'met') status = 'unknown';
      missing.push(`${a.year} 年${AWARD_LEVEL_LABELS[a.level]}奖励的获奖单位排名（awards[${a.i}].rank）`);
    }
  }
  return line(key, r, { value, threshold, status, missing });
}

type InstitutionLevel = (typeof INSTITUTION_LEVELS)[number];

export function institutionRoute(key: string, r: Meta & { levels: InstitutionLevel[] }, input: QualificationInput): IndicatorResult {
  const threshold = `拥有经认定的${r.levels.map((l) => INSTITUTION_LEVEL_LABELS[l]).join('或')}研发机构`;
  if (!input.rdInstitutions)
    return line(key, r, { value: '未填', threshold, status: 'unknown', missing: ['研发机构（rdInstitutions，没有请填 []）'] });
  const value = input.rdInstitutions.length
    ? input.rdInstitutions.map((x) => `${INSTITUTION_LEVEL_LABELS[x.level]}${x.name ? `「${x.name}」` : ''}`).join('、')
    : '无';
  return line(key, r, { value, threshold, status: input.rdInstitutions.some((x) => r.levels.includes(x.level)) ? 'met' : 'not_met' });
}

type StandardLevel = (typeof STANDARD_LEVELS)[number];

export function standardRoute(
  key: string,
  r: Meta & { withinYears: number; levels: StandardLevel[]; leadOnly: boolean },
  input: QualificationInput,
  asOf: string,
): IndicatorResult {
  const threshold = `${withinText(r.withinYears, asOf)}${r.leadOnly ? '主导' : '参与'}制定${r.levels.map((l) => STANDARD_LEVEL_LABELS[l]).join('、')}`;
  if (!input.standards)
    return line(key, r, { value: '未填', threshold, status: 'unknown', missing: ['参与制定标准情况（standards，没有请填 []）'] });
  const value = input.standards.length
    ? input.standards
        .map((s) => `${s.year} 年${s.lead ? '主导' : '参与'}${STANDARD_LEVEL_LABELS[s.level]}${s.name ? `「${s.name}」` : ''}`)
        .join('、')
    : '无';
  const ok = input.standards.some((s) => withinYears(s.year, r.withinYears, asOf) && r.levels.includes(s.level) && (!r.leadOnly || s.lead));
  return line(key, r, { value, threshold, status: ok ? 'met' : 'not_met' });
}

/** Equity raised within the years, summed. */
export function equityWithin(input: QualificationInput, years: number, asOf: string): bigint | undefined {
  return input.equity && sumFen(input.equity.filter((e) => withinYears(e.year, years, asOf)).map((e) => e.amountFen));
}

export function equityRoute(
  key: string,
  r: Meta & { withinYears: number; minFen: number },
  input: QualificationInput,
  asOf: string,
  working: string[],
): IndicatorResult {
  const threshold = `${withinText(r.withinYears, asOf)}新增股权融资（合格机构投资者实缴）≥ ${wan(r.minFen)}`;
  const sum = equityWithin(input, r.withinYears, asOf);
  if (sum === undefined)
    return line(key, r, { value: '未填', threshold, status: 'unknown', missing: ['新增股权融资（equity，没有请填 []）'] });
  const ok = sum >= BigInt(r.minFen);
  working.push(`${r.label}：${withinText(r.withinYears, asOf)}合计 ${wan(sum)}（≥ ${wan(r.minFen)}，${ok ? '符合' : '不符合'}）`);
  return line(key, r, { value: wan(sum), threshold, status: ok ? 'met' : 'not_met' });
}

export function honourRoute(key: string, r: Meta & { honours: (typeof HONOURS)[number][] }, input: QualificationInput): IndicatorResult {
  const threshold = `持有有效期内的${r.honours.join('、')}${r.honours.length > 1 ? '之一' : ''}`;
  if (!input.honours)
    return line(key, r, { value: '未填', threshold, status: 'unknown', missing: ['已获资质荣誉（honours，没有请填 []）'] });
  const held = input.honours.filter((h) => r.honours.includes(h));
  return line(key, r, {
    value: input.honours.length ? input.honours.join('、') : '无',
    threshold,
    status: held.length ? 'met' : 'not_met',
  });
}

/** The label of the first met route. */
export const firstMet = (routes: IndicatorResult[]): string | undefined => routes.find((r) => r.status === 'met')?.label;
