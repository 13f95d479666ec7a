import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { bankCatalogSchema } from '../../shared/schemas/bank';
import { AppError } from '../../shared/errors';
import type { BankProduct, IndicatorSet } from '../../shared/types/valuation';

/**
 * Data that ships in resources/ (editable, never constants in code), checked on load so a
 * bad edit gives a clear message instead of wrong figures.
 */
const weight = z.number().min(0).max(1);
const indicatorSetSchema = z.object({
  id: z.string(),
  version: z.string(),
  title: z.string(),
  source: z.string(),
  scenario: z.string(),
  dimensions: z
    .array(
      z.object({
        key: z.string(),
        name: z.string(),
        weight,
        indicators: z.array(z.object({ key: z.string(), name: z.string(), weight })).min(1),
      }),
    )
    .min(1),
});
const productsSchema = z.object({ version: z.string(), products: bankCatalogSchema });

/** Checked contents by file, kept until the file changes (an open case reads them on every call). */
const checked = new Map<string, { mtimeMs: number; schema: unknown; value: unknown }>();

export function readJson<T>(file: string, schema: z.ZodType<T>): T {
  let mtimeMs: number;
  let raw: unknown;
  try {
    mtimeMs = fs.statSync(file).mtimeMs;
    const hit = checked.get(file);
    if (hit && hit.mtimeMs === mtimeMs && hit.schema === schema) return hit.value as T;
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    throw new AppError('INTERNAL', `无法读取数据文件 ${file}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success)
    throw new AppError(
      'INTERNAL',
      `数据文件 ${file} 格式有误：${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('；')}`,
    );
  checked.set(file, { mtimeMs, schema, value: parsed.data });
  return parsed.data;
}

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

export function loadIndicatorSet(resourcesDir: string): IndicatorSet {
  const set = readJson(path.join(resourcesDir, 'valuation', 'indicators-financing.json'), indicatorSetSchema);
  const bad = [
    Math.abs(sum(set.dimensions.map((d) => d.weight)) - 1) > 1e-9 ? '一级维度' : null,
    ...set.dimensions.map((d) => (Math.abs(sum(d.indicators.map((i) => i.weight)) - 1) > 1e-9 ? d.name : null)),
  ].filter(Boolean);
  if (bad.length) throw new AppError('INTERNAL', `指标权重之和应为 1：${bad.join('、')}`);
  return set;
}

export function loadBankProducts(resourcesDir: string): BankProduct[] {
  return readJson(path.join(resourcesDir, 'banks', 'products.json'), productsSchema).products as BankProduct[];
}

/** S = Σ dimension weight × Σ indicator weight × score (0–100); a missing score counts as 0. */
export function weightedScore(set: IndicatorSet, scores: Record<string, number>): number {
  return sum(set.dimensions.map((d) => d.weight * sum(d.indicators.map((i) => i.weight * (scores[`${d.key}.${i.key}`] ?? 0)))));
}

/** Every JSON file of a folder of versioned data (policies, pools), each checked, their ids unique. */
export function readDataDir<T extends { id: string }>(dir: string, schema: z.ZodType<T>, what: string): T[] {
  const files = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort()
    : [];
  const out = files.map((f) => readJson(path.join(dir, f), schema));
  const seen = new Set<string>();
  for (const x of out) {
    if (seen.has(x.id)) throw new AppError('INTERNAL', `${what}编号重复：${x.id}`);
    seen.add(x.id);
  }
  return out;
}
