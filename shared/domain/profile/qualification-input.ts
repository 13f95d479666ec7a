/**
 * The self-check's input from what the app holds: the enterprise's record (name, district,
 * founding day, staff), counts of its IP records, and the profile facts a steward added. A fact
 * the profile gives wins over a count; nothing absent is taken as 0.
 */
import type { QualificationInput } from '../../schemas/criteria';
import type { ProfileData } from '../../schemas/profile';
import type { Qualification } from '../enterprise';
import type { District } from '../districts';
import type { PortfolioAsset } from './portfolio';

export interface EnterpriseFacts {
  name: string;
  district: District;
  foundedOn: string | null;
  employees: number | null;
  /** 上年营收 and 研发投入 of the record: the last year's figures when the profile has no years. */
  revenueFen: number | null;
  rdFen: number | null;
  qualifications: readonly Qualification[];
}

function defined<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const k in o) if (o[k] !== undefined && o[k] !== null) out[k] = o[k];
  return out as T;
}

/** Items in force by kind (what the self-check counts of the records). */
export type GrantedCounts = Record<'invention' | 'utility' | 'design' | 'software', number>;

export function grantedCounts(assets: readonly Pick<PortfolioAsset, 'kind' | 'legalStatus'>[]): GrantedCounts {
  const n = (kind: PortfolioAsset['kind']) => assets.filter((a) => a.kind === kind && a.legalStatus === 'granted').length;
  return { invention: n('invention'), utility: n('utility'), design: n('design'), software: n('software') };
}

export function qualificationInputOf(
  e: EnterpriseFacts,
  profile: Partial<ProfileData> | null,
  counts: GrantedCounts,
  asOf: string,
): QualificationInput {
  const invention = counts.invention;
  const class2 = counts.utility + counts.design + counts.software;
  const p = profile ?? {};
  const lastYear = Number(asOf.slice(0, 4)) - 1;
  const years =
    p.years ??
    (e.revenueFen !== null || e.rdFen !== null
      ? [defined({ year: lastYear, revenueFen: e.revenueFen ?? undefined, rdFen: e.rdFen ?? undefined })]
      : undefined);
  const honours = [...(p.honours ?? []), ...(e.qualifications.includes('高新技术企业') ? (['高新技术企业'] as const) : [])];
  return defined({
    asOf,
    name: e.name,
    district: e.district,
    foundedOn: e.foundedOn ?? undefined,
    employees: e.employees ?? undefined,
    techStaff: p.techStaff,
    rdStaff: p.rdStaff,
    years,
    ip: {
      inventionGranted: invention,
      utility: counts.utility,
      design: counts.design,
      software: counts.software,
      class1: invention,
      class2,
      ...defined(p.ip ?? {}),
    },
    techConversions: p.techConversions,
    equity: p.equity,
    awards: p.awards,
    standards: p.standards,
    rdInstitutions: p.rdInstitutions,
    honours: honours.length ? [...new Set(honours)] : undefined,
    declarations: p.declarations,
    market: p.market,
    selfScores: p.selfScores,
    kechuang: p.kechuang,
  }) as QualificationInput;
}
