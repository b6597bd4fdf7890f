import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

interface Props {
  label: string;
  /** Where the menu opens, in the panel's coordinates. */
  at: { x: number; y: number };
  onClose: () => void;
  children: ComponentChildren;
}

/**
 * A DevTools-like pop-up menu: opens at a point, takes focus, moves with the arrow keys, and
 * closes on Escape, a click outside or a choice (each item closes it through onClose).
 */
export function Menu({ label, at, onClose, children }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const menu = ref.current;
    menu?.querySelector<HTMLElement>('[role^="menuitem"]')?.focus();
    const onPointer = (event: PointerEvent): void => {
      if (menu && !menu.contains(event.target as Node)) onClose();
    };
    // Registered after the click that opened the menu has finished.
    const timer = setTimeout(() => document.addEventListener('pointerdown', onPointer, true));
    return () => {
      clearTimeout(timer);
      document.removeEventListener('pointerdown', onPointer, true);
    };
  }, [onClose]);
  const onKeyDown = (event: KeyboardEvent): void => {
    const items = [...(ref.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])];
    const index = items.indexOf(document.activeElement as HTMLElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      items[(index + step + items.length) % items.length]?.focus();
    }
  };
  const left = Math.max(0, Math.min(at.x, window.innerWidth - 200));
  return (
    <div class="menu" role="menu" aria-label={label} ref={ref} style={{ left: `${left}px`, top: `${at.y}px` }} onKeyDown={onKeyDown}>
      {children}
    </div>
  );
}
