import type { Migration } from './types';

/** Yearly targets per district (registrations and their amount), a synced record each. No row of another table changes. */
export const m010DistrictTargets: Migration = {
  version: 10,
  name: 'district targets',
  up(db) {
    db.exec(`
      CREATE TABLE district_targets (
        id            TEXT PRIMARY KEY NOT NULL,
        district      TEXT NOT NULL,
        year          INTEGER NOT NULL,
        registrations INTEGER,
        amount_fen    INTEGER,
        created_by    TEXT NOT NULL,
        created_at    TEXT NOT NULL,
        updated_by    TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        UNIQUE (district, year)
      ) STRICT;
    `);
  },
};
