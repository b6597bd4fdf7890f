import { elementScroll, observeElementOffset, observeElementRect, Virtualizer } from '@tanstack/virtual-core';
import { useLayoutEffect, useReducer, useState } from 'preact/hooks';

export interface VirtualRowsOptions {
  count: number;
  rowHeight: number;
  getScrollElement: () => HTMLElement | null;
  /** Height of the sticky header, so a row scrolled to is not hidden under it. */
  headerHeight: number;
}

/**
 * Windowing for the Connections table with TanStack's framework-free virtualizer (the same
 * core react-virtual wraps; this is that wrapper's few lines for Preact). Only the rows in view
 * plus an overscan are rendered, so thousands of sockets cost a few dozen rows of DOM.
 */
export function useVirtualRows({ count, rowHeight, getScrollElement, headerHeight }: VirtualRowsOptions): Virtualizer<HTMLElement, HTMLTableRowElement> {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const options = {
    count,
    getScrollElement,
    estimateSize: () => rowHeight,
    overscan: 12,
    scrollPaddingStart: headerHeight,
    // Before the first layout there is no element to measure: assume a usual panel height so
    // the first paint already has rows (and small tables render whole).
    initialRect: { width: 1000, height: 800 },
    observeElementRect,
    observeElementOffset,
    scrollToFn: elementScroll,
    onChange: () => rerender(0),
  };
  const [virtualizer] = useState(() => new Virtualizer<HTMLElement, HTMLTableRowElement>(options));
  virtualizer.setOptions(options);
  useLayoutEffect(() => virtualizer._didMount(), []);
  useLayoutEffect(() => virtualizer._willUpdate());
  return virtualizer;
}
