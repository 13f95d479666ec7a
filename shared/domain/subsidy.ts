/**
 * The interest-subsidy calculator: eligibility with every failed rule named, and the amount
 * with its working line by line, in integer fen. Each product is rounded down to the fen
 * (a payout never exceeds what the rate gives); BigInt keeps products of large amounts exact.
 */
import { formatYuan } from '../money';
import type { Policy, PolicyLine, SubsidyInput } from '../schemas/policy';
import { PAYMENT_KIND_LABELS } from './case-statuses';
import { addMonths } from './dates';
import { IP_KIND_LABELS } from './ip';

export interface SubsidyFailure {
  rule: 'district' | 'ipKinds' | 'maxLoanTerm' | 'repayment' | 'qualifications' | 'doubleSubsidy' | 'effective';
  message: string;
}

export interface SubsidyLineResult {
  key: string;
  label: string;
  paidFen: number;
  baseCapFen: number | null;
  baseFen: number;
  ratePercent: number;
  computedFen: number;
  capFen: number | null;
  amountFen: number;
  working: string;
}

export interface SubsidyResult {
  policy: { id: string; title: string; version: string; district: string | null; weak: boolean };
  eligible: boolean;
  failures: SubsidyFailure[];
  lines: SubsidyLineResult[];
  subtotalFen: number;
  annualCap: { capFen: number; alreadyFen: number; remainingFen: number } | null;
  /** 0 when not eligible; otherwise the subtotal bounded by what the annual cap leaves. */
  totalFen: number;
  working: string[];
}

const yuan = (fen: number) => `${formatYuan(fen)} 元`;
const bp = (percent: number) => BigInt(Math.round(percent * 100));
/** floor(amount × percent / 100), exact. */
export const percentOf = (amountFen: number, percent: number): number => Number((BigInt(amountFen) * bp(percent)) / 10000n);

function checkRules(policy: Policy, input: SubsidyInput): SubsidyFailure[] {
  const r = policy.rules;
  const out: SubsidyFailure[] = [];
  if (input.loan.startDate < policy.effectiveFrom || (policy.effectiveTo && input.loan.startDate > policy.effectiveTo)) {
    out.push({
      rule: 'effective',
      message: `贷款发放日 ${input.loan.startDate} 不在本政策有效期（${policy.effectiveFrom} 至 ${policy.effectiveTo ?? '今'}）内`,
    });
  }
  if (r.districtFiling && policy.district && input.enterprise.district !== policy.district) {
    out.push({ rule: 'district', message: `企业属${input.enterprise.district}，本政策仅适用于在${policy.district}区备案的企业` });
  }
  if (r.ipKinds) {
    const bad = [...new Set(input.ipKinds.filter((k) => !r.ipKinds!.includes(k)))];
    if (bad.length)
      out.push({
        rule: 'ipKinds',
        message: `质押物含${bad.map((k) => IP_KIND_LABELS[k]).join('、')}，本政策只支持${r.ipKinds.map((k) => IP_KIND_LABELS[k]).join('、')}质押贷款`,
      });
  }
  if (r.maxLoanTermMonths && input.loan.endDate > addMonths(input.loan.startDate, r.maxLoanTermMonths)) {
    out.push({
      rule: 'maxLoanTerm',
      message: `贷款期限（${input.loan.startDate} 至 ${input.loan.endDate}）超过本政策上限 ${r.maxLoanTermMonths} 个月`,
    });
  }
  if (r.repaymentRequired && !input.loan.repaid) out.push({ rule: 'repayment', message: '尚未还清本息，本政策要求还本付息后再申报' });
  if (r.qualificationsAny && !r.qualificationsAny.some((q) => input.enterprise.qualifications.includes(q))) {
    // A subsidy is filed with the certificate: an estimate says how close, not that the rule is met.
    const expected = r.qualificationsAny.filter((q) => input.enterprise.expectedQualifications?.includes(q));
    out.push({
      rule: 'qualifications',
      message: `企业须具备以下资质之一：${r.qualificationsAny.join('、')}${
        expected.length ? `（资质自评${expected.join('、')}预计符合，取得认定证书并录入后即可满足）` : ''
      }`,
    });
  }
  if (r.noDoubleSubsidy && input.otherSubsidyForThisLoan)
    out.push({ rule: 'doubleSubsidy', message: '该笔贷款已获得其他贴息，不得重复申请' });
  return out;
}

function paidFor(line: PolicyLine, input: SubsidyInput): number {
  const fees = input.fees.filter((f) => line.pays.includes(f.type)).reduce((s, f) => s + f.amountFen, 0);
  return (line.pays.includes('interest') ? input.interestPaidFen : 0) + fees;
}

function computeLine(line: PolicyLine, input: SubsidyInput): SubsidyLineResult {
  const paidFen = paidFor(line, input);
  const baseCapFen = line.baseCapPercentOfPrincipal === null ? null : percentOf(input.loan.principalFen, line.baseCapPercentOfPrincipal);
  const baseFen = baseCapFen === null ? paidFen : Math.min(paidFen, baseCapFen);
  const computedFen = percentOf(baseFen, line.ratePercent);
  const amountFen = line.capFen === null ? computedFen : Math.min(computedFen, line.capFen);
  const what = line.pays.map((p) => PAYMENT_KIND_LABELS[p]).join('、');
  const steps = [`实付${what} ${yuan(paidFen)}`];
  if (baseCapFen !== null)
    steps.push(
      `计算基数上限为本金的 ${line.baseCapPercentOfPrincipal}% 即 ${yuan(baseCapFen)}${paidFen > baseCapFen ? '（已封顶）' : ''}，基数 ${yuan(baseFen)}`,
    );
  steps.push(`× ${line.ratePercent}% = ${yuan(computedFen)}`);
  if (line.capFen !== null) steps.push(`单项上限 ${yuan(line.capFen)}${computedFen > line.capFen ? '（已封顶）' : ''}`);
  return {
    key: line.key,
    label: line.label,
    paidFen,
    baseCapFen,
    baseFen,
    ratePercent: line.ratePercent,
    computedFen,
    capFen: line.capFen,
    amountFen,
    working: `${line.label}：${steps.join('；')}，核定 ${yuan(amountFen)}`,
  };
}

export function computeSubsidy(policy: Policy, input: SubsidyInput): SubsidyResult {
  const failures = checkRules(policy, input);
  const lines = policy.lines.map((l) => computeLine(l, input));
  const subtotalFen = lines.reduce((s, l) => s + l.amountFen, 0);
  const annualCap =
    policy.annualCapFen === null
      ? null
      : {
          capFen: policy.annualCapFen,
          alreadyFen: input.alreadyGrantedThisYearFen,
          remainingFen: Math.max(0, policy.annualCapFen - input.alreadyGrantedThisYearFen),
        };
  const capped = annualCap ? Math.min(subtotalFen, annualCap.remainingFen) : subtotalFen;
  const eligible = failures.length === 0;
  const working = lines.map((l) => l.working);
  working.push(`合计 ${yuan(subtotalFen)}`);
  if (annualCap) {
    working.push(
      `每家企业每年上限 ${yuan(annualCap.capFen)}，本年度已获 ${yuan(annualCap.alreadyFen)}，尚可获 ${yuan(annualCap.remainingFen)}${subtotalFen > annualCap.remainingFen ? '（已封顶）' : ''}`,
    );
  }
  working.push(eligible ? `核定贴息 ${yuan(capped)}（各项按分向下取整）` : `不符合申报条件：${failures.map((f) => f.message).join('；')}`);
  return {
    policy: { id: policy.id, title: policy.title, version: policy.version, district: policy.district, weak: policy.weak },
    eligible,
    failures,
    lines,
    subtotalFen,
    annualCap,
    totalFen: eligible ? capped : 0,
    working,
  };
}
