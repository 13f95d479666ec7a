/**
 * A district report's figures: exactly the dashboard's for the same filter (one function), with
 * the words the report prints around them.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { District } from '../../../../shared/domain/districts';
import { periodLabel, reportPeriod } from '../../../../shared/domain/periods';
import { AppError } from '../../../../shared/errors';
import { statsFilter } from '../../../../shared/schemas/stats';
import type { DashboardView } from '../../../../shared/types/stats';
import { dashboard } from '../../stats/dashboard';
import { listLoans } from '../../loans/portfolio';
import { todayIso } from '../../../../shared/domain/dates';
import type { AfterLoanFigures } from '../../../../shared/domain/loan/portfolio';

export type ReportKind = 'monthly' | 'annual';

export interface ReportRequest {
  kind: ReportKind;
  /** 2024-03 for a month, 2024 for a year. */
  period: string;
  district?: District;
}

export interface ReportData {
  title: string;
  periodLabel: string;
  districtLabel: string;
  fileStem: string;
  view: DashboardView;
  /** After the loan, as it stands on the day the report is made (not the period's). */
  afterLoan: AfterLoanFigures;
}

export function reportData(db: Database, req: ReportRequest, now: string): ReportData {
  const p = reportPeriod(req.kind, req.period);
  if (!p)
    throw new AppError('INVALID_INPUT', req.kind === 'monthly' ? '月报的期间应写作 2024-03' : '年报的期间应写作 2024', [
      { path: 'period', message: req.kind === 'monthly' ? '应写作 2024-03' : '应写作 2024' },
    ]);
  const filter = statsFilter.parse({ from: p.from, to: p.to, districts: req.district ? [req.district] : [] });
  const districtLabel = req.district ?? '深圳市（全部区）';
  const kindLabel = req.kind === 'monthly' ? '月度' : '年度';
  return {
    title: `${req.district ?? '深圳市'}知识产权质押融资${kindLabel}报告`,
    periodLabel: periodLabel(p),
    districtLabel,
    fileStem: `${req.district ?? '全市'}-质押融资${kindLabel}报告-${req.period}`,
    view: dashboard(db, filter, now),
    afterLoan: listLoans(
      db,
      { search: '', includeClosed: true, districts: req.district ? [req.district] : undefined },
      todayIso(new Date(now)),
    ).figures,
  };
}
