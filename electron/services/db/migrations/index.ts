import { m001Settings } from './001_settings';
import { m002EnterprisesIpWhitelist } from './002_enterprises_ip_whitelist';
import { m003Valuations } from './003_valuations';
import { m004Cases } from './004_cases';
import { m005PinyinInitials } from './005_pinyin_initials';
import { m006WhitelistEntrySurvey } from './006_whitelist_entry_survey';
import { m007PledgeSubsidyDates } from './007_pledge_subsidy_dates';
import { m008NameOrderAndSearch } from './008_name_order_and_search';
import { m009SyncReplica } from './009_sync_replica';
import { m010DistrictTargets } from './010_district_targets';
import { m011DashboardIndexes } from './011_dashboard_indexes';
import { m012Institutions } from './012_institutions';
import { m013LoanServicing } from './013_loan_servicing';
import { m014Workshops } from './014_workshops';
import { m015ProfilesAndTech } from './015_profiles_and_tech';
import { m016IpTitleSearch } from './016_ip_title_search';
import type { Migration } from './types';

/** Forward-only, in order. Never edit a shipped migration: add the next one. */
export const MIGRATIONS: readonly Migration[] = [
  m001Settings,
  m002EnterprisesIpWhitelist,
  m003Valuations,
  m004Cases,
  m005PinyinInitials,
  m006WhitelistEntrySurvey,
  m007PledgeSubsidyDates,
  m008NameOrderAndSearch,
  m009SyncReplica,
  m010DistrictTargets,
  m011DashboardIndexes,
  m012Institutions,
  m013LoanServicing,
  m014Workshops,
  m015ProfilesAndTech,
  m016IpTitleSearch,
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
