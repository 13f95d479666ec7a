import type { Migration } from './types';

/**
 * Indexes 统计看板 reads by: registrations by date, visits by date, whitelist entries by batch and
 * status (the funnel). No row changes.
 */
export const m011DashboardIndexes: Migration = {
  version: 11,
  name: 'dashboard indexes',
  up(db) {
    db.exec(`
      CREATE INDEX pledges_reg_date ON pledges (reg_date) WHERE reg_date IS NOT NULL;
      CREATE INDEX visits_visited_on ON visits (visited_on);
      CREATE INDEX whitelist_entries_batch_status ON whitelist_entries (batch_id, status);
    `);
  },
};
