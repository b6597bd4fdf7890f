import { describe, expect, it } from 'vitest';
import { fitColumns, type ColumnFit } from './visibleColumns';

const columns: ColumnFit[] = [
  { id: 'num', width: 30, priority: 0, shownByDefault: true },
  { id: 'user', width: 80, priority: 1, shownByDefault: true },
  { id: 'frame', width: 150, priority: 5, shownByDefault: true },
  { id: 'bytes', width: 100, priority: 2, shownByDefault: true },
  { id: 'page', width: 100, priority: 3, shownByDefault: false },
];
const ids = (result: { visible: ColumnFit[] }): string[] => result.visible.map((column) => column.id);

describe('fitColumns', () => {
  it('keeps every wanted column when there is room, in their own order', () => {
    expect(ids(fitColumns(columns, {}, {}, 1000))).toEqual(['num', 'user', 'frame', 'bytes']);
  });

  it('drops the least important first when the panel narrows, and says which', () => {
    const fitted = fitColumns(columns, {}, {}, 300);
    expect(ids(fitted)).toEqual(['num', 'user', 'bytes']);
    expect([...fitted.noRoom]).toEqual(['frame']);
  });

  it('follows what the user showed, hid and resized', () => {
    expect(ids(fitColumns(columns, { page: true, user: false }, {}, 1000))).toEqual(['num', 'frame', 'bytes', 'page']);
    expect(ids(fitColumns(columns, {}, { user: 200 }, 300))).toEqual(['num', 'user']);
  });
});
