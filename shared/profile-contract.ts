/** The 企业画像 calls: the profile view, the steward's facts, the report and the bank package. */
import { z } from 'zod';
import { call } from './call-spec';
import type { Growth } from './domain/profile/growth';
import type { PortfolioProfile } from './domain/profile/portfolio';
import type { QualificationResult } from './domain/qualification';
import type { QualificationInput } from './schemas/criteria';
import { profileInput, type ProfileData } from './schemas/profile';
import type { JobStatusView } from './types/jobs';
import type { Enterprise, IpAsset } from './types/records';

export interface ProfileView {
  enterprise: Enterprise;
  facts: Partial<ProfileData> | null;
  assets: IpAsset[];
  portfolio: PortfolioProfile;
  growth: Growth;
  input: QualificationInput;
  checks: QualificationResult[];
  asOf: string;
}

const enterpriseRef = z.object({ enterpriseId: z.string().min(1).max(64) }).strict();
type FileOut = { fileName: string; base64: string };

export const profileContract = {
  profileGet: call<ProfileView>()(enterpriseRef),
  profileSave: call<ProfileView>()(profileInput),
  profileReport: call<FileOut>()(enterpriseRef),
  bankPackage: call<FileOut>()(z.object({ caseId: z.string().min(1).max(64), format: z.enum(['pdf', 'zip']) }).strict()),
  /** Every enterprise's self-check, tallied per set: a job whose result is a SelfCheckTally. */
  selfCheckAllStart: call<JobStatusView>()(z.object({}).strict()),
} as const;
