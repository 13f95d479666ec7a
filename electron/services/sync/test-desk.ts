/**
 * For the sync tests: a desktop database signed in to a central service, and an enterprise as
 * its form sends it back with some fields typed over.
 */
import path from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { ENTITIES } from '../../../shared/sync/entities';
import { cliStoreKey } from '../../cli/db';
import { openDatabase } from '../db/connection';
import { getEnterprise, type saveEnterprise } from '../enterprises/repository';
import { fileVault, login } from './session';

export async function signedInDesk(dir: string, name: string, url: string, user: string, password: string) {
  const file = path.join(dir, `${name}.sqlite`);
  // Keyed with the folder's db.key, as a runtime on the same folder would open it.
  const db = openDatabase({ file, key: cliStoreKey(file) }).db;
  const vault = fileVault(`${file}.session`);
  await login(db, vault, url, user, password);
  return { db, file, vault };
}

export function editedEnterprise(db: Database, id: string, patch: Record<string, unknown>): Parameters<typeof saveEnterprise>[1] {
  const e = getEnterprise(db, id) as unknown as Record<string, unknown>;
  return { id, ...Object.fromEntries(ENTITIES.enterprise.fields.map((f) => [f, e[f]])), ...patch } as Parameters<typeof saveEnterprise>[1];
}
