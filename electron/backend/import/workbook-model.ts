// The plain-data picture of a workbook that the parsing worker hands back: every non-empty cell with its
// text (read through cellText), typed value, formula and cached result, plus what is hidden and merged.

export type CellValue = string | number | boolean | null;

export interface ParsedCell {
  /** 1-based row and column. */
  row: number;
  col: number;
  /** Text as shown to the reader (numbers as their raw value, rich text joined, NFC). */
  text: string;
  /** The typed value: numbers stay numbers, text stays text (never evaluated). */
  value: CellValue;
  /** Formula without the leading "=", when the cell has one; `value` is then its cached result. */
  formula?: string;
  /** Number format code of the cell's style, when not General. */
  numFmt?: string;
  /** The font the cell's text is drawn in (run, style or default). */
  font?: string;
}

export interface ParsedSheet {
  name: string;
  hidden: boolean;
  hiddenColumns: number[];
  hiddenRows: number[];
  /** Merged ranges, "A1:W1". */
  merges: string[];
  rowCount: number;
  columnCount: number;
  cells: ParsedCell[];
}

export interface ParsedWorkbook {
  format: 'xlsx' | 'xls';
  sheets: ParsedSheet[];
}

const columnNames: string[] = [];

/** "C8" from a 1-based row and column. */
export function cellAddress(row: number, col: number): string {
  let name = columnNames[col];
  if (name === undefined) {
    name = '';
    for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
    if (col < 20_000) columnNames[col] = name;
  }
  return `${name}${row}`;
}

/** 1-based row and column of "C8" (absolute markers allowed). */
export function parseAddress(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(address.toUpperCase());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1] as string) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}
