export function percentile(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

/** Runs fn n times and returns each duration in ms. */
export function timeEach(n: number, fn: () => unknown): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return out;
}

export interface Figure {
  name: string;
  value: number;
  baseline: number;
  unit: string;
  /** Printed after the ratio, e.g. the target. */
  note?: string;
}
