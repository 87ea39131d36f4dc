// The virtualised body of a long project table (only the rows in view are in the DOM). Its own chunk,
// fetched only when a table is long enough to need it (@tanstack/virtual, about 9 KB compressed).
import { makeStyles } from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type ReactNode } from 'react';

const useStyles = makeStyles({
  scroller: { maxHeight: '70vh', overflowY: 'auto', position: 'relative' },
});

export interface VirtualBodyProps<T> {
  items: readonly T[];
  rowHeight: number;
  render: (item: T, index: number) => ReactNode;
}

export function VirtualBody<T>({ items, rowHeight, render }: VirtualBodyProps<T>) {
  const styles = useStyles();
  const parent = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => parent.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    initialRect: { width: 1100, height: 600 },
  });
  return (
    <div ref={parent} className={styles.scroller} role="rowgroup" data-testid="virtual-body">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((v) => {
          const item = items[v.index];
          if (item === undefined) return null;
          return (
            <div
              key={v.key}
              style={{
                position: 'absolute',
                insetInlineStart: 0,
                insetInlineEnd: 0,
                transform: `translateY(${v.start}px)`,
                height: v.size,
              }}
            >
              {render(item, v.index)}
            </div>
          );
        })}
      </div>
    </div>
  );
}
