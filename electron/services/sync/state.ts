/** Small facts of this database's sync (device id, server, user, cursor, last sync), as text by key. */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { cachedStatement } from '../sql';

export function readState(db: Database, key: string): string | null {
  return (cachedStatement(db, 'SELECT value FROM sync_state WHERE key = ?').pluck().get(key) as string | undefined) ?? null;
}

export function writeState(db: Database, key: string, value: string | null): void {
  if (value === null) db.prepare('DELETE FROM sync_state WHERE key = ?').run(key);
  else
    db.prepare('INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

export const deviceIdOf = (db: Database): string => readState(db, 'deviceId')!;
