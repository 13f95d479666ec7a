import { Empty, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useRef, type ReactNode } from 'react';
import { useHeaderScrollSync } from '../../lib/useHeaderScrollSync';
import type { Page } from '../../../../shared/types/records';
import { ListFooter, type useTablePaging } from './tables';
import { openableRow } from '../../lib/openableRow';

export type SortChange = { sort: string; order: 'asc' | 'desc' } | null;

/**
 * A virtual table over one server-side page: sorting and paging go back to the server,
 * a row click opens the record, the footer shows the total.
 */
export function ServerTable<T extends { id: string }>(props: {
  columns: ColumnsType<T>;
  page: Page<T>;
  loading: boolean;
  paging: ReturnType<typeof useTablePaging>;
  scrollX: number;
  empty: ReactNode;
  onSort: (s: SortChange) => void;
  onOpen: (row: T) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  useHeaderScrollSync(box);
  return (
    <div ref={box}>
      <Table<T>
        rowKey="id"
        size="small"
        virtual
        scroll={{ x: props.scrollX, y: 520 }}
        loading={props.loading}
        columns={props.columns}
        dataSource={props.page.rows}
        pagination={props.paging.pagination(props.page.total)}
        onChange={(_p, _f, sorter) => {
          const one = Array.isArray(sorter) ? sorter[0] : sorter;
          props.onSort(
            one?.columnKey && one.order ? { sort: String(one.columnKey), order: one.order === 'ascend' ? 'asc' : 'desc' } : null,
          );
        }}
        onRow={openableRow(props.onOpen)}
        locale={{ emptyText: <Empty description={props.empty} /> }}
        footer={() => <ListFooter total={props.page.total} />}
      />
    </div>
  );
}
