/**
 * The qualification self-check (资质自评): one criteria set (data from resources/criteria/)
 * against what a steward knows of an enterprise. Every indicator is met, not met or unknown;
 * unknown names the data to add, and missing data is never taken as 0.
 */
import type { CriteriaSet, QualificationInput } from '../../schemas/criteria';
import type { KindResult, Outcome, QualificationResult } from './common';
import { outcomeOf, yearOf } from './common';
import { evaluateGaoqi } from './gaoqi';
import { evaluateKechuang } from './kechuang';
import { evaluateKexiao } from './kexiao';
import { evaluateChuangxin, evaluateZhuanjingtexin } from './youzhi';

export type { IndicatorResult, Outcome, QualificationResult, ScoreResult, Status } from './common';

export const isInForce = (set: Pick<CriteriaSet, 'effectiveFrom' | 'effectiveTo'>, date: string): boolean =>
  set.effectiveFrom <= date && (set.effectiveTo === null || date <= set.effectiveTo);

/** The sets in force on the date, in the order given. */
export const setsInForce = <T extends Pick<CriteriaSet, 'effectiveFrom' | 'effectiveTo'>>(sets: readonly T[], date: string): T[] =>
  sets.filter((s) => isInForce(s, date));

const OUTCOME_TEXT: Record<Outcome, string> = { pass: '符合', fail: '不符合', unknown: '尚不能确定（请补充所缺数据）' };

function kindResult(set: CriteriaSet, input: QualificationInput, today: string, working: string[]): KindResult {
  switch (set.kind) {
    case 'gaoqi':
      return evaluateGaoqi(set, input, today, working);
    case 'kexiao':
      return evaluateKexiao(set, input, today, working);
    case 'chuangxin':
      return evaluateChuangxin(set, input, today, working);
    case 'zhuanjingtexin':
      return evaluateZhuanjingtexin(set, input, today, working);
    case 'kechuang':
      return evaluateKechuang(set, input, today, working);
  }
}

/**
 * Only the outcome, by the same evaluators: for counting a whole district, which shows neither
 * the missing list nor the conclusion (the evaluators' own lines are still built, then dropped).
 */
export const verdictOf = (set: CriteriaSet, input: QualificationInput, today: string): Outcome =>
  outcomeOf(kindResult(set, input, today, []).status);

export function evaluate(set: CriteriaSet, input: QualificationInput, today: string): QualificationResult {
  const working: string[] = ['金额以分为单位精确计算；比例显示四舍五入到 0.01%，是否达标按精确值判断'];
  const inForce = isInForce(set, today);
  if (!inForce)
    working.push(`注意：本标准有效期为 ${set.effectiveFrom} 至 ${set.effectiveTo ?? '今'}，自评日期 ${today} 不在其内，结果仅供对照`);
  const latest = input.years?.length ? Math.max(...input.years.map((y) => y.year)) : null;
  if (latest !== null && latest < yearOf(today) - 1)
    working.push(`注意：最近一个会计年度应为 ${yearOf(today) - 1} 年，输入只到 ${latest} 年，以下按 ${latest} 年为最近一年计算`);
  const r = kindResult(set, input, today, working);
  const result = outcomeOf(r.status);
  const missing = [...new Set(r.indicators.flatMap((i) => (i.status === 'unknown' ? (i.missing ?? []) : [])))];
  working.push(`结论：${set.qualification}——${OUTCOME_TEXT[result]}${r.route ? `（${r.route}）` : ''}`);
  if (set.weak)
    working.push(
      `提示：本标准部分内容未能与原文核对（${set.note.replace(/。$/, '') || '见各指标的说明'}），申报前请以主管部门公布的原文为准`,
    );
  return {
    set: {
      id: set.id,
      qualification: set.qualification,
      title: set.title,
      version: set.version,
      effectiveFrom: set.effectiveFrom,
      effectiveTo: set.effectiveTo,
      inForce,
      weak: set.weak,
      note: set.note,
      source: set.source,
    },
    asOf: today,
    result,
    ...(r.route && result === 'pass' ? { route: r.route } : {}),
    indicators: r.indicators,
    ...(r.score ? { score: r.score } : {}),
    missing,
    working,
  };
}
