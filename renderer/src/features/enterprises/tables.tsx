import { Typography } from 'antd';
import type { TablePaginationConfig } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PAGE_SIZE } from './usePagedList';

export const STATUS_COLORS: Record<string, string> = {
  待走访: 'default',
  已走访: 'blue',
  推进中: 'processing',
  已放款: 'success',
  暂缓: 'warning',
  不符合: 'error',
};

export function sortOrderOf(s: { sort: string; order: 'asc' | 'desc' }, key: string): 'ascend' | 'descend' | null {
  return s.sort === key ? (s.order === 'asc' ? 'ascend' : 'descend') : null;
}

/** Server-side paging that returns to page 1 whenever the filter or sort changes. */
export function useTablePaging(resetKey: string) {
  const [current, setCurrent] = useState(1);
  useEffect(() => setCurrent(1), [resetKey]);
  return {
    offset: (current - 1) * PAGE_SIZE,
    pagination: (total: number): TablePaginationConfig => ({
      current,
      pageSize: PAGE_SIZE,
      total,
      showSizeChanger: false,
      onChange: setCurrent,
      size: 'small',
    }),
  };
}

export function ListFooter({ total }: { total: number }) {
  const { t } = useTranslation();
  return <Typography.Text type="secondary">{t('ent.total', { count: total })}</Typography.Text>;
}
