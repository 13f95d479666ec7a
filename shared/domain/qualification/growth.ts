/**
 * Growth rates, exactly. The 高企 工作指引 (and, by analogy, the 专精特新 standard) averages
 * two years' growth: ½·(y2/y1 + y3/y2) − 1 = (y2² + y1·y3 − 2·y1·y2) / (2·y1·y2). A first
 * year of 0 counts the last two years only; a second year of 0 scores 0. Negative bases
 * (net assets below 0) score 0 as well: the text does not say, so this is our reading.
 */
import { percentOf, percentText, ratio, type Ratio, wan } from './exact';

export interface Growth {
  /** The rate in percent, or null when it scores 0 for the reason given. */
  rate: Ratio | null;
  /** The computation, for the working. */
  text: string;
}

export function averageGrowth(values: readonly number[]): Growth {
  if (values.length >= 3) {
    const [y1, y2, y3] = values.slice(-3).map(BigInt) as [bigint, bigint, bigint];
    if (y2 <= 0n) return { rate: null, text: `第二年末为 ${wan(y2)}（0 或负数），按 0 分计` };
    if (y1 === 0n) {
      const rate = percentOf(y3 - y2, y2);
      return { rate, text: `第一年末为 0，按后两年计算：${wan(y3)} ÷ ${wan(y2)} − 1 = ${percentText(rate)}` };
    }
    if (y1 < 0n) return { rate: null, text: `第一年末为 ${wan(y1)}（负数），按 0 分计` };
    const rate = { n: (y2 * y2 + y1 * y3 - 2n * y1 * y2) * 100n, d: 2n * y1 * y2 };
    return {
      rate,
      text: `½ ×（${wan(y2)} ÷ ${wan(y1)} + ${wan(y3)} ÷ ${wan(y2)}）− 1 = ${percentText(rate)}`,
    };
  }
  if (values.length === 2) {
    const [y1, y2] = values.map(BigInt) as [bigint, bigint];
    if (y1 <= 0n) return { rate: null, text: `第一年末为 ${wan(y1)}（0 或负数），按 0 分计` };
    const rate = percentOf(y2 - y1, y1);
    return { rate, text: `${wan(y2)} ÷ ${wan(y1)} − 1 = ${percentText(rate)}` };
  }
  return { rate: null, text: '只有一个年度，无法计算增长率，按 0 分计' };
}

/** y2 / y1 − 1 in percent; null when the base is 0 or negative. */
export function yearGrowth(y1: number, y2: number): Growth {
  if (y1 <= 0) return { rate: null, text: `上上年度为 ${wan(y1)}（0 或负数），无法计算增长率，按 0 分计` };
  const rate = percentOf(BigInt(y2) - BigInt(y1), y1);
  return { rate, text: `${wan(y2)} ÷ ${wan(y1)} − 1 = ${percentText(rate)}` };
}

/**
 * Compound annual growth over the years from y1 to y3 (two periods): (y3 / y1)^½ − 1 ≥ r
 * exactly as y3 / y1 ≥ (1 + r)²; the rate itself is shown rounded (a square root).
 */
export function cagrAtLeast(y1: number, y3: number, periods: number, minPercent: number): { ok: boolean; text: string; rateText: string } {
  if (y1 <= 0) return { ok: false, text: `首年营业收入为 ${wan(y1)}，无法计算复合增长率`, rateText: '无法计算（首年为 0）' };
  const bp = BigInt(Math.round(minPercent * 100));
  const lhs = ratio(y3, y1);
  const rhsN = (10_000n + bp) ** BigInt(periods);
  const rhsD = 10_000n ** BigInt(periods);
  const ok = lhs.n * rhsD >= rhsN * lhs.d;
  const shown = ((y3 / y1) ** (1 / periods) - 1) * 100;
  const rateText = `${shown.toFixed(2)}%`;
  return {
    ok,
    text: `（${wan(y3)} ÷ ${wan(y1)}）^(1/${periods}) − 1 ≈ ${rateText}（显示四舍五入，判断按 ${wan(y3)} ÷ ${wan(y1)} ≥ (1 + ${minPercent}%)^${periods} 精确比较）`,
    rateText,
  };
}
