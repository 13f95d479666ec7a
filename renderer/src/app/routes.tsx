import { AboutPage } from '../features/about/AboutPage';
import { AreaPlaceholder } from '../features/areas/AreaPlaceholder';
import { EnterprisesPage } from '../features/enterprises/EnterprisesPage';
import { HomePage } from '../features/home/HomePage';
import { ValuationPage } from '../features/valuation/ValuationPage';
import type { AreaKey } from './areas';

export function AreaPage({ area }: { area: AreaKey }) {
  switch (area) {
    case 'home':
      return <HomePage />;
    case 'about':
      return <AboutPage />;
    case 'whitelist':
      return <EnterprisesPage />;
    case 'valuation':
      return <ValuationPage />;
    default:
      return <AreaPlaceholder area={area} />;
  }
}
