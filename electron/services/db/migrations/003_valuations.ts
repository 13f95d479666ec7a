import type { Migration } from './types';

/**
 * Valuation runs, kept as evidence: the inputs, the engine version, the indicator set and
 * the full result, never updated afterwards. Totals are copied out for lists.
 */
export const m003Valuations: Migration = {
  version: 3,
  name: 'valuations',
  up(db) {
    db.exec(`
      CREATE TABLE valuations (
        id             TEXT PRIMARY KEY NOT NULL,
        enterprise_id  TEXT NOT NULL REFERENCES enterprises (id) ON DELETE CASCADE,
        title          TEXT NOT NULL,
        engine_version TEXT NOT NULL,
        indicator_set  TEXT NOT NULL DEFAULT '',
        input          TEXT NOT NULL,
        result         TEXT NOT NULL,
        items          INTEGER NOT NULL,
        total_fen      INTEGER NOT NULL,
        p10_fen        INTEGER,
        loan_fen       INTEGER,
        created_by     TEXT NOT NULL,
        created_at     TEXT NOT NULL
      ) STRICT;
      CREATE INDEX valuations_enterprise ON valuations (enterprise_id, created_at);
    `);
  },
};
