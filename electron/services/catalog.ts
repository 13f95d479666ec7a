import type { Database } from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import { bankCatalogSchema } from '../../shared/schemas/bank';
import type { BankProduct } from '../../shared/types/valuation';
import { recordChange } from './changes';
import type { WriteContext } from './enterprises/repository';
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

export function saveBankProducts(db: Database, products: BankProduct[], ctx: WriteContext): void {
  db.transaction(() => {
    db.prepare(
      'INSERT INTO catalog_overrides (name, json, updated_by, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET json = excluded.json, updated_by = excluded.updated_by, updated_at = excluded.updated_at',
    ).run(BANKS, JSON.stringify(products), ctx.actor, ctx.now);
    recordChange(db, 'catalog', BANKS, 'upsert', ctx.now);
  }).immediate();
}

export function resetBankProducts(db: Database, ctx: WriteContext): void {
  db.transaction(() => {
    if (db.prepare('DELETE FROM catalog_overrides WHERE name = ?').run(BANKS).changes)
      recordChange(db, 'catalog', BANKS, 'delete', ctx.now);
  }).immediate();
}
