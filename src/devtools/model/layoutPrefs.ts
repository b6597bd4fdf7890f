import { effect, signal, type Signal } from '@preact/signals';

/** How the user arranged the panel: split sizes, column widths, hidden columns. Kept per browser profile. */
export interface LayoutPrefs {
  /** Width of the detail beside the table (px), null for the default. */
  detailWidth: number | null;
  /** Height of the detail under the table when the panel is narrow (px), null for the default. */
  detailHeight: number | null;
  /** Column widths the user dragged (px), by column id. */
  columnWidths: Record<string, number>;
  /** Columns the user showed (true) or hid (false) from the header's menu; others keep their default. */
  columnShown: Record<string, boolean>;
}

const STORAGE_KEY = 'onesocket.layout.v1';
const DEFAULTS: LayoutPrefs = { detailWidth: null, detailHeight: null, columnWidths: {}, columnShown: {} };

function load(storage: Storage | undefined): LayoutPrefs {
  try {
    const stored = storage?.getItem(STORAGE_KEY);
    if (!stored) return DEFAULTS;
    const parsed = JSON.parse(stored) as Partial<LayoutPrefs>;
    return {
      detailWidth: typeof parsed.detailWidth === 'number' ? parsed.detailWidth : null,
      detailHeight: typeof parsed.detailHeight === 'number' ? parsed.detailHeight : null,
      columnWidths: typeof parsed.columnWidths === 'object' && parsed.columnWidths !== null ? parsed.columnWidths : {},
      columnShown: typeof parsed.columnShown === 'object' && parsed.columnShown !== null ? parsed.columnShown : {},
    };
  } catch {
    // A damaged entry only loses the arrangement, never the panel.
    return DEFAULTS;
  }
}

/** The layout as a signal, written back to localStorage on every change (the panel's own origin). */
export function createLayoutPrefs(storage: Storage | undefined = globalThis.localStorage): Signal<LayoutPrefs> {
  const prefs = signal(load(storage));
  effect(() => {
    const value = prefs.value;
    try {
      storage?.setItem(STORAGE_KEY, JSON.stringify(value));
    } catch {
      // Storage full or disabled: the arrangement lasts for this session only.
    }
  });
  return prefs;
}

/** One shared instance for the panel page. */
export const layoutPrefs = createLayoutPrefs();
