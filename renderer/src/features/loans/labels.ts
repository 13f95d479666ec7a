import type { PortfolioState } from '../../../../shared/domain/loan/portfolio';
import type { RowStatus } from '../../../../shared/domain/loan/servicing';
import type { WatchLevel } from '../../../../shared/domain/loan/watch';
import { formatYuan } from '../../../../shared/money';

export const STATE_COLORS: Record<PortfolioState, string> = {
  current: 'green',
  overdue: 'orange',
  npl: 'red',
  settled: 'default',
  untracked: 'blue',
  defaulted: 'volcano',
};
export const ROW_COLORS: Record<RowStatus, string> = { paid: 'green', late: 'gold', overdue: 'red', due: 'default' };
export const LEVEL_ALERT: Record<WatchLevel, 'error' | 'warning' | 'info'> = { danger: 'error', warning: 'warning', notice: 'info' };

/** An amount in 元 with its unit. */
export const yuan = (fen: number | null | undefined): string => (fen === null || fen === undefined ? '—' : `${formatYuan(fen)} 元`);
