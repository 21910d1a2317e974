// Where each cell of a sheet is, by its 1-based row and column: a typed array over the used rectangle while
// the sheet is small enough (no key or object per cell), else a map. A form's 90,000 cells index in a few ms.
const MAX_DENSE = 4_000_000;

export class PlaceIndex {
  private readonly dense: Int32Array | null = null;
  private readonly sparse = new Map<number, number>();
  private readonly width: number;
  private readonly height: number;

  constructor(cells: readonly { row: number; col: number }[]) {
    let width = 0;
    let height = 0;
    for (const cell of cells) {
      if (cell.col > width) width = cell.col;
      if (cell.row > height) height = cell.row;
    }
    [this.width, this.height] = [width, height];
    if (width * height <= MAX_DENSE) {
      const dense = (this.dense = new Int32Array(width * height));
      cells.forEach((cell, i) => (dense[(cell.row - 1) * width + cell.col - 1] = i + 1));
    } else cells.forEach((cell, i) => this.sparse.set((cell.row - 1) * width + cell.col - 1, i));
  }

  /** Index of the cell at a place (the last one given there), or -1. */
  at(row: number, col: number): number {
    if (row < 1 || col < 1 || row > this.height || col > this.width) return -1;
    const place = (row - 1) * this.width + col - 1;
    if (this.dense) return (this.dense[place] as number) - 1;
    return this.sparse.get(place) ?? -1;
  }
}
