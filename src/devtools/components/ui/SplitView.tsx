import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { layoutPrefs } from '../../model/layoutPrefs';

/** Below this width the detail goes under the table, as DevTools' split views do when narrow. */
const STACK_BELOW_PX = 640;
const MIN_PANE_PX = 140;

interface Props {
  main: ComponentChildren;
  /** The detail; null shows the main pane alone. */
  side: ComponentChildren | null;
}

/**
 * The table and the detail, side by side (or stacked when narrow), with a divider the user
 * drags or moves with the arrow keys. Its position is remembered.
 */
export function SplitView({ main, side }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [box, setBox] = useState({ width: 1000, height: 600 });
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = (): void => setBox({ width: element.clientWidth, height: element.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const stacked = box.width < STACK_BELOW_PX;
  const total = stacked ? box.height : box.width;
  const prefs = layoutPrefs.value;
  const wanted = (stacked ? prefs.detailHeight : prefs.detailWidth) ?? Math.round(total * (stacked ? 0.5 : 0.42));
  const size = Math.max(MIN_PANE_PX, Math.min(total - MIN_PANE_PX, wanted));
  const setSize = (next: number): void => {
    const clamped = Math.max(MIN_PANE_PX, Math.min(total - MIN_PANE_PX, Math.round(next)));
    layoutPrefs.value = stacked ? { ...layoutPrefs.value, detailHeight: clamped } : { ...layoutPrefs.value, detailWidth: clamped };
  };
  const onPointerDown = (event: PointerEvent): void => {
    event.preventDefault();
    const divider = event.currentTarget as HTMLElement;
    const start = stacked ? event.clientY : event.clientX;
    const startSize = size;
    divider.setPointerCapture(event.pointerId);
    const onMove = (move: PointerEvent): void => setSize(startSize - ((stacked ? move.clientY : move.clientX) - start));
    const onUp = (): void => {
      divider.removeEventListener('pointermove', onMove);
      divider.removeEventListener('pointerup', onUp);
    };
    divider.addEventListener('pointermove', onMove);
    divider.addEventListener('pointerup', onUp);
  };
  const onKeyDown = (event: KeyboardEvent): void => {
    const step = event.shiftKey ? 50 : 10;
    const grow = stacked ? { ArrowUp: step, ArrowDown: -step } : { ArrowLeft: step, ArrowRight: -step };
    const delta = grow[event.key as keyof typeof grow];
    if (delta === undefined) return;
    event.preventDefault();
    setSize(size + delta);
  };
  return (
    <div class={`split${stacked ? ' stacked' : ''}`} ref={ref}>
      <div class="split-main">{main}</div>
      {side ? (
        <>
          <div
            class="split-divider"
            role="separator"
            aria-label="Resize the details"
            aria-orientation={stacked ? 'horizontal' : 'vertical'}
            aria-valuenow={size}
            aria-valuemin={MIN_PANE_PX}
            aria-valuemax={Math.max(MIN_PANE_PX, total - MIN_PANE_PX)}
            tabIndex={0}
            onPointerDown={onPointerDown}
            onKeyDown={onKeyDown}
          />
          <div class="split-side" style={stacked ? { height: `${size}px` } : { width: `${size}px` }}>
            {side}
          </div>
        </>
      ) : null}
    </div>
  );
}
