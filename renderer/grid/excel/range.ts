// A rectangular cell range over displayed row and column indices: the anchor is where the selection
// started (the active cell), the extent where it ends.

export interface CellIndex {
  row: number;
  col: number;
}

export interface CellRange {
  anchor: CellIndex;
  extent: CellIndex;
}

export interface RangeBounds {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export function bounds(range: CellRange): RangeBounds {
  return {
    top: Math.min(range.anchor.row, range.extent.row),
    bottom: Math.max(range.anchor.row, range.extent.row),
    left: Math.min(range.anchor.col, range.extent.col),
    right: Math.max(range.anchor.col, range.extent.col),
  };
}

export function contains(range: CellRange | null, row: number, col: number): boolean {
  if (!range) return false;
  const b = bounds(range);
  return row >= b.top && row <= b.bottom && col >= b.left && col <= b.right;
}

export function isSingleCell(range: CellRange): boolean {
  return range.anchor.row === range.extent.row && range.anchor.col === range.extent.col;
}

/** Move the extent by one step (Shift+arrow), staying inside the grid. */
export function extend(range: CellRange, dRow: number, dCol: number, rowCount: number, colCount: number): CellRange {
  const clamp = (v: number, max: number) => Math.max(0, Math.min(max - 1, v));
  return { anchor: range.anchor, extent: { row: clamp(range.extent.row + dRow, rowCount), col: clamp(range.extent.col + dCol, colCount) } };
}

/** Every (row, col) of the bounds, row by row. */
export function cellsOf(b: RangeBounds): CellIndex[] {
  const out: CellIndex[] = [];
  for (let row = b.top; row <= b.bottom; row++) for (let col = b.left; col <= b.right; col++) out.push({ row, col });
  return out;
}
