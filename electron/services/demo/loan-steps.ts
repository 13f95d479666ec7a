/**
 * The demo's loans after registration (贷后管理): interest monthly and the principal at the end
 * (先息后本, as most IP-pledge loans here are written), each repayment on its due day. About
 * one running loan in five stops paying (one past loan in sixteen, its default and disposal
 * over): some see a patent lapse, and some long overdue are declared in default and disposed
 * of by reverse licence. Chance comes from the case's serial,
 * not the plan's generator, so every other demo figure stays as it was.
 */
import { addDays } from '../../../shared/domain/dates';
import { ROUTE_INFO } from '../../../shared/domain/loan/disposal';
import { monthlyDueDates } from '../../../shared/domain/loan/schedule';
import type { Step } from './case-plan';

const share = (serial: number, salt: number) => (((serial + 17) * (2654435761 + salt * 40503)) % 1_000_003) / 1_000_003;

export function loanServicingSteps(
  at: (on: string, name: string, args: Step['args']) => void,
  o: {
    caseId: string;
    serial: number;
    loanFen: number;
    ratePercent: number;
    loanStart: string;
    loanEnd: string;
    today: string;
    itemId: string | null;
    newId: () => string;
  },
): { disposedOn: string | null } {
  const { caseId } = o;
  const none = { disposedOn: null };
  at(o.loanStart, 'loan.plan', { caseId, method: 'interest_only', plan: [] });
  const dues = monthlyDueDates(o.loanStart, o.loanEnd);
  const interest = Math.round((o.loanFen * o.ratePercent) / 1200);
  // A troubled loan stops paying after a few instalments. One already past its end is shown only
  // when its default and disposal are over by today (a case's later steps assume a repaid loan).
  const stopAt = Math.min(dues.length - 1, 1 + Math.floor(share(o.serial, 2) * 5));
  const missed = dues[stopAt]!;
  const declaredOn = addDays(missed, 100);
  const startedOn = addDays(declaredOn, 10);
  const received = addDays(startedOn, 30);
  const closedOn = addDays(received, 180);
  const over = closedOn < addDays(o.today, -5);
  const troubled = dues.length > 1 && (o.loanEnd > o.today ? share(o.serial, 1) < 0.2 : share(o.serial, 1) < 0.06 && over);
  const paid = troubled ? stopAt : dues.length;
  dues.slice(0, paid).forEach((dueOn, i) =>
    at(dueOn, 'repayment.save', {
      id: o.newId(),
      caseId,
      paidOn: dueOn,
      kind: 'instalment',
      amountFen: interest + (i === dues.length - 1 ? o.loanFen : 0),
      note: i === dues.length - 1 ? '到期还本付息' : '按月付息',
    }),
  );
  if (!troubled) return none;
  if (o.itemId && share(o.serial, 3) < 0.5)
    at(addDays(missed, 20), 'ip_event.save', {
      id: o.newId(),
      ipAssetId: o.itemId,
      kind: 'lapse',
      occurredOn: addDays(missed, 20),
      endedOn: null,
      note: '企业经营困难，年费未缴，专利权终止',
      source: 'steward',
    });
  if (declaredOn >= o.today || (!over && share(o.serial, 4) < 0.35)) return none;
  at(declaredOn, 'loan.default', { caseId, declaredOn, cause: '连续逾期超过 90 天，企业经营困难' });
  if (received >= o.today) return none;
  const steps = ROUTE_INFO.reverse_licence.steps.map((name, i) => ({
    name,
    party: i < 2 ? '质权银行、出质企业' : '',
    doneOn: i < 2 ? startedOn : null,
    note: '',
  }));
  at(received, 'loan.disposal', {
    caseId,
    route: 'reverse_licence',
    startedOn,
    steps,
    proceeds: [{ receivedOn: received, amountFen: Math.round(o.loanFen * 0.15), note: '反向许可费首期' }],
    lenderSharePercent: 100,
    closedOn: null,
  });
  // Half a year of licence fees later the disposal is done, when that is already past.
  if (!over) return none;
  at(closedOn, 'loan.disposal', {
    caseId,
    route: 'reverse_licence',
    startedOn,
    steps: steps.map((x) => ({ ...x, party: '质权银行、出质企业', doneOn: x.doneOn ?? closedOn })),
    proceeds: [
      { receivedOn: received, amountFen: Math.round(o.loanFen * 0.15), note: '反向许可费首期' },
      { receivedOn: closedOn, amountFen: Math.round(o.loanFen * 0.2), note: '反向许可费尾期' },
    ],
    lenderSharePercent: 100,
    closedOn,
  });
  return { disposedOn: closedOn };
}
