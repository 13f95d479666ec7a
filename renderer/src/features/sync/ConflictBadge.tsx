import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../app/useHashRoute';
import { useSyncStore } from './store';

/** Marks a record that has an open sync conflict, in lists and in its view; a click opens 同步. */
export function ConflictBadge({ id }: { id: string }) {
  const { t } = useTranslation();
  const open = useSyncStore((s) => s.conflicted.has(id));
  if (!open) return null;
  return (
    <Tooltip title={t('sync.conflicts.badgeTip')}>
      <Tag
        color="error"
        style={{ marginInlineStart: 6, cursor: 'pointer' }}
        data-conflict={id}
        onClick={(e) => {
          e.stopPropagation();
          navigate('sync');
        }}
      >
        {t('sync.conflicts.badge')}
      </Tag>
    </Tooltip>
  );
}
