import { OUTCOME_LABELS, STAGE_LABELS, type Outcome, type Stage } from '../../../../shared/domain/case-stages';
import type { ReasonLevel } from '../../../../shared/domain/pledgeability';

export const STAGE_COLORS: Record<Stage, string> = {
  guidance: 'blue',
  valuation: 'purple',
  registration: 'orange',
  subsidy: 'cyan',
  closed: 'default',
};
export const LEVEL_COLORS: Record<ReasonLevel | 'ok', string> = {
  block: 'red',
  risk: 'volcano',
  confirm: 'gold',
  warn: 'orange',
  ok: 'green',
};

export const stageText = (s: Stage, paused: boolean, outcome: Outcome | null) =>
  `${STAGE_LABELS[s]}${paused ? '（暂停）' : ''}${outcome ? `：${OUTCOME_LABELS[outcome]}` : ''}`;
