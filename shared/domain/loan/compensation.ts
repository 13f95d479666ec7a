/**
 * A risk-compensation claim against a pool (风险补偿资金池): the loss, what recoveries and
 * insurance already covered, the part of the loan the pool counts, the pool's share and the
 * caps, each a line of working in fen. Every share is rounded down (a payout never exceeds
 * what the rate gives), as the subsidy calculator does.
 */
import { formatYuan } from '../../money';
import type { CompensationInput, CompensationPool } from '../../schemas/loan';
import { percentOf } from '../subsidy';

export interface CompensationLine {
  label: string;
  amountFen: number;
  working: string;
}

export interface CompensationResult {
  pool: { id: string; title: string; version: string; weak: boolean; source: string };
  eligible: boolean;
  failures: string[];
  lines: CompensationLine[];
  /** Which cap decided the amount, if any. */
  capApplied: 'loan' | 'enterprise' | null;
  amountFen: number;
  materials: string[];
}

const yuan = (fen: number) => `${formatYuan(fen)} 元`;

export function computeCompensation(pool: CompensationPool, input: CompensationInput): CompensationResult {
  const failures: string[] = [];
  if (input.loanStartOn < pool.effectiveFrom || (pool.effectiveTo && input.loanStartOn > pool.effectiveTo))
    failures.push(`贷款发放日 ${input.loanStartOn} 不在资金池有效期（${pool.effectiveFrom} 至 ${pool.effectiveTo ?? '今'}）内`);
  if (input.overdueDays < pool.minOverdueDays)
    failures.push(`贷款逾期 ${input.overdueDays} 天，须逾期满 ${pool.minOverdueDays} 天方可申请补偿`);
  if (input.defaultOn < input.loanStartOn) failures.push(`违约日期 ${input.defaultOn} 早于贷款发放日 ${input.loanStartOn}`);

  const lines: CompensationLine[] = [];
  const withInterest = pool.basis === 'principal_and_interest';
  const loss = input.outstandingPrincipalFen + (withInterest ? input.outstandingInterestFen : 0);
  lines.push({
    label: withInterest ? '损失（未还本金与利息）' : '损失（未还本金）',
    amountFen: loss,
    working: withInterest ? `${yuan(input.outstandingPrincipalFen)} + ${yuan(input.outstandingInterestFen)} = ${yuan(loss)}` : yuan(loss),
  });
  const covered = input.recoveredFen + input.insurancePaidFen;
  const net = Math.max(0, loss - covered);
  lines.push({
    label: '扣除处置回收与保险赔付',
    amountFen: net,
    working: `${yuan(loss)} − ${yuan(input.recoveredFen)}（回收） − ${yuan(input.insurancePaidFen)}（保险） = ${yuan(net)}${loss < covered ? '（不为负）' : ''}`,
  });
  let counted = net;
  if (pool.loanPartCapFen !== null && input.loanFen > pool.loanPartCapFen) {
    counted = Number((BigInt(net) * BigInt(pool.loanPartCapFen)) / BigInt(input.loanFen));
    lines.push({
      label: `按贷款中不超过 ${yuan(pool.loanPartCapFen)} 的部分计`,
      amountFen: counted,
      working: `${yuan(net)} × ${yuan(pool.loanPartCapFen)} ÷ ${yuan(input.loanFen)} = ${yuan(counted)}`,
    });
  }
  const share = percentOf(counted, pool.sharePercent);
  lines.push({
    label: `资金池承担 ${pool.sharePercent}%`,
    amountFen: share,
    working: `${yuan(counted)} × ${pool.sharePercent}% = ${yuan(share)}`,
  });
  let amount = share;
  let capApplied: CompensationResult['capApplied'] = null;
  if (pool.perLoanCapFen !== null && amount > pool.perLoanCapFen) {
    amount = pool.perLoanCapFen;
    capApplied = 'loan';
    lines.push({ label: '单笔补偿上限', amountFen: amount, working: `超过单笔上限，按 ${yuan(amount)} 计` });
  }
  if (pool.perEnterpriseCapFen !== null) {
    const left = Math.max(0, pool.perEnterpriseCapFen - input.priorEnterpriseFen);
    if (amount > left) {
      amount = left;
      capApplied = 'enterprise';
      lines.push({
        label: '单户补偿上限',
        amountFen: amount,
        working: `单户上限 ${yuan(pool.perEnterpriseCapFen)} − 已获补偿 ${yuan(input.priorEnterpriseFen)} = ${yuan(left)}`,
      });
    }
  }
  const eligible = failures.length === 0;
  return {
    pool: { id: pool.id, title: pool.title, version: pool.version, weak: pool.weak, source: pool.source },
    eligible,
    failures,
    lines,
    capApplied,
    amountFen: eligible ? amount : 0,
    materials: pool.materials,
  };
}
