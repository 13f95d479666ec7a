import type { HTMLAttributes, KeyboardEvent } from 'react';

/**
 * Row props for a table whose rows open a record: a click, or Enter / Space once the row has
 * the keyboard focus (rows are in the tab order), opens it.
 */
export function openableRow<T>(open: (row: T) => void): (row: T) => HTMLAttributes<HTMLElement> {
  return (row) => ({
    onClick: () => open(row),
    onKeyDown: (e: KeyboardEvent) => {
      if (e.target !== e.currentTarget || (e.key !== 'Enter' && e.key !== ' ')) return;
      e.preventDefault();
      open(row);
    },
    tabIndex: 0,
    style: { cursor: 'pointer' },
  });
}
