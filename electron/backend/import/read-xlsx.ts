// Reads an .xlsx package into the plain workbook model. Runs inside the parsing worker. Only the parts
// that carry cells are inflated (workbook, relationships, styles, shared strings, worksheets) and scanned as
// text; cell content is only read: hyperlinks are not followed, formulas are not evaluated, text starting
// with = + - @ stays text.
//
// The model is the one the reader built on ExcelJS gave, and test/integration/read-xlsx-parity.test.ts holds
// the two side by side over every fixture. Where ExcelJS garbled text (entities decoded twice in `str` cells,
// rich text in a hyperlinked cell read as "[object Object]", a text result in a date-formatted cell making the
// whole file unreadable) this reader keeps the text as stored, and a hyperlinked cell keeps its value.
import { toA1 } from '../export/a1';
import { unzipSync } from 'fflate';
import { AppError } from '../errors';
import { shiftFormula } from '../export/formula-shift';
import { cellText, resolvedFont, type FontContext, type TextRun } from './cell-text';
import type { ImportLimits } from './limits';
import type { CellValue, ParsedCell, ParsedSheet, ParsedWorkbook } from './workbook-model';
import { readCellStyles, readSharedStrings, usesDate1904, workbookSheets, type CellStyle, type StringItem } from './xlsx-parts';
import { scanSheet, TooManyCells, type RawCell, type RawRow, type RawSheet, type Range } from './xlsx-sheet';

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const STYLES = 'xl/styles.xml';
const SHARED_STRINGS = 'xl/sharedStrings.xml';

/** What every cell of the workbook is read against. */
interface BookContext {
  styles: CellStyle[];
  /** What each style means for its cells, worked out once per style (see lookOf). */
  looks: Map<number, StyleLook>;
  strings: StringItem[];
  defaultFont: string | null;
  date1904: boolean;
  /** Text and font of shared strings met so far, by string index and style (see sharedStringCell). */
  shown: Map<number, Shown>;
}

export function readXlsx(bytes: Uint8Array, defaultFont: string | null, limits: ImportLimits): ParsedWorkbook {
  const decoder = new TextDecoder();
  const text = (part: Uint8Array | undefined) => (part ? decoder.decode(part) : undefined);
  const parts = inflate(bytes, (name) => name === WORKBOOK || name === WORKBOOK_RELS || name === STYLES || name === SHARED_STRINGS);
  const workbookXml = text(parts[WORKBOOK]);
  if (workbookXml === undefined) throw new AppError('import.corrupt');
  const listed = workbookSheets(workbookXml, text(parts[WORKBOOK_RELS]) ?? '').filter((s) => s.worksheet);
  const wanted = new Set(listed.map((s) => s.part));
  const sheetParts = inflate(bytes, (name) => wanted.has(name));
  const book: BookContext = { styles: readCellStyles(text(parts[STYLES])), looks: new Map(), strings: readSharedStrings(text(parts[SHARED_STRINGS])), defaultFont, date1904: usesDate1904(workbookXml), shown: new Map() };
  let cells = 0;
  const sheets: ParsedSheet[] = [];
  for (const listedSheet of listed) {
    const xml = text(sheetParts[listedSheet.part]);
    if (xml === undefined) continue;
    let raw: RawSheet;
    try {
      raw = scanSheet(xml, limits.maxCells - cells);
    } catch (error) {
      if (error instanceof TooManyCells) throw new AppError('import.tooManyCells', { max: limits.maxCells });
      throw error;
    }
    const sheet = readSheet(listedSheet.name, listedSheet.hidden, raw, book, limits);
    cells += sheet.cells.length;
    if (cells > limits.maxCells) throw new AppError('import.tooManyCells', { max: limits.maxCells });
    sheets.push(sheet);
  }
  return { format: 'xlsx', sheets };
}

function inflate(bytes: Uint8Array, wanted: (name: string) => boolean): Record<string, Uint8Array> {
  try {
    return unzipSync(bytes, { filter: (file) => wanted(file.name) });
  } catch {
    throw new AppError('import.corrupt');
  }
}

function readSheet(name: string, hidden: boolean, raw: RawSheet, book: BookContext, limits: ImportLimits): ParsedSheet {
  resolveSharedFormulas(raw.cells);
  const { cells: stored, rows } = raw.ordered ? raw : lastWritten(raw);
  checkApart(raw.merges);
  const merges = new MergeIndex(raw.merges);
  const valuedRows = new Set<number>();
  const cells: ParsedCell[] = [];
  let rowCount = 0;
  let columnCount = 0;
  for (const cell of stored) {
    valuedRows.add(cell.row);
    if (merges.covers(cell.row, cell.col)) continue;
    const parsed = readCell(cell, book);
    if (!parsed) continue;
    rowCount = Math.max(rowCount, cell.row);
    columnCount = Math.max(columnCount, cell.col);
    if (rowCount > limits.maxRows) throw new AppError('import.tooManyRows', { sheet: name, max: limits.maxRows });
    if (columnCount > limits.maxColumns) throw new AppError('import.tooManyColumns', { sheet: name, max: limits.maxColumns });
    cells.push(parsed);
  }
  // A hidden row counts when something shows in it: a value, or the covered part of a merged range.
  const slaveRows = new MergeIndex(raw.merges);
  const hiddenRows = rows.filter((r) => r.hidden && (valuedRows.has(r.row) || slaveRows.rowHasSlave(r.row))).map((r) => r.row);
  return {
    name: name.normalize('NFC'),
    hidden,
    hiddenColumns: hiddenColumns(raw, columnCount),
    hiddenRows,
    merges: raw.merges.map((m) => `${toA1(m.top, m.left)}:${toA1(m.bottom, m.right)}`),
    rowCount,
    columnCount,
    cells,
  };
}

/** Followers of a shared formula get the master's formula moved to their place; a follower before its master has none. */
function resolveSharedFormulas(cells: RawCell[]): void {
  const masters = new Map<string, RawCell>();
  for (const cell of cells) {
    if (cell.share !== 'shared' || cell.si === undefined) continue;
    if (cell.ref !== undefined) {
      masters.set(cell.si, cell);
      continue;
    }
    const master = masters.get(cell.si);
    if (!cell.formula && master) cell.formula = shiftFormula(master.formula ?? '', cell.row - master.row, cell.col - master.col);
  }
}

/** A row written twice keeps only its last `<row>`, a cell written twice its last `<c>`; rows and cells in order. */
function lastWritten(raw: RawSheet): { cells: RawCell[]; rows: RawRow[] } {
  const lastElement = new Map<number, RawRow>();
  for (const row of raw.rows) lastElement.set(row.row, row);
  const rows = [...lastElement.values()].sort((a, b) => a.row - b.row);
  const kept = raw.cells.map((cell, order) => ({ cell, order })).filter(({ cell }) => lastElement.get(cell.row)?.element === cell.element);
  kept.sort((a, b) => a.cell.row - b.cell.row || a.cell.col - b.cell.col || a.order - b.order);
  const cells = kept.filter((k, i) => {
    const next = kept[i + 1];
    return !next || next.cell.row !== k.cell.row || next.cell.col !== k.cell.col;
  });
  return { cells: cells.map((k) => k.cell), rows };
}

/**
 * Merged ranges, asked row by row in ascending order: whether a cell is covered by a range it does not
 * start (its content is hidden by the range's top-left cell).
 */
class MergeIndex {
  private readonly byTop: Range[];
  private next = 0;
  private active: Range[] = [];
  private row = 0;

  constructor(merges: readonly Range[]) {
    this.byTop = byTop(merges);
  }

  covers(row: number, col: number): boolean {
    this.moveTo(row);
    for (const m of this.active) if (col >= m.left && col <= m.right && (row !== m.top || col !== m.left)) return true;
    return false;
  }

  rowHasSlave(row: number): boolean {
    this.moveTo(row);
    return this.active.some((m) => row > m.top || m.right > m.left);
  }

  private moveTo(row: number): void {
    if (row === this.row) return;
    this.row = row;
    while (this.next < this.byTop.length && (this.byTop[this.next] as Range).top <= row) this.active.push(this.byTop[this.next++] as Range);
    if (this.active.length > 0) this.active = this.active.filter((m) => m.bottom >= row);
  }
}

function byTop(merges: readonly Range[]): Range[] {
  return [...merges].sort((a, b) => a.top - b.top || a.left - b.left);
}

/** Overlapping merged ranges make a broken file. */
function checkApart(merges: readonly Range[]): void {
  const sorted = byTop(merges);
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i] as Range;
    for (let j = i + 1; j < sorted.length && (sorted[j] as Range).top <= a.bottom; j++) {
      const b = sorted[j] as Range;
      if (b.left <= a.right && b.right >= a.left) throw new AppError('import.corrupt');
    }
  }
}

/** Hidden columns among the used ones; a column definition applies from where the previous one stopped. */
function hiddenColumns(raw: RawSheet, columnCount: number): number[] {
  const hidden: number[] = [];
  let next = 1;
  for (const span of [...raw.columns].sort((a, b) => a.min - b.min)) {
    next = Math.max(next, span.min);
    for (; next <= span.max && next <= columnCount; next++) if (span.hidden) hidden.push(next);
    next = Math.max(next, span.max + 1);
  }
  return hidden;
}

/** A style as its cells are read: the fonts text is drawn in, the number format, whether it shows dates. */
interface StyleLook {
  context: FontContext;
  numFmt: string | undefined;
  isDate: boolean;
}

function lookOf(styleIndex: number, book: BookContext): StyleLook {
  let look = book.looks.get(styleIndex);
  if (!look) {
    const style = styleIndex ? book.styles[styleIndex] : undefined;
    look = { context: { cellFont: style?.font ?? null, defaultFont: book.defaultFont }, numFmt: style?.numFmt, isDate: style !== undefined && isDateFormat(style.numFmt) };
    book.looks.set(styleIndex, look);
  }
  return look;
}

/** One stored cell as the model has it; null for a cell that shows nothing. */
function readCell(cell: RawCell, book: BookContext): ParsedCell | null {
  const { context, numFmt, isDate } = lookOf(cell.style, book);
  if (cell.formula || cell.share) {
    // A shared-formula master without its own text, or a follower whose master came later, has no formula.
    if (!cell.formula) return null;
    const value = formulaResult(cell, isDate, book.date1904, context);
    return parsedCell(cell, numFmt, value === null ? '' : String(value), value, cell.formula, resolvedFont(undefined, context));
  }
  const shown = cell.rich ? textOf(cell.rich, context) : cell.type === 's' && cell.value !== undefined ? sharedString(parseInt(cell.value, 10), cell.style, book, context) : undefined;
  if (shown !== undefined) return shown && parsedCell(cell, numFmt, shown.text, shown.text, undefined, shown.font);
  const raw = cell.value;
  if (raw === undefined) return null;
  switch (cell.type) {
    case 'str':
    case 'inlineStr': {
      const text = textOf({ text: raw }, context);
      return text && parsedCell(cell, numFmt, text.text, text.text, undefined, text.font);
    }
    case 'b': {
      const value = parseInt(raw, 10) !== 0;
      return parsedCell(cell, numFmt, String(value), value, undefined, null);
    }
    case 'e':
      return parsedCell(cell, numFmt, raw, null, undefined, null);
    default: {
      const value = parseFloat(raw);
      if (!isDate) return parsedCell(cell, numFmt, String(value), value, undefined, null);
      const date = isoDate(value, book.date1904);
      return parsedCell(cell, numFmt, date, date, undefined, null);
    }
  }
}

function parsedCell(at: RawCell, numFmt: string | undefined, text: string, value: CellValue, formula: string | undefined, font: string | null | undefined): ParsedCell {
  const cell: ParsedCell = { row: at.row, col: at.col, text, value };
  if (formula !== undefined) cell.formula = formula;
  if (numFmt && numFmt !== 'General') cell.numFmt = numFmt;
  if (font) cell.font = font;
  return cell;
}

/**
 * The result a formula cell stored. A result of 0, FALSE or an error counts as none (as ExcelJS, which the
 * import was built on, has it), so a formula written without computing it is never compared.
 */
function formulaResult(cell: RawCell, isDate: boolean, date1904: boolean, context: FontContext): CellValue {
  const raw = cell.value;
  if (!raw) return null;
  if (cell.type === 'str') return cellText({ text: raw }, context);
  if (cell.type === 'b') return parseInt(raw, 10) !== 0 ? true : null;
  if (cell.type === 'e') return null;
  const value = parseFloat(raw);
  if (isDate) return isoDate(value, date1904);
  return value || null;
}

type Shown = { text: string; font: string | null } | null;

/**
 * A shared string as a cell in `style` shows it. A form repeats a few strings (marks, units) thousands of
 * times in the same style: each is decoded once per style.
 */
function sharedString(index: number, style: number, book: BookContext, context: FontContext): Shown {
  const key = index * 65_536 + style;
  let shown = book.shown.get(key);
  if (shown === undefined) {
    const item = book.strings[index];
    if (item === undefined) throw new AppError('import.corrupt');
    shown = item === null ? null : textOf(item, context);
    book.shown.set(key, shown);
  }
  return shown;
}

/** Text (legacy fonts decoded, NFC) and the font it is drawn in; null when it shows nothing. */
function textOf(item: { text: string } | { runs: TextRun[] }, context: FontContext): Shown {
  const text = cellText(item, context);
  if (text === '') return null;
  const first = 'runs' in item ? item.runs[0]?.fontName : undefined;
  return { text, font: resolvedFont(first === undefined ? undefined : { text: '', fontName: first }, context) };
}

/** A number format that shows a date or a time (text in quotes and [brackets] aside). */
function isDateFormat(format: string | undefined): boolean {
  return !!format && /[ymdhMsb]/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** The calendar date (UTC) of a date serial number, "2024-12-31"; an impossible date makes a broken file. */
function isoDate(serial: number, date1904: boolean): string {
  const date = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
  if (Number.isNaN(date.getTime())) throw new AppError('import.corrupt');
  return date.toISOString().slice(0, 10);
}
