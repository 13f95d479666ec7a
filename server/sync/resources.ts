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
import { compensationPoolSchema, type CompensationPool } from '../../shared/schemas/loan';
import { policySchema, type Policy } from '../../shared/schemas/policy';
import type { BankProduct } from '../../shared/types/valuation';

export interface Resources {
  products: BankProduct[];
  policy(id: string): Policy;
  pool(id: string): CompensationPool;
}

const cache = new Map<string, Resources>();

export function loadResources(dir: string): Resources {
  const hit = cache.get(dir);
  if (hit) return hit;
  const read = <T>(file: string, schema: z.ZodType<T>): T => schema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  const products = read(path.join(dir, 'banks', 'products.json'), z.object({ version: z.string(), products: bankCatalogSchema }))
    .products as BankProduct[];
  const byId = <T extends { id: string }>(sub: string, schema: z.ZodType<T>) =>
    new Map(
      fs
        .readdirSync(path.join(dir, sub))
        .filter((f) => f.endsWith('.json'))
        .map((f) => read(path.join(dir, sub, f), schema))
        .map((p) => [p.id, p]),
    );
  const policies = byId('policies', policySchema);
  const pools = byId('compensation', compensationPoolSchema);
  const loaded: Resources = {
    products,
    policy(id) {
      const p = policies.get(id);
      if (!p) throw new AppError('NOT_FOUND', `没有编号为 ${id} 的贴息政策`);
      return p;
    },
    pool(id) {
      const p = pools.get(id);
      if (!p) throw new AppError('NOT_FOUND', `没有编号为 ${id} 的风险补偿资金池`);
      return p;
    },
  };
  cache.set(dir, loaded);
  return loaded;
}
