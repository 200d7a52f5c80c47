import { Table } from '@mantine/core';
import { type ReactNode, useEffect, useRef, useState } from 'react';

/**
 * A table that scrolls sideways inside its own box when it is wider than the page (a phone), so the page
 * itself never does. While it overflows, the box is a tab stop, so keyboard users can scroll it too (WCAG
 * 2.1.1); when the table fits, it is not, and adds no stop.
 */
export function ScrollTable({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const box = ref.current;
    if (!box || typeof ResizeObserver === 'undefined') return;
    const check = () => setOverflows(box.scrollWidth > box.clientWidth + 1);
    const observer = new ResizeObserver(check);
    observer.observe(box);
    if (box.firstElementChild) observer.observe(box.firstElementChild);
    check();
    return () => observer.disconnect();
  }, []);
  return (
    <Table.ScrollContainer ref={ref} minWidth={320} type="native" tabIndex={overflows ? 0 : undefined}>
      {children}
    </Table.ScrollContainer>
  );
}
