import type { Migration } from './types';

/**
 * Enterprises, their IP assets, the district whitelist with its status history, and the
 * change log that sync will read (every write that must reach the central API records a
 * row here in the same transaction). Money in integer fen; dates as ISO text.
 */
export const m002EnterprisesIpWhitelist: Migration = {
  version: 2,
  name: 'enterprises, ip assets, whitelist, change log',
  up(db) {
    db.exec(`
      CREATE TABLE enterprises (
        id                     TEXT PRIMARY KEY NOT NULL,
        name                   TEXT NOT NULL,
        uscc                   TEXT NOT NULL UNIQUE,
        district               TEXT NOT NULL,
        street                 TEXT NOT NULL DEFAULT '',
        address                TEXT NOT NULL DEFAULT '',
        industry               TEXT NOT NULL DEFAULT '',
        founded_on             TEXT,
        registered_capital_fen INTEGER,
        employees              INTEGER,
        revenue_fen            INTEGER,
        rd_fen                 INTEGER,
        qualifications         INTEGER NOT NULL DEFAULT 0,
        contacts               TEXT NOT NULL DEFAULT '[]',
        notes                  TEXT NOT NULL DEFAULT '',
        name_initials          TEXT NOT NULL DEFAULT '',
        -- Maintained by the triggers below, so lists filter and sort on indexed columns.
        ip_count               INTEGER NOT NULL DEFAULT 0,
        wl_status              TEXT,
        wl_steward             TEXT,
        wl_need_fen            INTEGER,
        wl_priority            INTEGER,
        last_visit_on          TEXT,
        created_by             TEXT NOT NULL,
        created_at             TEXT NOT NULL,
        updated_by             TEXT NOT NULL,
        updated_at             TEXT NOT NULL
      ) STRICT;
      -- The list sorts by these (ORDER BY column, rowid). The district- and status-led ones
      -- cover every filter and sort column, so a filtered page never reads the wide rows.
      CREATE INDEX enterprises_name ON enterprises (name);
      CREATE INDEX enterprises_by_district ON enterprises (district, name, qualifications, wl_status, wl_steward, wl_need_fen, revenue_fen, last_visit_on, ip_count, updated_at);
      CREATE INDEX enterprises_by_status ON enterprises (wl_status, name, district, qualifications, wl_steward, wl_need_fen, revenue_fen, last_visit_on, ip_count, updated_at);
      CREATE INDEX enterprises_wl_steward ON enterprises (wl_steward, name);
      CREATE INDEX enterprises_need ON enterprises (wl_need_fen, updated_at, name, revenue_fen, ip_count, district);
      CREATE INDEX enterprises_revenue ON enterprises (revenue_fen);
      CREATE INDEX enterprises_ip_count ON enterprises (ip_count);
      CREATE INDEX enterprises_updated ON enterprises (updated_at);
      -- The officer overview reads only whitelisted enterprises, and only these columns.
      CREATE INDEX enterprises_overview ON enterprises (wl_steward, wl_status, district, wl_need_fen, last_visit_on) WHERE wl_status IS NOT NULL;

      -- Substring search by name or pinyin initials: n-grams computed by the repository
      -- (enterprises/search-grams.ts), so one- and two-character Chinese queries are indexed too.
      CREATE VIRTUAL TABLE enterprise_search USING fts5 (grams, unigrams, content = '', contentless_delete = 1, tokenize = 'unicode61');

      CREATE TABLE ip_assets (
        id                 TEXT PRIMARY KEY NOT NULL,
        enterprise_id      TEXT NOT NULL REFERENCES enterprises (id) ON DELETE CASCADE,
        kind               TEXT NOT NULL CHECK (kind IN ('invention', 'utility', 'design', 'trademark', 'software')),
        number             TEXT NOT NULL UNIQUE,
        title              TEXT NOT NULL,
        filing_date        TEXT,
        grant_date         TEXT,
        registration_date  TEXT,
        valid_until        TEXT,
        published_on       TEXT,
        legal_status       TEXT NOT NULL CHECK (legal_status IN ('pending', 'granted', 'lapsed', 'invalidated')),
        fee_paid_through   TEXT,
        owners             TEXT NOT NULL DEFAULT '[]',
        claims_count       INTEGER,
        ipc_class          TEXT NOT NULL DEFAULT '',
        pledged            INTEGER NOT NULL DEFAULT 0,
        suspended          INTEGER NOT NULL DEFAULT 0,
        under_invalidation INTEGER NOT NULL DEFAULT 0,
        same_day_invention INTEGER NOT NULL DEFAULT 0,
        expires_on         TEXT,
        created_by         TEXT NOT NULL,
        created_at         TEXT NOT NULL,
        updated_by         TEXT NOT NULL,
        updated_at         TEXT NOT NULL
      ) STRICT;
      CREATE INDEX ip_assets_enterprise ON ip_assets (enterprise_id);
      CREATE INDEX ip_assets_expires ON ip_assets (expires_on, enterprise_id);

      CREATE TABLE whitelist_batches (
        id          TEXT PRIMARY KEY NOT NULL,
        name        TEXT NOT NULL UNIQUE,
        district    TEXT NOT NULL,
        surveyed_on TEXT NOT NULL,
        source      TEXT NOT NULL DEFAULT '',
        created_by  TEXT NOT NULL,
        created_at  TEXT NOT NULL
      ) STRICT;

      CREATE TABLE whitelist_entries (
        id               TEXT PRIMARY KEY NOT NULL,
        batch_id         TEXT NOT NULL REFERENCES whitelist_batches (id) ON DELETE CASCADE,
        enterprise_id    TEXT NOT NULL REFERENCES enterprises (id) ON DELETE CASCADE,
        status           TEXT NOT NULL CHECK (status IN ('待走访', '已走访', '推进中', '已放款', '暂缓', '不符合')),
        steward          TEXT NOT NULL DEFAULT '',
        need_fen         INTEGER,
        need_term_months INTEGER,
        priority         INTEGER NOT NULL DEFAULT 2 CHECK (priority BETWEEN 1 AND 3),
        last_visit_on    TEXT,
        created_by       TEXT NOT NULL,
        created_at       TEXT NOT NULL,
        updated_by       TEXT NOT NULL,
        updated_at       TEXT NOT NULL,
        UNIQUE (batch_id, enterprise_id)
      ) STRICT;
      CREATE INDEX whitelist_entries_enterprise ON whitelist_entries (enterprise_id);
      CREATE INDEX whitelist_entries_status ON whitelist_entries (status, steward);

      CREATE TABLE whitelist_status_history (
        id          INTEGER PRIMARY KEY,
        entry_id    TEXT NOT NULL REFERENCES whitelist_entries (id) ON DELETE CASCADE,
        from_status TEXT,
        to_status   TEXT NOT NULL,
        changed_by  TEXT NOT NULL,
        changed_at  TEXT NOT NULL,
        reason      TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX whitelist_status_history_entry ON whitelist_status_history (entry_id, id);

      CREATE TRIGGER ip_assets_count_insert AFTER INSERT ON ip_assets BEGIN
        UPDATE enterprises SET ip_count = ip_count + 1 WHERE id = NEW.enterprise_id;
      END;
      CREATE TRIGGER ip_assets_count_delete AFTER DELETE ON ip_assets BEGIN
        UPDATE enterprises SET ip_count = ip_count - 1 WHERE id = OLD.enterprise_id;
      END;
      CREATE TRIGGER ip_assets_count_move AFTER UPDATE OF enterprise_id ON ip_assets WHEN OLD.enterprise_id <> NEW.enterprise_id BEGIN
        UPDATE enterprises SET ip_count = ip_count - 1 WHERE id = OLD.enterprise_id;
        UPDATE enterprises SET ip_count = ip_count + 1 WHERE id = NEW.enterprise_id;
      END;

      -- An enterprise shows the state of its most recently changed whitelist entry.
      CREATE TRIGGER whitelist_current_insert AFTER INSERT ON whitelist_entries BEGIN
        UPDATE enterprises SET (wl_status, wl_steward, wl_need_fen, wl_priority, last_visit_on) =
          (SELECT status, steward, need_fen, priority, last_visit_on FROM whitelist_entries
            WHERE enterprise_id = NEW.enterprise_id ORDER BY updated_at DESC, id DESC LIMIT 1)
        WHERE id = NEW.enterprise_id;
      END;
      CREATE TRIGGER whitelist_current_update AFTER UPDATE ON whitelist_entries BEGIN
        UPDATE enterprises SET (wl_status, wl_steward, wl_need_fen, wl_priority, last_visit_on) =
          (SELECT status, steward, need_fen, priority, last_visit_on FROM whitelist_entries
            WHERE enterprise_id = NEW.enterprise_id ORDER BY updated_at DESC, id DESC LIMIT 1)
        WHERE id = NEW.enterprise_id;
      END;
      CREATE TRIGGER whitelist_current_delete AFTER DELETE ON whitelist_entries BEGIN
        UPDATE enterprises SET (wl_status, wl_steward, wl_need_fen, wl_priority, last_visit_on) =
          (SELECT status, steward, need_fen, priority, last_visit_on FROM whitelist_entries
            WHERE enterprise_id = OLD.enterprise_id ORDER BY updated_at DESC, id DESC LIMIT 1)
        WHERE id = OLD.enterprise_id;
      END;

      CREATE TABLE change_log (
        seq       INTEGER PRIMARY KEY AUTOINCREMENT,
        entity    TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        op        TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
        at        TEXT NOT NULL
      ) STRICT;
    `);
  },
};
