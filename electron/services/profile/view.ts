/**
 * One enterprise's profile (企业画像) as the page, the report and the bank package show it: the
 * record, the steward's facts, the IP portfolio's structure and risks, growth and R&D intensity,
 * and every qualification self-check in force, all computed once here from the same data.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { growthOf } from '../../../shared/domain/profile/growth';
import { expectedQualifications } from '../../../shared/domain/profile/held';
import { portfolioProfile } from '../../../shared/domain/profile/portfolio';
import { grantedCounts, qualificationInputOf } from '../../../shared/domain/profile/qualification-input';
import { evaluate } from '../../../shared/domain/qualification';
import { profileInput, type ProfileData, type ProfileInput } from '../../../shared/schemas/profile';
import type { IpAsset } from '../../../shared/types/records';
import type { ProfileView } from '../../../shared/profile-contract';
import type { WriteContext } from '../enterprises/repository';
import { getEnterprise } from '../enterprises/repository';
import { listIpAssets } from '../ip/repository';
import { criteriaInForce } from '../qualification/load';
import { localMutate } from '../sync/local';
import { countsFor, grantedCountsOf } from './granted-counts';
import { getRecord } from '../sync/store';

export type { ProfileView };

const PAGE = 1000;

export function enterpriseAssets(db: Database, enterpriseId: string, today: string): IpAsset[] {
  const out: IpAsset[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = listIpAssets(db, { filter: { enterpriseId }, sort: 'number', offset, limit: PAGE }, today);
    out.push(...page.rows);
    if (out.length >= page.total || page.rows.length === 0) return out;
  }
}

export function profileFacts(db: Database, enterpriseId: string): Partial<ProfileData> | null {
  const r = getRecord(db, 'enterprise_profile', enterpriseId);
  if (!r || r.deleted) return null;
  return Object.fromEntries(Object.entries(r.data).filter(([, v]) => v !== null && v !== undefined)) as Partial<ProfileData>;
}

export function profileView(db: Database, resourcesDir: string, enterpriseId: string, today: string): ProfileView {
  const enterprise = getEnterprise(db, enterpriseId);
  const facts = profileFacts(db, enterpriseId);
  const assets = enterpriseAssets(db, enterpriseId, today);
  const input = qualificationInputOf(enterprise, facts, grantedCounts(assets), today);
  return {
    enterprise,
    facts,
    assets,
    portfolio: portfolioProfile(assets, today),
    growth: growthOf(input.years),
    input,
    checks: criteriaInForce(resourcesDir, today).map((set) => evaluate(set, input, today)),
    asOf: today,
  };
}

export function saveProfile(db: Database, input: ProfileInput, ctx: WriteContext): void {
  localMutate(db, 'profile.save', profileInput.parse(input), ctx);
}

/**
 * The qualifications an enterprise's self-checks pass without its certificate on file (预计符合),
 * for every case view: from the item counts, not the listed items the profile page needs.
 */
export function expectedOf(db: Database, resourcesDir: string, enterpriseId: string, today: string) {
  const enterprise = getEnterprise(db, enterpriseId);
  const input = qualificationInputOf(
    enterprise,
    profileFacts(db, enterpriseId),
    countsFor(grantedCountsOf(db, { enterpriseId }), enterpriseId),
    today,
  );
  const checks = criteriaInForce(resourcesDir, today).map((set) => evaluate(set, input, today));
  return expectedQualifications(checks, enterprise.qualifications);
}
