import type { Migration } from './types';

/**
 * The trainer's workshop records (培训记录): a session with its attendees and materials, a synced
 * record each. A new table only: no row of another table changes.
 */
export const m014Workshops: Migration = {
  version: 14,
  name: 'workshops',
  up(db) {
    db.exec(`
      CREATE TABLE workshops (
        id         TEXT PRIMARY KEY NOT NULL,
        date       TEXT NOT NULL,
        topic      TEXT NOT NULL,
        trainer    TEXT NOT NULL DEFAULT '',
        venue      TEXT NOT NULL DEFAULT '',
        district   TEXT,
        attendees  TEXT NOT NULL DEFAULT '[]',
        materials  TEXT NOT NULL DEFAULT '[]',
        notes      TEXT NOT NULL DEFAULT '',
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX workshops_date ON workshops (date);
    `);
  },
};
