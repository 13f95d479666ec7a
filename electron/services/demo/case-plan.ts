/**
 * One demo service case as a steward would have worked it: the dated list of mutations the app
 * makes, from the first visit through guidance, valuation, the loan and its CNIPA registration,
 * payments and the subsidy application to the close, or to wherever the case stops. Pure: ids
 * come from `newId`, chance from `r`; the runner (cases.ts) applies the steps dated up to today,
 * so a case started recently is still in an early stage and an old one is closed.
 */
import { loanServicingSteps } from './loan-steps';
import type { Outcome, Stage } from '../../../shared/domain/case-stages';
import type { PledgeStatus, SubsidyStatus } from '../../../shared/domain/case-statuses';
import { addDays, addMonths, addYears, daysBetween } from '../../../shared/domain/dates';
import type { District } from '../../../shared/domain/districts';
import { isPatentKind, legalExpiry, type IpKind, type LegalStatus } from '../../../shared/domain/ip';
import type { EntryStatus } from '../../../shared/domain/whitelist';
import type { Policy } from '../../../shared/schemas/policy';
import { AGENTS, APPRAISERS, GUARANTORS, OFFICER_SURNAMES, pickBank } from './banks';
import * as W from './case-texts';
import type { Rng } from './random';

/** An IP item of the enterprise as the demo created it. */
export interface DemoItem {
  id: string;
  kind: IpKind;
  legalStatus: LegalStatus;
  filingDate: string | null;
  grantDate: string | null;
  registrationDate: string | null;
  publishedOn: string | null;
  validUntil: string | null;
  feePaidThrough: string | null;
  owners: string[];
  pledged: boolean;
  suspended: boolean;
  underInvalidation: boolean;
  sameDayInvention: boolean;
}

export interface CaseSubject {
  /** The enterprise's index in the run (makes registration numbers distinct). */
  serial: number;
  enterpriseId: string;
  entryId: string;
  name: string;
  district: District;
  address: string;
  steward: string;
  needFen: number;
  needTermMonths: number;
  items: DemoItem[];
}

/** How the case ends, if today comes late enough. */
export type CasePath = 'loan' | 'ineligible' | 'withdrawn' | 'bank_declined' | 'registration_refused';
export interface Timeline {
  path: CasePath;
  firstVisit: string;
}

type Args = Record<string, unknown>;
/** Reads a record as it stands when the step runs (an amount decided by an earlier step). */
export type Read = (entity: 'subsidy', id: string) => Args | null;
export interface Step {
  on: string;
  name: string;
  args: Args | ((read: Read) => Args);
}
export interface CasePlan {
  caseId: string;
  steps: Step[];
}

/** Registrations grow by 60% a year (the 2023 list shows +75% to +180% by district). */
const GROWTH = 1.6;
/** Cases opened in the last few months, so every early stage has cases today. */
const PIPELINE_SHARE = 0.12;
const PIPELINE_DAYS = 45;
const PAUSE_CHANCE = 0.1;
const PATHS: readonly (readonly [CasePath, number])[] = [
  ['loan', 64],
  ['ineligible', 4],
  ['withdrawn', 8],
  ['bank_declined', 8],
  ['registration_refused', 4],
];
/** How many items a case pledges (at most what the enterprise has clean). */
const ITEM_COUNTS: readonly (readonly [number, number])[] = [
  [1, 45],
  [2, 30],
  [3, 15],
  [4, 10],
];
const PATH_TOTAL = PATHS.reduce((sum, [, weight]) => sum + weight, 0);
const WAN = 1_000_000;

/**
 * When the steward first visits and how the case will end, from two numbers in [0, 1): first
 * visits grow year on year over five years (the first in March, after the district's survey),
 * a few in the last months. The caller passes an even spread (a Kronecker sequence), so even a
 * small demo shows the growth rather than noise.
 */
export function caseTimeline(u: number, v: number, today: string): Timeline {
  const first = `${Number(today.slice(0, 4)) - 4}-03-02`;
  const span = Math.max(1, daysBetween(first, addDays(today, -1)));
  let firstVisit: string;
  if (u < PIPELINE_SHARE) firstVisit = addDays(today, -1 - Math.floor((u / PIPELINE_SHARE) * Math.min(PIPELINE_DAYS, span)));
  else {
    // Inverse of the exponential distribution's CDF over the span.
    const k = Math.log(GROWTH) / 365;
    const x = (u - PIPELINE_SHARE) / (1 - PIPELINE_SHARE);
    firstVisit = addDays(first, Math.min(span, Math.floor(Math.log(1 + x * (Math.exp(k * span) - 1)) / k)));
  }
  let left = v * PATH_TOTAL;
  const path = PATHS.find(([, weight]) => (left -= weight) < 0)?.[0] ?? 'loan';
  return { path, firstVisit };
}

/** The whitelist survey a first visit follows: each district surveys in March. */
export function surveyYear(day: string): number {
  const y = Number(day.slice(0, 4));
  return day >= `${y}-03-01` ? y : y - 1;
}

/** An item CNIPA would register on `on` and for the years a loan runs (up to 3½), with no confirmation needed. */
export function cleanAt(i: DemoItem, owner: string, on: string, today: string): boolean {
  if (i.legalStatus !== 'granted' || i.pledged || i.suspended || i.underInvalidation || i.sameDayInvention) return false;
  if (i.owners.length !== 1 || i.owners[0] !== owner) return false;
  const patent = isPatentKind(i.kind);
  const since = patent ? i.grantDate : i.kind === 'trademark' ? i.registrationDate : i.publishedOn;
  if (!since || since > addDays(on, -30)) return false;
  if (patent && (!i.feePaidThrough || i.feePaidThrough < today)) return false;
  const expiry = legalExpiry(i);
  return !expiry || expiry > addYears(on, 4);
}

/** The policy a steward would apply under: the district's own before the city's, as its data says. */
export function choosePolicy(
  policies: readonly Policy[],
  district: District,
  kinds: readonly IpKind[],
  loanStart: string,
  loanEnd: string,
): Policy | null {
  const fits = policies.filter(
    (p) =>
      (p.district === null || p.district === district) &&
      loanStart >= p.effectiveFrom &&
      (!p.effectiveTo || loanStart <= p.effectiveTo) &&
      (!p.rules.ipKinds || kinds.every((k) => p.rules.ipKinds!.includes(k))) &&
      (!p.rules.maxLoanTermMonths || loanEnd <= addMonths(loanStart, p.rules.maxLoanTermMonths)) &&
      !p.rules.qualificationsAny,
  );
  return fits.find((p) => p.district !== null) ?? fits[0] ?? null;
}

const KIND_ORDER: Record<IpKind, number> = { invention: 0, utility: 1, design: 2, software: 3, trademark: 4 };
const wan = (fen: number) => String(Math.round(fen / WAN));
const roundTo = (fen: number, unit: number) => Math.max(unit, Math.round(fen / unit) * unit);
const maxDate = (a: string, b: string) => (a > b ? a : b);
const minDate = (a: string, b: string) => (a < b ? a : b);

export function planCase(r: Rng, s: CaseSubject, t: Timeline, policies: readonly Policy[], today: string, newId: () => string): CasePlan {
  const caseId = newId();
  const steps: Step[] = [];
  const at = (on: string, name: string, args: Step['args']) => steps.push({ on, name, args });
  const done = (): CasePlan => ({
    caseId,
    steps: steps
      .map((x, n) => ({ x, n }))
      .sort(byDate)
      .map(({ x }) => x),
  });
  let d = t.firstVisit;
  const wait = (min: number, max: number) => (d = addDays(d, r.int(min, max)));

  let stage: Stage = 'guidance';
  let pledgeStatus: PledgeStatus = 'draft';
  let entry: EntryStatus = '待走访';
  let lastVisit = d;
  const entryTo = (status: EntryStatus, reason: string, on = d) => {
    if (entry === status) return;
    at(on, 'entry.status', { entryId: s.entryId, status, reason, ...(status === '已走访' ? { visitedOn: lastVisit } : {}) });
    entry = status;
  };
  const move = (m: Args) => at(d, 'case.move', { id: caseId, from: stage, move: m });
  const advance = (to: Stage) => {
    move({ type: 'advance' });
    stage = to;
  };
  const pledgeTo = (to: PledgeStatus, extra: Args = {}) => {
    at(d, 'pledge.status', { caseId, from: pledgeStatus, to, ...extra });
    pledgeStatus = to;
  };
  const close = (outcome: Outcome, reason: string): CasePlan => {
    move({ type: 'close', outcome, reason });
    if (outcome === 'ineligible') entryTo('不符合', reason);
    else if (outcome !== 'loaned' && outcome !== 'subsidised' && outcome !== 'disposed') entryTo('暂缓', reason);
    return done();
  };
  const visit = (notes: string, attendees: string[], nextSteps: string, followUp: boolean) => {
    const place = r.chance(0.75) ? s.address : r.pick(['区科创服务中心', `${s.district}知识产权服务站`]);
    const followUpOn = followUp ? addDays(d, r.int(5, 14)) : null;
    at(d, 'visit.save', { id: newId(), caseId, visitedOn: d, place, attendees, notes, nextSteps, followUpOn });
    lastVisit = d;
    if (entry === '待走访') entry = '已走访'; // the visit moves the entry on
  };
  let paused = false;
  /** Perhaps a pause here: resumed after a while, or (a long one) closed as given up. */
  const pauseHere = (): boolean => {
    if (paused || !r.chance(PAUSE_CHANCE)) return false;
    paused = true;
    const reason = r.pick(W.PAUSE_REASONS);
    wait(1, 5);
    move({ type: 'pause', reason });
    const before = entry;
    entryTo('暂缓', reason);
    wait(30, 240);
    if (r.chance(0.35)) {
      close('withdrawn', W.CLOSE_REASONS.withdrawn[3]!);
      return true;
    }
    move({ type: 'resume' });
    entryTo(before, '恢复推进');
    return false;
  };

  // 贷前指导: the need, the portfolio, the documents.
  const purpose = r.pick(W.PURPOSES);
  at(d, 'case.create', { id: caseId, enterpriseId: s.enterpriseId, steward: s.steward, bankOfficer: '' });
  visit(
    `首次上门走访，了解融资需求约 ${wan(s.needFen)} 万元、期限 ${s.needTermMonths} 个月，用于${purpose}；梳理企业知识产权 ${s.items.length} 项。`,
    [s.steward],
    '企业准备营业执照、近两年财务报表、知识产权证书及年费缴纳凭证',
    true,
  );
  at(d, 'case.update', {
    id: caseId,
    needFen: s.needFen,
    needTermMonths: s.needTermMonths,
    purpose,
    documents: { licence: true, ...(r.chance(0.7) ? { legal_rep_id: true } : {}) },
  });
  const clean = s.items.filter((i) => cleanAt(i, s.name, d, today));
  if (t.path === 'ineligible' || clean.length === 0) {
    wait(3, 20);
    return close('ineligible', clean.length ? r.pick(W.CLOSE_REASONS.ineligible) : W.NO_ITEMS_REASON);
  }
  const patents = clean.filter((i) => isPatentKind(i.kind));
  const pool = (s.district === '南山' || r.chance(0.1) || patents.length === 0 ? clean : patents).sort(
    (a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind],
  );
  const chosen = pool.slice(0, r.weighted(ITEM_COUNTS));
  const kinds = [...new Set(chosen.map((i) => i.kind))];
  wait(1, 6);
  at(d, 'case.items', { id: caseId, ipAssetIds: chosen.map((i) => i.id) });
  if (pauseHere()) return done();
  if (t.path === 'withdrawn' && r.chance(0.5)) {
    wait(5, 30);
    return close('withdrawn', r.pick(W.CLOSE_REASONS.withdrawn.slice(0, 3)));
  }

  const bank = pickBank(r, s.district);
  const officer = `${bank.branch} ${r.pick(OFFICER_SURNAMES)}经理`;
  wait(4, 12);
  visit(
    `陪同${officer}上门尽调，介绍${bank.online ? '线上知识产权质押贷款' : '知识产权质押贷款产品'}，核对拟质押的 ${chosen.length} 项知识产权。`,
    [s.steward, officer],
    '银行出具授信方案；企业准备评估所需的产品收入资料',
    true,
  );
  at(d, 'case.update', {
    id: caseId,
    bankOfficer: officer,
    confirmations: { register_checked: true, no_dispute: true, bank_contacted: true },
    documents: { financials: true, ip_certificates: true, fee_receipts: true, loan_application: true },
  });
  wait(1, 5);
  advance('valuation');
  entryTo('推进中', '进入价值评估');
  if (pauseHere()) return done();

  // 价值评估: an appraisal report, the bank's own evaluation, or an agreed value.
  let loanFen = roundTo(s.needFen * (0.5 + r.next() * 0.5), 10 * WAN);
  if (bank.online) loanFen = Math.min(loanFen, roundTo(r.int(50, 300) * WAN, 10 * WAN));
  const appraised = !bank.online && r.chance(0.6);
  const appraiser = r.pick(APPRAISERS);
  let valueFen = roundTo(loanFen * (2 + r.next() * 1.5), WAN);
  wait(4, 15);
  const basis = appraised
    ? `${appraiser}出具资产评估报告（收益法）`
    : d >= '2025-01-01' && loanFen < 1000 * WAN
      ? '银行内部评估（单笔贷款 1000 万元以下）'
      : '银企双方协商确定价值（书面确认）';
  at(d, 'case.update', {
    id: caseId,
    manualValueFen: valueFen,
    manualValueBasis: basis,
    documents: { appraisal: true },
    ...(kinds.includes('trademark') ? { confirmations: { trademark_together: true } } : {}),
  });
  if (appraised) {
    const fee = Math.min(20 * WAN, Math.max(WAN, roundTo(valueFen * 0.003, 100)));
    at(d, 'payment.save', { id: newId(), caseId, paidOn: d, kind: 'appraisal', amountFen: fee, note: `${appraiser}评估费` });
  }
  if (t.path === 'withdrawn') {
    wait(5, 25);
    return close('withdrawn', r.pick(W.CLOSE_REASONS.withdrawn.slice(0, 3)));
  }
  if (t.path === 'bank_declined' && r.chance(0.5)) {
    wait(7, 30);
    return close('bank_declined', r.pick(W.CLOSE_REASONS.bank_declined));
  }

  // 质押登记: the contract (its loan dates are filled in once the registration's course is known), filing, CNIPA's answer.
  wait(3, 12);
  const contractYear = d.slice(0, 4);
  const serial = String(r.int(1, 99999)).padStart(5, '0');
  const rate = Math.round(Math.min(6, Math.max(2.5, 4.3 - 0.3 * (Number(contractYear) - 2022) + (r.next() - 0.5) * 0.8)) * 100) / 100;
  const pledge: Args = {
    caseId,
    bank: bank.branch,
    pledgee: bank.pledgee,
    loanContractNo: `${contractYear}年${bank.code}借字第${serial}号`,
    loanFen,
    ratePercent: rate,
    pledgeContractNo: `${contractYear}年${bank.code}质字第${serial}号`,
    securedFen: loanFen,
    appraised,
    agent: bank.online ? '' : r.pick(AGENTS),
  };
  const loanDates = (start: string, end: string) =>
    Object.assign(pledge, { loanStart: start, loanEnd: end, pledgeStart: start, pledgeEnd: addMonths(end, 24) });
  const contractOn = d;
  const planned = () => {
    const start = addDays(contractOn, r.int(20, 40));
    loanDates(start, addMonths(start, s.needTermMonths));
  };
  at(d, 'pledge.save', pledge);
  advance('registration');
  if (r.chance(0.4)) {
    wait(0, 3);
    visit(`协助企业与${bank.branch}签署借款合同和质押合同，准备质押登记申请材料。`, [s.steward], '提交质押登记申请', false);
  }
  if (t.path === 'loan' && r.chance(0.06)) {
    wait(2, 6);
    move({ type: 'back', to: 'valuation', reason: W.BACK_REASON });
    stage = 'valuation';
    wait(5, 15);
    valueFen = roundTo(valueFen * 0.85, WAN);
    at(d, 'case.update', { id: caseId, manualValueFen: valueFen, manualValueBasis: `${appraiser}出具资产评估报告（补充评估）` });
    wait(1, 3);
    advance('registration');
  }
  if (pauseHere()) {
    planned();
    return done();
  }
  if (t.path === 'bank_declined') {
    planned();
    wait(5, 20);
    return close('bank_declined', r.pick(W.CLOSE_REASONS.bank_declined));
  }
  wait(2, 10);
  pledgeTo('submitted', { submittedOn: d });
  if (t.path === 'registration_refused') {
    planned();
    const reason = r.pick(W.CLOSE_REASONS.registration_refused);
    wait(3, 7);
    pledgeTo('refused', { reason });
    wait(5, 30);
    return close('registration_refused', '登记未通过，企业放弃质押融资');
  }
  if (r.chance(0.1)) {
    wait(3, 7);
    pledgeTo('refused', { reason: r.pick(W.REFILE_REASONS) });
    wait(2, 8);
    pledgeTo('draft', { reason: W.REFILE_NOTE });
    wait(1, 5);
    pledgeTo('submitted', { submittedOn: d });
  }
  wait(bank.online ? 1 : 2, bank.online ? 2 : 7);
  const regOn = d;
  pledgeTo('registered', {
    regNo: `Y${regOn.slice(0, 4)}44${String((s.serial * 7919 + 1234567) % 10_000_000).padStart(7, '0')}`,
    regDate: regOn,
  });

  // The loan: disbursed after the registration, fees, interest each quarter; perhaps a change.
  const loanStart = addDays(regOn, r.int(1, 5));
  const loanEnd = addMonths(loanStart, s.needTermMonths);
  loanDates(loanStart, loanEnd);
  entryTo('已放款', `${bank.branch}放款 ${wan(loanFen)} 万元`, loanStart);
  const guarantor = !bank.online && r.chance(0.35) ? r.pick(GUARANTORS) : null;
  if (guarantor) {
    const fee = roundTo((loanFen * (0.008 + r.next() * 0.007) * Math.min(12, s.needTermMonths)) / 12, 100);
    at(loanStart, 'payment.save', {
      id: newId(),
      caseId,
      paidOn: loanStart,
      kind: 'guarantee',
      amountFen: fee,
      note: `${guarantor}担保费`,
    });
  }
  if (r.chance(0.15)) {
    const fee = roundTo(loanFen * 0.006, 100);
    at(loanStart, 'payment.save', {
      id: newId(),
      caseId,
      paidOn: loanStart,
      kind: 'patent_insurance',
      amountFen: fee,
      note: '知识产权质押融资保证保险保费',
    });
  }
  const change = r.chance(0.12) ? (r.chance(0.6) ? 'extend' : 'secured') : null;
  const endFinal = change === 'extend' ? addMonths(loanEnd, 6) : loanEnd;
  if (change) {
    d = addDays(
      regOn,
      30 + r.int(0, Math.max(0, daysBetween(addDays(regOn, 30), minDate(addDays(loanEnd, -30), addMonths(loanStart, 6))))),
    );
    pledgeTo('changed', { reason: change === 'extend' ? W.CHANGE_EXTEND_REASON : W.CHANGE_SECURED_REASON });
    if (change === 'extend') at(d, 'pledge.save', { ...pledge, loanEnd: endFinal, pledgeEnd: addMonths(endFinal, 24) });
    else at(d, 'pledge.save', { ...pledge, securedFen: roundTo(loanFen * 0.6, 10 * WAN) });
  }

  const policy = r.chance(0.12) ? null : choosePolicy(policies, s.district, kinds, loanStart, endFinal);
  const yearOn = minDate(endFinal, addMonths(loanStart, 12));
  const applyOn = policy ? (policy.rules.repaymentRequired ? addDays(endFinal, r.int(25, 60)) : addDays(yearOn, r.int(10, 40))) : null;
  let prev = loanStart;
  for (let q = 1; ; q++) {
    const due = minDate(addMonths(loanStart, 3 * q), yearOn);
    const amountFen = Math.round((loanFen * rate * daysBetween(prev, due)) / 100 / 365);
    at(due, 'payment.save', { id: newId(), caseId, paidOn: due, kind: 'interest', amountFen, note: `${prev} 至 ${due} 利息` });
    prev = due;
    if (due >= yearOn) break;
  }
  const serviced = loanServicingSteps(at, {
    caseId,
    serial: s.serial,
    loanFen,
    ratePercent: rate,
    loanStart,
    loanEnd: endFinal,
    today,
    itemId: chosen[0]?.id ?? null,
    newId,
  });
  if (serviced.disposedOn) {
    d = addDays(serviced.disposedOn, 2);
    pledgeTo('cancelled', { reason: '质物处置完毕，办理质押注销' });
    d = addDays(d, 1);
    return close('disposed', W.CLOSE_REASONS.disposed[0]!);
  }
  const cancelOn = addDays(endFinal, r.int(5, 30));
  let endOn = cancelOn;
  let outcome: Outcome = 'loaned';
  let reason = policy ? W.CLOSE_REASONS.loaned[0]! : W.CLOSE_REASONS.loaned[2]!;
  if (policy && applyOn) {
    // 贴息申报: a first calculation after the first quarter's interest (or just before applying), the last materials ticked on the day it goes in.
    d = r.chance(0.6) ? minDate(addDays(loanStart, r.int(95, 150)), addDays(applyOn, -5)) : addDays(applyOn, -r.int(5, 20));
    advance('subsidy');
    const materials = (list: readonly string[]) => Object.fromEntries(list.map((m) => [m, true]));
    at(d, 'subsidy.save', { caseId, policyId: policy.id, repaid: d > endFinal, materials: materials(policy.materials.slice(0, -2)) });
    d = applyOn;
    at(d, 'subsidy.save', { caseId, policyId: policy.id, repaid: d > endFinal, materials: materials(policy.materials) });
    let status: SubsidyStatus = 'draft';
    const subsidyTo = (to: SubsidyStatus, extra: (read: Read) => Args = () => ({})) => {
      const base = { caseId, from: status, to, on: d };
      at(d, 'subsidy.status', (read: Read) => ({ ...base, ...extra(read) }));
      status = to;
    };
    subsidyTo('submitted');
    if (r.chance(0.12)) {
      wait(20, 60);
      const note = r.pick(W.REJECT_NOTES);
      subsidyTo('rejected', () => ({ note }));
      reason = W.CLOSE_REASONS.loaned[1]!;
    } else {
      const share = r.chance(0.75) ? 1 : 0.9 + r.next() * 0.09;
      wait(30, 120); // the district reviews applications for one to four months
      subsidyTo('approved', (read) => ({ amountFen: Math.floor(Number(read('subsidy', caseId)?.amountFen ?? 0) * share) }));
      wait(30, 150); // districts pay out in batches
      subsidyTo('paid', (read) => ({ amountFen: Number(read('subsidy', caseId)?.approvedFen ?? 0) }));
      outcome = 'subsidised';
      reason = '贴息已拨付';
    }
    endOn = maxDate(d, cancelOn);
  }
  d = cancelOn;
  pledgeTo('cancelled', { reason: W.CANCEL_REASON });
  d = addDays(endOn, r.int(1, 10));
  return close(outcome, reason);
}

const byDate = (a: { x: Step; n: number }, b: { x: Step; n: number }) => (a.x.on < b.x.on ? -1 : a.x.on > b.x.on ? 1 : a.n - b.n);
