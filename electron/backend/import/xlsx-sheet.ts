// One worksheet's XML scanned in a single pass: the rows (number, hidden), the cells as stored (address,
// style, type, value text, inline string, formula with its shared-formula attributes), the merged ranges and
// the column definitions. Interpreting the cells is read-xlsx.ts's business; nothing here is evaluated.
import { elementText, readStringItem, type StringItem } from './xlsx-parts';

export interface RawCell {
  row: number;
  col: number;
  /** Style index (`s`), 0 when absent. */
  style: number;
  /** Cell type (`t`): s, str, inlineStr, n, b, e, d; '' when absent. */
  type: string;
  /** Text of `<v>`, or of an inline string's `<t>`; undefined when the cell has none (or it is empty). */
  value: string | undefined;
  /** An inline rich string (`<is><r>…`). */
  rich: StringItem;
  /** Text of `<f>` ('' for `<f/>`); undefined without one. */
  formula: string | undefined;
  /** `<f t="shared" ref="…" si="…">`: a shared formula's master carries `ref`, its followers only `si`. */
  share: string | undefined;
  ref: string | undefined;
  si: string | undefined;
  /** Which `<row>` element the cell was written in (a row written twice keeps its last element). */
  element: number;
}

export interface RawRow {
  row: number;
  hidden: boolean;
  element: number;
}

export interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface ColumnSpan {
  min: number;
  max: number;
  hidden: boolean;
}

export interface RawSheet {
  rows: RawRow[];
  cells: RawCell[];
  merges: Range[];
  columns: ColumnSpan[];
  /** Rows ascending and cells ascending within their row, each written once (always so from Excel). */
  ordered: boolean;
}

/** Raised when a sheet holds more valued cells than `maxCells` allows, before any more are kept. */
export class TooManyCells extends Error {}

const ROW_ATTRS = ['r', 'hidden'];
const CELL_ATTRS = ['r', 's', 't'];
const FORMULA_ATTRS = ['t', 'ref', 'si'];
const COL_ATTRS = ['min', 'max', 'hidden'];
const REF_ATTRS = ['ref'];

/** Attribute values found by the last `readTag`, in the order of the names asked for. */
const found: (string | undefined)[] = [undefined, undefined, undefined];
/** Whether the last tag read by `readTag` closed itself (`<c/>`). */
let selfClosing = false;

/**
 * Read the attributes of the tag whose name ends just before `i`, keeping those named in `names` (in `found`),
 * and return the index after its `>`.
 */
function readTag(xml: string, i: number, names: readonly string[]): number {
  found[0] = found[1] = found[2] = undefined;
  const n = xml.length;
  for (;;) {
    let ch = xml.charCodeAt(i);
    while (ch === 32 || ch === 9 || ch === 10 || ch === 13) ch = xml.charCodeAt(++i);
    if (ch === 62 /* > */) {
      selfClosing = false;
      return i + 1;
    }
    if (ch === 47 /* / */) {
      selfClosing = true;
      const close = xml.indexOf('>', i);
      return close < 0 ? n : close + 1;
    }
    if (i >= n) {
      selfClosing = true;
      return n;
    }
    const nameStart = i;
    while (i < n && ch !== 61 /* = */ && ch !== 32 && ch !== 9 && ch !== 10 && ch !== 13 && ch !== 62 && ch !== 47) ch = xml.charCodeAt(++i);
    const nameEnd = i;
    while (ch === 32 || ch === 9 || ch === 10 || ch === 13) ch = xml.charCodeAt(++i);
    if (ch !== 61) continue; // an attribute without a value: not XML, skip the name
    ch = xml.charCodeAt(++i);
    while (ch === 32 || ch === 9 || ch === 10 || ch === 13) ch = xml.charCodeAt(++i);
    if (ch !== 34 && ch !== 39) continue;
    const close = xml.indexOf(ch === 34 ? '"' : "'", i + 1);
    if (close < 0) return n;
    for (let k = 0; k < names.length; k++) {
      const name = names[k] as string;
      if (name.length === nameEnd - nameStart && xml.startsWith(name, nameStart)) {
        const raw = xml.slice(i + 1, close);
        found[k] = raw.includes('&') || raw.includes('\r') || raw.includes('\n') || raw.includes('\t') ? attributeValue(raw) : raw;
        break;
      }
    }
    i = close + 1;
  }
}

/** An attribute value as an XML parser gives it: whitespace characters become spaces, entities decoded. */
function attributeValue(raw: string): string {
  return elementText(raw.replace(/\r\n|[\r\n\t]/g, ' '));
}

/** Whether the character at `i` ends an element name. */
function nameEnds(xml: string, i: number): boolean {
  const ch = xml.charCodeAt(i);
  return ch === 32 || ch === 62 || ch === 47 || ch === 9 || ch === 10 || ch === 13;
}

export function scanSheet(xml: string, maxCells: number): RawSheet {
  const sheet: RawSheet = { rows: [], cells: [], merges: readMerges(xml), columns: readColumns(xml), ordered: true };
  const start = xml.indexOf('<sheetData');
  if (start < 0) return sheet;
  let end = xml.indexOf('</sheetData>', start);
  if (end < 0) end = xml.length;
  let i = start + 10;
  let row = 0;
  let element = -1;
  let lastCol = 0;
  let valued = 0;
  for (;;) {
    const lt = xml.indexOf('<', i);
    if (lt < 0 || lt >= end) break;
    const c1 = xml.charCodeAt(lt + 1);
    if (c1 === 99 /* c */ && nameEnds(xml, lt + 2)) {
      i = readTag(xml, lt + 2, CELL_ATTRS);
      const [r, s, t] = found;
      let col: number;
      if (r !== undefined) col = columnOf(r);
      else col = lastCol + 1;
      const cell: RawCell = { row, col, style: s === undefined ? 0 : parseInt(s, 10) || 0, type: t ?? '', value: undefined, rich: null, formula: undefined, share: undefined, ref: undefined, si: undefined, element };
      if (!selfClosing) i = readCellContent(xml, i, cell);
      const typed = cell.formula !== undefined || cell.value !== undefined || cell.rich !== null;
      // A cell without value and style is no cell at all: it does not count as the previous one either.
      if (!typed && cell.style === 0) continue;
      if (col <= lastCol) sheet.ordered = false;
      lastCol = col;
      // A styled empty cell shows nothing: only its place counts, for a following cell without an address.
      if (!typed) continue;
      if (++valued > maxCells) throw new TooManyCells();
      sheet.cells.push(cell);
    } else if (c1 === 114 /* r */ && xml.startsWith('row', lt + 1) && nameEnds(xml, lt + 4)) {
      i = readTag(xml, lt + 4, ROW_ATTRS);
      const number = found[0] === undefined ? row + 1 : parseInt(found[0], 10);
      if (number <= row) sheet.ordered = false;
      row = number;
      element++;
      lastCol = 0;
      sheet.rows.push({ row, hidden: isTrue(found[1]), element });
    } else {
      i = lt + 1;
    }
  }
  return sheet;
}

/** The children of a `<c>`: `<v>`, `<f>`, `<is>`; returns the index after `</c>`. */
function readCellContent(xml: string, i: number, cell: RawCell): number {
  for (;;) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) return xml.length;
    const c1 = xml.charCodeAt(lt + 1);
    if (c1 === 47 /* / */) {
      if (xml.charCodeAt(lt + 2) === 99 && xml.charCodeAt(lt + 3) === 62) return lt + 4; // </c>
      i = lt + 2;
    } else if (c1 === 118 /* v */ && nameEnds(xml, lt + 2)) {
      i = readTag(xml, lt + 2, REF_ATTRS);
      if (selfClosing) continue;
      const close = xml.indexOf('</v>', i);
      const text = elementText(xml.slice(i, close < 0 ? xml.length : close));
      if (text !== '') cell.value = (cell.value ?? '') + text;
      i = close < 0 ? xml.length : close + 4;
    } else if (c1 === 102 /* f */ && nameEnds(xml, lt + 2)) {
      i = readTag(xml, lt + 2, FORMULA_ATTRS);
      [cell.share, cell.ref, cell.si] = found;
      if (selfClosing) {
        cell.formula ??= '';
        continue;
      }
      const close = xml.indexOf('</f>', i);
      cell.formula = (cell.formula ?? '') + elementText(xml.slice(i, close < 0 ? xml.length : close));
      i = close < 0 ? xml.length : close + 4;
    } else if (c1 === 105 /* i */ && xml.charCodeAt(lt + 2) === 115 /* s */ && nameEnds(xml, lt + 3)) {
      i = readTag(xml, lt + 3, REF_ATTRS);
      if (selfClosing) continue;
      const close = xml.indexOf('</is>', i);
      const item = readStringItem(xml, i, close < 0 ? xml.length : close, false);
      if (item && 'runs' in item) cell.rich = item;
      else if (item && item.text !== '') cell.value = (cell.value ?? '') + item.text;
      i = close < 0 ? xml.length : close + 5;
    } else {
      i = lt + 1;
    }
  }
}

function readMerges(xml: string): Range[] {
  const at = xml.indexOf('<mergeCells');
  if (at < 0) return [];
  const end = xml.indexOf('</mergeCells>', at);
  const merges: Range[] = [];
  for (let i = xml.indexOf('<mergeCell', at + 11); i >= 0 && (end < 0 || i < end); i = xml.indexOf('<mergeCell', i)) {
    i = readTag(xml, i + 10, REF_ATTRS);
    const range = found[0] === undefined ? null : parseRange(found[0]);
    if (range) merges.push(range);
  }
  return merges;
}

function readColumns(xml: string): ColumnSpan[] {
  const at = xml.indexOf('<cols');
  if (at < 0 || !nameEnds(xml, at + 5)) return [];
  const end = xml.indexOf('</cols>', at);
  const columns: ColumnSpan[] = [];
  for (let i = xml.indexOf('<col', at + 5); i >= 0 && (end < 0 || i < end); i = xml.indexOf('<col', i)) {
    if (!nameEnds(xml, i + 4)) {
      i += 4;
      continue;
    }
    i = readTag(xml, i + 4, COL_ATTRS);
    columns.push({ min: parseInt(found[0] ?? '0', 10) || 0, max: parseInt(found[1] ?? '0', 10) || 0, hidden: isTrue(found[2]) });
  }
  return columns;
}

/** "B3:A1" → rows 1-3, columns 1-2 (corners in any order); a single cell is a range of one. */
export function parseRange(ref: string): Range | null {
  const [from, to = from] = ref.split(':');
  const a = from ? addressOf(from) : null;
  const b = to ? addressOf(to) : null;
  if (!a || !b) return null;
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

function addressOf(ref: string): { row: number; col: number } | null {
  const col = columnOf(ref);
  const digits = /\d+/.exec(ref);
  return col > 0 && digits ? { row: parseInt(digits[0], 10), col } : null;
}

/** Column number of a cell reference's letters ("AB12" → 28); `$` signs are skipped. */
function columnOf(ref: string): number {
  let col = 0;
  for (let k = 0; k < ref.length; k++) {
    const ch = ref.charCodeAt(k);
    if (ch >= 65 && ch <= 90) col = col * 26 + ch - 64;
    else if (ch >= 97 && ch <= 122) col = col * 26 + ch - 96;
    else if (ch !== 36) break;
  }
  return col;
}

function isTrue(value: string | undefined): boolean {
  return value === '1' || value === 'true';
}
