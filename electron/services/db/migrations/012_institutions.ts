import type { Migration } from './types';

/**
 * The institutions directory's edits and additions (a synced record each; the shipped list is
 * shared/domain/institutions.directory.json). Bank texts already on pledges are not rewritten:
 * they are resolved against the directory when read, and the ones it does not know are listed
 * for an officer to review (机构名录 → 待确认名称). No row of another table changes.
 */
export const m012Institutions: Migration = {
  version: 12,
  name: 'institutions directory',
  up(db) {
    db.exec(`
      CREATE TABLE institutions (
        id            TEXT PRIMARY KEY NOT NULL,
        kind          TEXT NOT NULL,
        name          TEXT NOT NULL,
        head_id       TEXT,
        aliases       TEXT NOT NULL DEFAULT '[]',
        green_channel TEXT NOT NULL DEFAULT '[]',
        active        INTEGER NOT NULL DEFAULT 1,
        created_by    TEXT NOT NULL,
        created_at    TEXT NOT NULL,
        updated_by    TEXT NOT NULL,
        updated_at    TEXT NOT NULL
      ) STRICT;
      CREATE INDEX institutions_name ON institutions (name);
    `);
  },
};
