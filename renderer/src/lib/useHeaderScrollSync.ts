import { useEffect, type RefObject } from 'react';

/**
 * Keeps a wide table's body under its header. Tabbing to a sortable header cell makes the
 * browser scroll the header to show it, and antd's table does not move the body along (it
 * only follows the body and wheel events). On such a scroll, a tiny horizontal wheel event on
 * the header lets the table itself bring every part to the header's position.
 */
export function useHeaderScrollSync(container: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const root = container.current;
    if (!root) return;
    let last = 0;
    const onScroll = (e: Event) => {
      const header = e.target;
      if (!(header instanceof HTMLElement) || !header.classList.contains('ant-table-header')) return;
      if (Math.abs(header.scrollLeft - last) < 1) return;
      last = header.scrollLeft;
      header.dispatchEvent(new WheelEvent('wheel', { deltaX: 0.01, bubbles: false, cancelable: true }));
      last = header.scrollLeft;
    };
    root.addEventListener('scroll', onScroll, true);
    return () => root.removeEventListener('scroll', onScroll, true);
  }, [container]);
}
