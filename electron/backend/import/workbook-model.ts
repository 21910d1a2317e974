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
