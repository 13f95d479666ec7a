import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../shared/errors';
import { bankCatalogSchema } from '../../shared/schemas/bank';
import type { BankProduct } from '../../shared/types/valuation';
import { loadBankProducts } from './resources';

const BANKS = 'bank-products';

/**
 * The bank product catalogue: the copy shipped in resources/, unless the user edited it in
 * the app, in which case the edited copy (kept in the database, synced) wins.
 */
export function bankProducts(db: Database | null, resourcesDir: string): { products: BankProduct[]; edited: boolean } {
  const row = db?.prepare('SELECT json FROM catalog_overrides WHERE name = ?').pluck().get(BANKS) as string | undefined;
  if (!row) return { products: loadBankProducts(resourcesDir), edited: false };
  const parsed = bankCatalogSchema.safeParse(JSON.parse(row));
  if (!parsed.success) throw new AppError('INTERNAL', '已保存的银行产品目录无法读取，请恢复默认目录');
  return { products: parsed.data as BankProduct[], edited: true };
}
