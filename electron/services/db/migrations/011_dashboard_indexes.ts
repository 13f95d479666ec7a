import type { Migration } from './types';

/** The kind of a case's pledged items: the one kind they share, 'mixed', or 'none' without items. */
export const CASE_ITEMS_KIND = (caseId: string) =>
  `(SELECT CASE WHEN min(a.kind) IS NULL THEN 'none' WHEN min(a.kind) = max(a.kind) THEN min(a.kind) ELSE 'mixed' END
     FROM case_items ci JOIN ip_assets a ON a.id = ci.ip_asset_id WHERE ci.case_id = ${caseId})`;

/**
 * What 统计看板 reads by: registrations by date, visits by date, cases by when they were opened, whitelist entries by batch and
 * status (the funnel), and each case's kind of pledged items kept on the case by triggers (read
 * for every registration of a period; worked out per row it was most of a view's time). No row
 * is lost; the new column is filled from the items.
 */
export const m011DashboardIndexes: Migration = {
  version: 11,
  name: 'dashboard indexes, case items kind',
  up(db) {
    db.exec(`
      CREATE INDEX pledges_reg_date ON pledges (reg_date) WHERE reg_date IS NOT NULL;
      CREATE INDEX visits_visited_on ON visits (visited_on);
      CREATE INDEX cases_created_at ON cases (created_at);
      CREATE INDEX whitelist_entries_batch_status ON whitelist_entries (batch_id, status);

      ALTER TABLE cases ADD COLUMN items_kind TEXT NOT NULL DEFAULT 'none';
      UPDATE cases SET items_kind = ${CASE_ITEMS_KIND('cases.id')};
      CREATE TRIGGER case_items_kind_insert AFTER INSERT ON case_items BEGIN
        UPDATE cases SET items_kind = ${CASE_ITEMS_KIND('NEW.case_id')} WHERE id = NEW.case_id;
      END;
      CREATE TRIGGER case_items_kind_delete AFTER DELETE ON case_items BEGIN
        UPDATE cases SET items_kind = ${CASE_ITEMS_KIND('OLD.case_id')} WHERE id = OLD.case_id;
      END;
      CREATE TRIGGER ip_assets_kind_update AFTER UPDATE OF kind ON ip_assets BEGIN
        UPDATE cases SET items_kind = ${CASE_ITEMS_KIND('cases.id')}
         WHERE id IN (SELECT case_id FROM case_items WHERE ip_asset_id = NEW.id);
      END;
    `);
  },
};
