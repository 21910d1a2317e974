// The workbook model in the form it crosses from the parsing worker: per sheet, the cells as columns of
// typed arrays (moved, not copied) over one table of distinct strings. Cloning 90,000 small cell objects
// took longer than parsing them; a form repeats few strings (marks, units), so the table stays small.
import type { CellValue, ParsedCell, ParsedSheet, ParsedWorkbook } from './workbook-model';

type SheetInfo = Omit<ParsedSheet, 'cells'>;

export interface PackedSheet extends SheetInfo {
  /** The cells as they are, for a sheet with a cell the columns cannot carry (its text is not what its value shows). */
  plain?: ParsedCell[];
  rows: Int32Array<ArrayBuffer>;
  cols: Int32Array<ArrayBuffer>;
  /** What each cell's value is (see Kind). */
  kinds: Uint8Array<ArrayBuffer>;
  numbers: Float64Array<ArrayBuffer>;
  /** Indexes into `strings`; -1 for none. */
  texts: Int32Array<ArrayBuffer>;
  formulas: Int32Array<ArrayBuffer>;
  numFmts: Int32Array<ArrayBuffer>;
  fonts: Int32Array<ArrayBuffer>;
}

export interface PackedWorkbook {
  format: ParsedWorkbook['format'];
  strings: string[];
  sheets: PackedSheet[];
}

/** A number or a boolean shows as String(value); text is its own value. */
const enum Kind {
  Empty = 0,
  Number = 1,
  Text = 2,
  True = 3,
  False = 4,
}

export function packWorkbook(workbook: ParsedWorkbook): { packed: PackedWorkbook; transfer: ArrayBuffer[] } {
  const strings: string[] = [];
  const ids = new Map<string, number>();
  const id = (text: string | undefined): number => {
    if (text === undefined) return -1;
    let n = ids.get(text);
    if (n === undefined) {
      n = strings.length;
      strings.push(text);
      ids.set(text, n);
    }
    return n;
  };
  const transfer: ArrayBuffer[] = [];
  const sheets = workbook.sheets.map(({ cells, ...info }): PackedSheet => {
    const n = cells.every((cell) => kindOf(cell) !== undefined) ? cells.length : 0;
    const sheet: PackedSheet = {
      ...info,
      rows: new Int32Array(n),
      cols: new Int32Array(n),
      kinds: new Uint8Array(n),
      numbers: new Float64Array(n),
      texts: new Int32Array(n),
      formulas: new Int32Array(n),
      numFmts: new Int32Array(n),
      fonts: new Int32Array(n),
    };
    if (n < cells.length) sheet.plain = cells;
    else cells.forEach((cell, i) => {
      sheet.rows[i] = cell.row;
      sheet.cols[i] = cell.col;
      const kind = kindOf(cell) as Kind;
      sheet.kinds[i] = kind;
      if (kind === Kind.Number) sheet.numbers[i] = cell.value as number;
      sheet.texts[i] = kind === Kind.Number || kind === Kind.True || kind === Kind.False ? -1 : id(cell.text);
      sheet.formulas[i] = id(cell.formula);
      sheet.numFmts[i] = id(cell.numFmt);
      sheet.fonts[i] = id(cell.font);
    });
    transfer.push(sheet.rows.buffer, sheet.cols.buffer, sheet.kinds.buffer, sheet.numbers.buffer, sheet.texts.buffer, sheet.formulas.buffer, sheet.numFmts.buffer, sheet.fonts.buffer);
    return sheet;
  });
  return { packed: { format: workbook.format, strings, sheets }, transfer };
}

/** Which Kind a cell is; undefined when its text is not what its value shows (never so from our readers). */
function kindOf(cell: ParsedCell): Kind | undefined {
  const value = cell.value;
  if (value === null) return Kind.Empty;
  if (typeof value === 'string') return value === cell.text ? Kind.Text : undefined;
  if (cell.text !== String(value)) return undefined;
  return typeof value === 'number' ? Kind.Number : value ? Kind.True : Kind.False;
}

export function unpackWorkbook(packed: PackedWorkbook): ParsedWorkbook {
  const strings = packed.strings;
  const sheets = packed.sheets.map(({ plain, rows, cols, kinds, numbers, texts, formulas, numFmts, fonts, ...info }): ParsedSheet => {
    if (plain) return { ...info, cells: plain };
    const cells: ParsedCell[] = new Array<ParsedCell>(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const kind = kinds[i] as Kind;
      let value: CellValue;
      let text: string;
      if (kind === Kind.Number) {
        value = numbers[i] as number;
        text = String(value);
      } else if (kind === Kind.True || kind === Kind.False) {
        value = kind === Kind.True;
        text = String(value);
      } else {
        text = strings[texts[i] as number] as string;
        value = kind === Kind.Text ? text : null;
      }
      const cell: ParsedCell = { row: rows[i] as number, col: cols[i] as number, text, value };
      const formula = formulas[i] as number;
      if (formula >= 0) cell.formula = strings[formula] as string;
      const numFmt = numFmts[i] as number;
      if (numFmt >= 0) cell.numFmt = strings[numFmt] as string;
      const font = fonts[i] as number;
      if (font >= 0) cell.font = strings[font] as string;
      cells[i] = cell;
    }
    return { ...info, cells };
  });
  return { format: packed.format, sheets };
}
