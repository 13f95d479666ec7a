import type { Migration } from './types';

/**
 * 企业画像 and 技术对接: what a steward adds to an enterprise for its profile and qualification
 * self-check (one row per enterprise, each fact NULL until given), enterprises' technology needs,
 * research achievements, and the follow-up of a need–achievement pairing. New tables only.
 */
export const m015ProfilesAndTech: Migration = {
  version: 15,
  name: 'profiles and technology matching',
  up(db) {
    db.exec(`
      CREATE TABLE enterprise_profiles (
        enterprise_id    TEXT PRIMARY KEY NOT NULL REFERENCES enterprises (id) ON DELETE CASCADE,
        tech_staff       INTEGER,
        rd_staff         INTEGER,
        years            TEXT,
        ip               TEXT,
        tech_conversions INTEGER,
        equity           TEXT,
        awards           TEXT,
        standards        TEXT,
        rd_institutions  TEXT,
        honours          TEXT,
        declarations     TEXT,
        market           TEXT,
        self_scores      TEXT,
        kechuang         TEXT,
        updated_by       TEXT NOT NULL,
        updated_at       TEXT NOT NULL
      ) STRICT;

      CREATE TABLE tech_needs (
        id            TEXT PRIMARY KEY NOT NULL,
        enterprise_id TEXT NOT NULL REFERENCES enterprises (id) ON DELETE CASCADE,
        title         TEXT NOT NULL,
        description   TEXT NOT NULL DEFAULT '',
        field         TEXT NOT NULL DEFAULT '',
        ipc_classes   TEXT NOT NULL DEFAULT '[]',
        budget_fen    INTEGER,
        deadline      TEXT,
        created_by    TEXT NOT NULL,
        created_at    TEXT NOT NULL,
        updated_by    TEXT NOT NULL,
        updated_at    TEXT NOT NULL
      ) STRICT;
      CREATE INDEX tech_needs_enterprise ON tech_needs (enterprise_id);

      CREATE TABLE achievements (
        id             TEXT PRIMARY KEY NOT NULL,
        title          TEXT NOT NULL,
        abstract       TEXT NOT NULL DEFAULT '',
        holder         TEXT NOT NULL DEFAULT '',
        field          TEXT NOT NULL DEFAULT '',
        ipc_classes    TEXT NOT NULL DEFAULT '[]',
        patents        TEXT NOT NULL DEFAULT '[]',
        maturity       TEXT,
        transfer_modes TEXT NOT NULL DEFAULT '[]',
        created_by     TEXT NOT NULL,
        created_at     TEXT NOT NULL,
        updated_by     TEXT NOT NULL,
        updated_at     TEXT NOT NULL
      ) STRICT;

      CREATE TABLE tech_matches (
        id             TEXT PRIMARY KEY NOT NULL,
        need_id        TEXT NOT NULL REFERENCES tech_needs (id) ON DELETE CASCADE,
        achievement_id TEXT NOT NULL,
        status         TEXT NOT NULL,
        note           TEXT NOT NULL DEFAULT '',
        followed_on    TEXT NOT NULL,
        created_by     TEXT NOT NULL,
        created_at     TEXT NOT NULL,
        updated_by     TEXT NOT NULL,
        updated_at     TEXT NOT NULL
      ) STRICT;
      CREATE INDEX tech_matches_need ON tech_matches (need_id);

      -- Bumped by every write to the matched records: the match index is rebuilt when it moves
      -- (a pulled edit or a refused one put back keeps no newer stamp to go by).
      CREATE TABLE tech_index_version (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL) STRICT;
      INSERT INTO tech_index_version VALUES (1, 0);
      CREATE TRIGGER achievements_ai AFTER INSERT ON achievements BEGIN UPDATE tech_index_version SET n = n + 1; END;
      CREATE TRIGGER achievements_au AFTER UPDATE ON achievements BEGIN UPDATE tech_index_version SET n = n + 1; END;
      CREATE TRIGGER achievements_ad AFTER DELETE ON achievements BEGIN UPDATE tech_index_version SET n = n + 1; END;
      CREATE TRIGGER tech_needs_ai AFTER INSERT ON tech_needs BEGIN UPDATE tech_index_version SET n = n + 1; END;
      CREATE TRIGGER tech_needs_au AFTER UPDATE ON tech_needs BEGIN UPDATE tech_index_version SET n = n + 1; END;
      CREATE TRIGGER tech_needs_ad AFTER DELETE ON tech_needs BEGIN UPDATE tech_index_version SET n = n + 1; END;
    `);
  },
};
