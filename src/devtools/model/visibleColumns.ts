/** What fitting columns to a width needs to know of a column. */
export interface ColumnFit {
  id: string;
  /** Default width (px); a flexible column's least useful width. */
  width: number;
  /** Lower keeps its place longer as the panel narrows; 0 is never hidden for lack of room. */
  priority: number;
  /** Shown unless the user hid it. */
  shownByDefault: boolean;
}

export interface FittedColumns<C> {
  visible: C[];
  /** Wanted, but no room at this width (the header menu says so). */
  noRoom: Set<string>;
}

/**
 * The columns to draw at `available` px: those the user wants, dropping the least important
 * first until the rest fit, in their own order. Like DevTools at a narrow dock, the table
 * never hides Duration, Msgs or Bytes behind a horizontal scroll for a Frame column.
 */
export function fitColumns<C extends ColumnFit>(columns: readonly C[], shown: Readonly<Record<string, boolean>>, widths: Readonly<Record<string, number>>, available: number): FittedColumns<C> {
  const wanted = columns.filter((column) => shown[column.id] ?? column.shownByDefault);
  const widthOf = (column: C): number => widths[column.id] ?? column.width;
  const kept = new Set<string>();
  let used = 0;
  let full = false;
  for (const column of [...wanted].sort((a, b) => a.priority - b.priority)) {
    // Strictly by priority: once one does not fit, no less important one squeezes in after it.
    full ||= column.priority > 0 && used + widthOf(column) > available;
    if (full && column.priority > 0) continue;
    kept.add(column.id);
    used += widthOf(column);
  }
  return {
    visible: wanted.filter((column) => kept.has(column.id)),
    noRoom: new Set(wanted.filter((column) => !kept.has(column.id)).map((column) => column.id)),
  };
}
