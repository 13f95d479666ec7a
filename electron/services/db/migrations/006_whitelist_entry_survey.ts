import type { Migration } from './types';

/**
 * Each whitelist entry keeps its own 摸排日期 and 来源: an import used to give every row of a
 * batch the batch's (its first row's). Existing entries take their batch's, which is what
 * they showed until now. ADD COLUMN needs a default for NOT NULL; the repository always
 * writes a value, so '' never stays in a row.
 */
export const m006WhitelistEntrySurvey: Migration = {
  version: 6,
  name: 'survey date and source per whitelist entry',
  up(db) {
    db.exec(`
      ALTER TABLE whitelist_entries ADD COLUMN surveyed_on TEXT NOT NULL DEFAULT '';
      ALTER TABLE whitelist_entries ADD COLUMN source TEXT NOT NULL DEFAULT '';
      UPDATE whitelist_entries SET (surveyed_on, source) =
        (SELECT b.surveyed_on, b.source FROM whitelist_batches b WHERE b.id = whitelist_entries.batch_id);
    `);
  },
};
