import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AreaKey } from '../../app/areas';

/** Shown for areas whose workflows land in later releases, so the navigation is honest. */
export function AreaPlaceholder({ area }: { area: Exclude<AreaKey, 'home' | 'about'> }) {
  const { t } = useTranslation();
  return <Result status="info" title={t('areas.comingTitle', { area: t(`nav.${area}`) })} subTitle={t(`areas.${area}`)} />;
}
