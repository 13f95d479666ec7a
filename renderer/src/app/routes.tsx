import { Spin } from 'antd';
import { lazy, Suspense, type ComponentType } from 'react';
import { HomePage } from '../features/home/HomePage';
import type { AreaKey } from './areas';

/**
 * Each area but the first screen is its own chunk, loaded when first opened: the start-up
 * bundle does not parse the charts, tables and forms of pages nobody has opened yet.
 */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(() => load().then((m) => ({ default: m[name] })));
}

const PAGES: Record<Exclude<AreaKey, 'home'>, ComponentType> = {
  about: page(() => import('../features/about/AboutPage'), 'AboutPage'),
  whitelist: page(() => import('../features/profile/WhitelistArea'), 'WhitelistArea'),
  valuation: page(() => import('../features/valuation/ValuationPage'), 'ValuationPage'),
  tech: page(() => import('../features/tech/TechPage'), 'TechPage'),
  cases: page(() => import('../features/cases/CasesPage'), 'CasesPage'),
  pledge: page(() => import('../features/pledge/PledgePage'), 'PledgePage'),
  subsidy: page(() => import('../features/subsidy/SubsidyPage'), 'SubsidyPage'),
  loans: page(() => import('../features/loans/LoansPage'), 'LoansPage'),
  dashboard: page(() => import('../features/dashboard/DashboardPage'), 'DashboardPage'),
  institutions: page(() => import('../features/institutions/InstitutionsPage'), 'InstitutionsPage'),
  sync: page(() => import('../features/sync/SyncPage'), 'SyncPage'),
  training: page(() => import('../features/training/TrainingPage'), 'TrainingPage'),
};

export function AreaPage({ area }: { area: AreaKey }) {
  if (area === 'home') return <HomePage />;
  const Page = PAGES[area];
  return (
    <Suspense fallback={<Spin size="large" style={{ display: 'block', margin: '96px auto' }} />}>
      <Page />
    </Suspense>
  );
}
