// A1 references: "C9" ↔ { row: 9, col: 3 } (both 1-based).
export interface CellPos {
  row: number;
  col: number;
}

export function parseA1(ref: string): CellPos | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of (m[1] as string).toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (row < 1 || col < 1 || col > 16384 || row > 1048576) return null;
  return { row, col };
}

const columnNames: string[] = [];

/** "AB" for column 28; names are kept, a form's 90,000 cells name the same few columns. */
export function columnName(col: number): string {
  let name = columnNames[col];
  if (name === undefined) {
    name = '';
    for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
    if (col < 20_000) columnNames[col] = name;
  }
  return name;
}

export function toA1(row: number, col: number): string {
  return `${columnName(col)}${row}`;
}
