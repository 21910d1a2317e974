// Cells found by place, in a small sheet (typed array) and in one too wide and tall for it (map).
import { describe, expect, it } from 'vitest';
import { PlaceIndex } from '../../../electron/backend/formulas/place-index';

describe('place index', () => {
  it.each([
    ['a form-sized sheet', { row: 3321, col: 25 }],
    ['a sheet past the dense limit', { row: 100_000, col: 1_000 }],
  ])('finds each cell of %s, the last one given at a place, and nothing elsewhere', (_name, far) => {
    const cells = [{ row: 1, col: 1 }, { row: 2, col: 3 }, far, { row: 2, col: 3 }];
    const index = new PlaceIndex(cells);
    expect(index.at(1, 1)).toBe(0);
    expect(index.at(2, 3)).toBe(3);
    expect(index.at(far.row, far.col)).toBe(2);
    for (const [row, col] of [[1, 2], [0, 1], [1, 0], [far.row + 1, 1], [1, far.col + 1], [far.row, far.col - 1]] as const) expect(index.at(row, col)).toBe(-1);
  });
});
