/** The central service's facts from records, on hand-made records whose every fact is known. */
import { describe, expect, it } from 'vitest';
import { factsFromRecords, type SyncedRecord } from './dashboard-records';

const rec = (entity: string, id: string, data: Record<string, unknown>, district: string | null = '南山'): SyncedRecord => ({
  entity,
  id,
  district,
  data,
});
const event = (caseId: string, at: string) => rec('case_event', `${caseId}-e`, { caseId, action: 'create', at });

describe('the dashboard facts from synced records', () => {
  it('reads registrations, amounts, kinds, opening days and first visits as the desktop tables do', () => {
    const facts = factsFromRecords([
      rec('ip_asset', 'a1', { kind: 'invention' }),
      rec('ip_asset', 'a2', { kind: 'trademark' }),
      rec('case', 'c1', { steward: '李管家', stage: 'subsidy', outcome: null, items: ['a1', 'a2'] }),
      event('c1', '2025-03-01T02:00:00.000Z'),
      rec('pledge', 'c1', {
        caseId: 'c1',
        bank: ' 招商银行科技园支行 ',
        status: 'cancelled',
        regNo: 'Y1',
        regDate: '2025-05-02',
        securedFen: 300,
        loanFen: 500,
        loanStart: '2025-04-20',
      }),
      rec('visit', 'v1', { caseId: 'c1', visitedOn: '2025-03-10' }),
      rec('visit', 'v2', { caseId: 'c1', visitedOn: '2025-03-05' }),
      // Filed with a number but not registered: not a registration.
      rec('case', 'c2', { steward: '', stage: 'registration', items: ['a1', 'gone'] }),
      event('c2', '2025-06-01T02:00:00.000Z'),
      rec('pledge', 'c2', {
        caseId: 'c2',
        bank: '',
        status: 'submitted',
        regNo: 'Y2',
        regDate: '2025-07-01',
        securedFen: null,
        loanFen: 800,
      }),
      // No create event: counted as registered, never as opened.
      rec('case', 'c3', { steward: '王管家', stage: 'closed', outcome: 'loaned', items: [] }),
      rec('pledge', 'c3', {
        caseId: 'c3',
        bank: '中国银行',
        status: 'registered',
        regNo: 'Y3',
        regDate: '2025-08-01',
        securedFen: null,
        loanFen: 800,
      }),
      rec('subsidy', 'c3', { caseId: 'c3', status: 'paid', submittedOn: '2025-09-01', amountFen: 40, approvedFen: 40, paidFen: 40 }),
    ]);
    expect(
      facts.cases.map((c) => [
        c.caseId,
        c.registered,
        c.amountFen,
        c.kind,
        c.branch,
        c.bank,
        c.openedOn,
        c.firstVisit,
        c.daysToRegistration,
      ]),
    ).toEqual([
      ['c1', true, 300, 'mixed', '招商银行科技园支行', '招商银行', '2025-03-01', '2025-03-05', 58],
      ['c2', false, 800, 'invention', '（未填）', '（未填）', '2025-06-01', null, null],
      ['c3', true, 800, 'none', '中国银行', '中国银行', '', null, null],
    ]);
    expect(facts.visits).toEqual([
      { caseAt: 0, on: '2025-03-10' },
      { caseAt: 0, on: '2025-03-05' },
    ]);
    expect(facts.subsidies).toEqual([
      { caseAt: 2, status: 'paid', submittedOn: '2025-09-01', amountFen: 40, approvedFen: 40, paidFen: 40 },
    ]);
  });
});
