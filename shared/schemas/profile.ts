/**
 * What a steward adds to an enterprise for its profile (企业画像) and the qualification
 * self-check: three years of figures, staff, awards, standards, R&D institutions and the facts
 * the criteria ask about. Its fields are the self-check's own (shared/schemas/criteria.ts);
 * what the records already hold (name, district, founding day, staff, IP counts) is not asked again.
 */
import { z } from 'zod';
import { id } from './common';
import { qualificationInput } from './criteria';

const q = qualificationInput.shape;

export const profileInput = z
  .object({
    enterpriseId: id,
    techStaff: q.techStaff,
    rdStaff: q.rdStaff,
    years: q.years,
    /** IP facts the records cannot tell (inventions used in the main business, 高价值Ⅰ类…); counts of the records fill the rest. */
    ip: q.ip,
    techConversions: q.techConversions,
    equity: q.equity,
    awards: q.awards,
    standards: q.standards,
    rdInstitutions: q.rdInstitutions,
    honours: q.honours,
    declarations: q.declarations,
    market: q.market,
    selfScores: q.selfScores,
    kechuang: q.kechuang,
  })
  .strict();
export type ProfileInput = z.input<typeof profileInput>;
export type ProfileData = z.output<typeof profileInput>;
/** The profile's synced fields, in the order of the schema. */
export const PROFILE_FIELDS = Object.keys(profileInput.shape).filter((k) => k !== 'enterpriseId') as (keyof Omit<
  ProfileData,
  'enterpriseId'
>)[];
