/**
 * A data folder of `npm run central` (PGlite in `<folder>/pglite`) prepared or read in this
 * process while no server holds it: accounts added the way `central user add` adds them
 * (without a process per account), and the service's own tables read after it stopped, so a
 * test can check what the server really committed.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { District } from '../../shared/domain/districts';
import type { Role } from '../../shared/sync/roles';
import { addUser, setDistricts } from '../../server/accounts';
import { openDb } from '../../server/db/connect';
import { migrate } from '../../server/db/migrate';
import type { Db } from '../../server/db/types';
import { pgliteTemplate } from './postgres';

export interface FolderUser {
  name: string;
  role: Role;
  districts: District[];
  password: string;
}

/**
 * Creates the folder's database (a copy of the migrated PGlite template the database tests
 * share, when the folder has none) and adds these accounts. The folder must not be in use.
 */
export async function prepareCentralFolder(dir: string, users: readonly FolderUser[]): Promise<void> {
  const data = path.join(dir, 'pglite');
  if (!fs.existsSync(data)) fs.cpSync(await pgliteTemplate(true), data, { recursive: true });
  await withCentralFolder(dir, async (db) => {
    await migrate(db);
    for (const u of users) await addUser(db, u, new Date());
  });
}

/** What `central user set-districts` does, on a folder no server holds. */
export async function setCentralDistricts(dir: string, name: string, districts: readonly District[]): Promise<void> {
  await withCentralFolder(dir, async (db) => void (await setDistricts(db, name, districts, new Date())));
}

/** Runs `fn` on the folder's database, then closes it. The folder must not be in use. */
export async function withCentralFolder<T>(dir: string, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDb({ dataDir: path.join(dir, 'pglite') });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}
