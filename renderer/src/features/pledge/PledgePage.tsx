import { CaseList } from '../cases/CaseList';

/** 质押登记: the cases at the registration stage (each opens on its registration tab). */
export function PledgePage() {
  return <CaseList stage="registration" />;
}
