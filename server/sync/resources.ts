/**
 * The data in resources/ the shared checks need on the server: subsidy policies and the bank
 * catalogue as shipped (an edited catalogue is a synced record and wins). Read and checked
 * once per process, with the schemas the desktop uses.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import { bankCatalogSchema } from '../../shared/schemas/bank';
import { policySchema, type Policy } from '../../shared/schemas/policy';
import type { BankProduct } from '../../shared/types/valuation';

export interface Resources {
  products: BankProduct[];
  policy(id: string): Policy;
}

const cache = new Map<string, Resources>();

export function loadResources(dir: string): Resources {
  const hit = cache.get(dir);
  if (hit) return hit;
  const read = <T>(file: string, schema: z.ZodType<T>): T => schema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  const products = read(path.join(dir, 'banks', 'products.json'), z.object({ version: z.string(), products: bankCatalogSchema }))
    .products as BankProduct[];
  const policyDir = path.join(dir, 'policies');
  const policies = new Map(
    fs
      .readdirSync(policyDir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => read(path.join(policyDir, f), policySchema))
      .map((p) => [p.id, p]),
  );
  const loaded: Resources = {
    products,
    policy(id) {
      const p = policies.get(id);
      if (!p) throw new AppError('NOT_FOUND', `没有编号为 ${id} 的贴息政策`);
      return p;
    },
  };
  cache.set(dir, loaded);
  return loaded;
}
