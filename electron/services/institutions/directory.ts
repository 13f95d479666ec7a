/**
 * The institutions directory on this computer: the shipped list with the synced edits over it
 * (the institutions table), kept per connection until SQLite says the data changed.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { Directory, mergeInstitutions, type Institution } from '../../../shared/domain/institutions';
import { dataVersionOf } from '../db/data-version';

const cache = new WeakMap<Database, { key: string; directory: Directory }>();

export function readInstitutions(db: Database): Institution[] {
  const rows = db
    .prepare('SELECT id, kind, name, head_id AS headId, aliases, green_channel AS greenChannel, active FROM institutions')
    .all() as (Omit<Institution, 'aliases' | 'greenChannel' | 'active'> & { aliases: string; greenChannel: string; active: number })[];
  return mergeInstitutions(
    rows.map((r) => ({
      ...r,
      aliases: JSON.parse(r.aliases) as string[],
      greenChannel: JSON.parse(r.greenChannel) as Institution['greenChannel'],
      active: r.active === 1,
    })),
  );
}

export function directoryOf(db: Database): Directory {
  const key = dataVersionOf(db);
  const hit = cache.get(db);
  if (hit && hit.key === key && !db.inTransaction) return hit.directory;
  const directory = new Directory(readInstitutions(db));
  if (!db.inTransaction) cache.set(db, { key, directory });
  return directory;
}
