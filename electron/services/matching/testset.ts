import path from 'node:path';
import { z } from 'zod';
import { readJson } from '../resources';
import { matchNeed, type MatchIndex } from './bm25';
import type { Achievement, TechNeed } from './types';

/**
 * resources/matching/testset.json: fictional needs and achievements with, for each need, the
 * achievements that really meet it (judged by reading them, written before any ranking ran).
 * Used by the quality test and, for its vocabulary, by the benchmark.
 */
const needSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  description: z.string(),
  field: z.string(),
  ipcClasses: z.array(z.string()),
  budgetFen: z.number().int().nonnegative().optional(),
  deadline: z.string().optional(),
  relevant: z.array(z.string()).min(1).max(3),
});
const achievementSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  abstract: z.string(),
  holder: z.string(),
  ipcClasses: z.array(z.string()),
  patents: z.array(z.string()),
  maturity: z.string(),
  transferModes: z.array(z.enum(['转让', '许可', '作价入股'])),
});
const testSetSchema = z.object({ about: z.string(), needs: z.array(needSchema), achievements: z.array(achievementSchema) });

export type LabelledNeed = TechNeed & { relevant: string[] };
export interface TestSet {
  needs: LabelledNeed[];
  achievements: Achievement[];
}

export function loadTestSet(resourcesDir: string): TestSet {
  const { needs, achievements } = readJson(path.join(resourcesDir, 'matching', 'testset.json'), testSetSchema);
  return { needs, achievements };
}

export interface RankingMetrics {
  /** Mean over needs of |relevant ∩ top k| / k. */
  precision: number;
  /** Mean over needs of |relevant ∩ top k| / |relevant|. */
  recall: number;
  /** Mean reciprocal rank of the first relevant hit (0 when none is in the top `depth`). */
  mrr: number;
  /** The best precision at k possible with these labels (fewer than k relevant per need). */
  precisionCeiling: number;
  perNeed: { id: string; hits: string[]; found: number; firstRank: number | null }[];
}

/** Precision and recall at k and MRR (over the top `depth`) of matchNeed on the labelled needs. */
export function evaluate(index: MatchIndex, needs: readonly LabelledNeed[], k = 5, depth = 20): RankingMetrics {
  let p = 0;
  let r = 0;
  let rr = 0;
  let ceiling = 0;
  const perNeed: RankingMetrics['perNeed'] = [];
  for (const need of needs) {
    const ranked = matchNeed(index, need, Math.max(k, depth)).map((h) => h.id);
    const relevant = new Set(need.relevant);
    const found = ranked.slice(0, k).filter((id) => relevant.has(id)).length;
    const first = ranked.findIndex((id) => relevant.has(id));
    p += found / k;
    r += found / relevant.size;
    rr += first >= 0 ? 1 / (first + 1) : 0;
    ceiling += Math.min(k, relevant.size) / k;
    perNeed.push({ id: need.id, hits: ranked.slice(0, k), found, firstRank: first >= 0 ? first + 1 : null });
  }
  const n = Math.max(1, needs.length);
  return { precision: p / n, recall: r / n, mrr: rr / n, precisionCeiling: ceiling / n, perNeed };
}
