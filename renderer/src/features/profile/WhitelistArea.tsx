import { useHashRoute } from '../../app/useHashRoute';
import { EnterprisesPage } from '../enterprises/EnterprisesPage';
import { ProfilePage } from './ProfilePage';

/** 企业与白名单, or one enterprise's profile when the route names it (#/whitelist/profile/<id>). */
export function WhitelistArea() {
  const [, sub, id] = useHashRoute().split('/');
  return sub === 'profile' && id ? <ProfilePage enterpriseId={id} /> : <EnterprisesPage />;
}
