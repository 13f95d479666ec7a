import { useHashRoute } from '../../app/useHashRoute';
import { CaseList } from './CaseList';
import { CaseView } from './CaseView';

/** 服务案件: the list, or one case when the route names it (#/cases/<id>). */
export function CasesPage() {
  const route = useHashRoute();
  const id = route.split('/')[1];
  return id ? <CaseView id={id} /> : <CaseList />;
}
