import { AboutPage } from '../features/about/AboutPage';
import { AreaPlaceholder } from '../features/areas/AreaPlaceholder';
import { CasesPage } from '../features/cases/CasesPage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { WhitelistArea } from '../features/profile/WhitelistArea';
import { HomePage } from '../features/home/HomePage';
import { InstitutionsPage } from '../features/institutions/InstitutionsPage';
import { LoansPage } from '../features/loans/LoansPage';
import { PledgePage } from '../features/pledge/PledgePage';
import { SubsidyPage } from '../features/subsidy/SubsidyPage';
import { SyncPage } from '../features/sync/SyncPage';
import { TechPage } from '../features/tech/TechPage';
import { TrainingPage } from '../features/training/TrainingPage';
import { ValuationPage } from '../features/valuation/ValuationPage';
import type { AreaKey } from './areas';

export function AreaPage({ area }: { area: AreaKey }) {
  switch (area) {
    case 'home':
      return <HomePage />;
    case 'about':
      return <AboutPage />;
    case 'whitelist':
      return <WhitelistArea />;
    case 'valuation':
      return <ValuationPage />;
    case 'tech':
      return <TechPage />;
    case 'cases':
      return <CasesPage />;
    case 'pledge':
      return <PledgePage />;
    case 'subsidy':
      return <SubsidyPage />;
    case 'loans':
      return <LoansPage />;
    case 'dashboard':
      return <DashboardPage />;
    case 'institutions':
      return <InstitutionsPage />;
    case 'sync':
      return <SyncPage />;
    case 'training':
      return <TrainingPage />;
    default:
      return <AreaPlaceholder area={area} />;
  }
}
