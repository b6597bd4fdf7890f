/** The few toolbar glyphs, drawn like DevTools' own 16 px icons (currentColor, no fill of their own). */
const PATHS = {
  clear: 'M8 2a6 6 0 1 0 0 12A6 6 0 0 0 8 2Zm0 1.5a4.5 4.5 0 0 1 3.6 7.2L5.3 4.4A4.5 4.5 0 0 1 8 3.5ZM4.4 5.3l6.3 6.3A4.5 4.5 0 0 1 4.4 5.3Z',
  filter: 'M2 3h12v1.6L9.5 9v4.5l-3-1.5V9L2 4.6Z',
  import: 'M7.25 12V5.4L5 7.6 4 6.6 8 2.6l4 4-1 1-2.25-2.2V12ZM3 13.5h10V15H3Z',
  export: 'M7.25 2.5v6.6L5 6.9 4 7.9l4 4 4-4-1-1-2.25 2.2V2.5ZM3 13.5h10V15H3Z',
  more: 'M8 4.5a1.25 1.25 0 1 1 0-2.5 1.25 1.25 0 0 1 0 2.5Zm0 4.75a1.25 1.25 0 1 1 0-2.5 1.25 1.25 0 0 1 0 2.5ZM8 14a1.25 1.25 0 1 1 0-2.5A1.25 1.25 0 0 1 8 14Z',
  settings:
    'M9.1 1.5H6.9l-.35 1.8a5 5 0 0 0-1.25.72L3.57 3.4 2.47 5.3l1.38 1.2a5 5 0 0 0 0 1.45L2.47 9.2l1.1 1.9 1.73-.62c.38.3.8.54 1.25.72l.35 1.8h2.2l.35-1.8a5 5 0 0 0 1.25-.72l1.73.62 1.1-1.9-1.38-1.2a5 5 0 0 0 0-1.45l1.38-1.2-1.1-1.9-1.73.62a5 5 0 0 0-1.25-.72ZM8 5.6a2.1 2.1 0 1 1 0 4.2 2.1 2.1 0 0 1 0-4.2Z',
  close: 'M4.2 3.1 8 6.9l3.8-3.8 1.1 1.1L9.1 8l3.8 3.8-1.1 1.1L8 9.1l-3.8 3.8-1.1-1.1L6.9 8 3.1 4.2Z',
  dropdown: 'M4.5 6h7L8 10Z',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg class="icon" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="currentColor" fill-rule="evenodd" />
    </svg>
  );
}
