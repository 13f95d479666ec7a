import type { Database } from 'better-sqlite3';
import { PLEDGE_STANDS, type PledgeStatus } from '../../../shared/domain/case-statuses';
import type { CaseItemView } from '../../../shared/types/case';
import { getIpAsset } from '../ip/repository';

/**
 * The case's items with their pledgeability today. While this case's own pledge stands the
 * items are marked pledged; that must not count as "already pledged" against this case.
 */
export function caseItems(db: Database, caseId: string, today: string): CaseItemView[] {
  const ids = db.prepare('SELECT ip_asset_id FROM case_items WHERE case_id = ?').pluck().all(caseId) as string[];
  const status = db.prepare('SELECT status FROM pledges WHERE case_id = ?').pluck().get(caseId) as PledgeStatus | undefined;
  const ownPledge = status !== undefined && PLEDGE_STANDS.includes(status);
  return ids
    .map((id) => getIpAsset(db, id, today))
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.number.localeCompare(b.number))
    .map((a) => {
      const reasons = ownPledge ? a.assessment.reasons.filter((r) => r.code !== 'already_pledged') : a.assessment.reasons;
      return {
        id: a.id,
        kind: a.kind,
        number: a.number,
        displayNumber: a.displayNumber,
        title: a.title,
        label: `${a.displayNumber} ${a.title}`,
        grantDate: a.grantDate,
        owners: a.owners,
        assessment: { ...a.assessment, reasons, pledgeable: !reasons.some((r) => r.level === 'block') },
      };
    });
}
