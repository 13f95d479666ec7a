import type { Database } from 'better-sqlite3-multiple-ciphers';
import { DEFAULT_LANGUAGE } from '../../shared/settings';
import type { Settings } from '../../shared/types/app';

const DEFAULTS: Settings = { language: DEFAULT_LANGUAGE, stewardName: '' };

export function getSettings(db: Database): Settings {
  const rows = db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
  const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  return { ...DEFAULTS, ...(stored as Partial<Settings>) };
}

export function updateSettings(db: Database, patch: Partial<Settings>, now = new Date()): Settings {
  const upsert = db.prepare(
    'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
  );
  db.transaction(() => {
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined) upsert.run(key, JSON.stringify(value), now.toISOString());
    }
  })();
  return getSettings(db);
}
