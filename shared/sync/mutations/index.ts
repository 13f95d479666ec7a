/** Every mutation, by name (one to one with the contract calls that write). */
import { caseCreateMutation, caseItemsMutation, caseMoveMutation, caseUpdateMutation } from './cases';
import { enterpriseDelete, enterpriseSave } from './enterprises';
import { ipDelete, ipSave } from './ip';
import { pledgeSave, pledgeStatus } from './pledges';
import { catalogReset, catalogSave, conflictResolve, recordUpload, valuationStore } from './records';
import { paymentDelete, paymentSave, subsidySave, subsidyStatus } from './subsidy';
import type { MutationDef } from './types';
import { visitDelete, visitSave } from './visits';
import { targetSave } from './targets';
import { institutionSave } from './institutions';
import { ipEventDelete, ipEventSave } from './ip-events';
import {
  loanClaim,
  loanDefault,
  loanDisposal,
  loanExtend,
  loanInsurance,
  loanPlan,
  loanPool,
  repaymentDelete,
  repaymentSave,
} from './loans';
import { batchSave, entrySave, entryStatus } from './whitelist';
import { workshopDelete, workshopSave } from './workshops';
import { profileSave } from './profiles';
import { achievementDelete, achievementSave, techMatchSave, techNeedDelete, techNeedSave } from './tech';

const ALL = [
  enterpriseSave,
  enterpriseDelete,
  ipSave,
  ipDelete,
  batchSave,
  entrySave,
  entryStatus,
  targetSave,
  institutionSave,
  caseCreateMutation,
  caseUpdateMutation,
  caseItemsMutation,
  caseMoveMutation,
  visitSave,
  visitDelete,
  pledgeSave,
  pledgeStatus,
  paymentSave,
  paymentDelete,
  subsidySave,
  subsidyStatus,
  loanPlan,
  repaymentSave,
  repaymentDelete,
  loanExtend,
  loanDefault,
  loanDisposal,
  loanInsurance,
  loanClaim,
  loanPool,
  ipEventSave,
  ipEventDelete,
  workshopSave,
  workshopDelete,
  profileSave,
  techNeedSave,
  techNeedDelete,
  achievementSave,
  achievementDelete,
  techMatchSave,
  valuationStore,
  catalogSave,
  catalogReset,
  conflictResolve,
  recordUpload,
] as MutationDef[];

export const MUTATIONS: ReadonlyMap<string, MutationDef> = new Map(ALL.map((m) => [m.name, m]));
export const MUTATION_NAMES = ALL.map((m) => m.name);
export type { DecideContext, MutationDef } from './types';
