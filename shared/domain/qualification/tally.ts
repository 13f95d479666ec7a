/** A district's self-check: how many enterprises each criteria set finds 符合 / 不符合 / 尚不能确定. */
export interface SelfCheckTally {
  enterprises: number;
  asOf: string;
  bySet: { id: string; title: string; pass: number; fail: number; unknown: number }[];
}

/** Parts' tallies added up (every part checks the same sets: one resources folder, one date). */
export function mergeTallies(parts: readonly SelfCheckTally[]): SelfCheckTally {
  const [first, ...rest] = parts;
  if (!first) throw new RangeError('no self-check parts');
  const bySet = first.bySet.map((s) => ({ ...s }));
  for (const p of rest)
    p.bySet.forEach((s, i) => {
      if (s.id !== bySet[i]?.id) throw new RangeError(`self-check parts checked different sets: ${s.id} / ${bySet[i]?.id}`);
      bySet[i]!.pass += s.pass;
      bySet[i]!.fail += s.fail;
      bySet[i]!.unknown += s.unknown;
    });
  return { enterprises: parts.reduce((s, p) => s + p.enterprises, 0), asOf: first.asOf, bySet };
}
