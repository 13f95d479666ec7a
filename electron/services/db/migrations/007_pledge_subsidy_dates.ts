import type { Migration } from './types';

/**
 * The dates and amounts a registration and a subsidy decision depend on: when the pledge was
 * filed (a registration cannot predate it), and what the district approved and paid, and
 * when. Existing rows get them from their audit trail and status, so no figure is lost.
 */
export const m007PledgeSubsidyDates: Migration = {
  version: 7,
  name: 'pledge filing date, subsidy approved and paid amounts',
  up(db) {
    db.exec(`
      ALTER TABLE pledges ADD COLUMN submitted_on TEXT;
      ALTER TABLE subsidy_applications ADD COLUMN submitted_on TEXT;
      ALTER TABLE subsidy_applications ADD COLUMN approved_fen INTEGER;
      ALTER TABLE subsidy_applications ADD COLUMN approved_on TEXT;
      ALTER TABLE subsidy_applications ADD COLUMN paid_fen INTEGER;
      ALTER TABLE subsidy_applications ADD COLUMN paid_on TEXT;

      -- The last filing recorded in the trail (its UTC day: the local day is not stored).
      UPDATE pledges SET submitted_on = (
        SELECT substr(max(e.at), 1, 10) FROM case_events e
         WHERE e.case_id = pledges.case_id AND e.action = 'pledge_status' AND json_extract(e.after, '$.status') = 'submitted')
       WHERE status <> 'draft';
      UPDATE subsidy_applications SET submitted_on = (
        SELECT substr(max(e.at), 1, 10) FROM case_events e
         WHERE e.case_id = subsidy_applications.case_id AND e.action = 'subsidy_status' AND json_extract(e.after, '$.status') = 'submitted')
       WHERE status <> 'draft';
      -- Before this version an approval or payment recorded only the applied amount and its day.
      UPDATE subsidy_applications SET approved_fen = amount_fen, approved_on = coalesce((
        SELECT substr(max(e.at), 1, 10) FROM case_events e
         WHERE e.case_id = subsidy_applications.case_id AND e.action = 'subsidy_status' AND json_extract(e.after, '$.status') = 'approved'), status_on)
       WHERE status IN ('approved', 'paid');
      UPDATE subsidy_applications SET paid_fen = amount_fen, paid_on = status_on WHERE status = 'paid';
    `);
  },
};
