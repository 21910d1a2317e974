// Random access to one parsed sheet, with merged cells resolved to their top-left cell, and the
// header block of a form found by its labels rather than by fixed addresses.
import { parseA1, toA1 } from '../export/a1';
import type { WordGroups } from './form-definition';
import { PlaceIndex } from '../formulas/place-index';
import { matchesAny } from './text-match';
import type { ParsedCell, ParsedSheet } from './workbook-model';

export interface HeaderBlock {
  /** First and last row of the header (the numbering row, when present, is `last`). */
  first: number;
  last: number;
  /** The column whose header matched the form's key column. */
  keyColumn: number;
  /** How specific that match was: 1 for the definition's first word group, less for later ones. */
  keyStrength: number;
  /** Header texts of each visible column, top to bottom (merged headers repeat across their span). */
  labels: Map<number, string[]>;
}

const NUMBERING = /^\(?\s*\d{1,3}\s*\)?$/;
const STT = [['stt'], ['tt'], ['so tt'], ['so thu tu']];
/** A unit-of-measure column never names the rows, whatever else its header says. */
const MEASURE = [['don vi tinh'], ['dvt']];

export class SheetGrid {
  private readonly places: PlaceIndex;
  private readonly mergedInto = new Map<number, number>();
  private readonly mergeBottom = new Map<number, number>();
  readonly hiddenColumns: ReadonlySet<number>;

  constructor(readonly sheet: ParsedSheet) {
    this.places = new PlaceIndex(sheet.cells);
    this.hiddenColumns = new Set(sheet.hiddenColumns);
    for (const range of sheet.merges) {
      const [from, to] = range.split(':');
      const a = from ? parseA1(from) : null;
      const b = to ? parseA1(to) : null;
      if (!a || !b) continue;
      this.mergeBottom.set(key(a.row, a.col), b.row);
      // Header merges are small; a merge spanning a whole sheet is not worth expanding cell by cell.
      if ((b.row - a.row + 1) * (b.col - a.col + 1) > 10_000) continue;
      for (let r = a.row; r <= b.row; r++) for (let c = a.col; c <= b.col; c++) if (r !== a.row || c !== a.col) this.mergedInto.set(key(r, c), key(a.row, a.col));
    }
  }

  get rowCount(): number {
    return this.sheet.rowCount;
  }

  get columnCount(): number {
    return this.sheet.columnCount;
  }

  /** The cell itself (never its merge master). */
  cell(row: number, col: number): ParsedCell | undefined {
    const at = this.places.at(row, col);
    return at < 0 ? undefined : this.sheet.cells[at];
  }

  /** Text shown at a position: a merged cell shows its top-left cell's text. */
  shownText(row: number, col: number): string {
    const master = this.mergedInto.get(key(row, col));
    const cell = master === undefined ? this.cell(row, col) : this.cell(Math.floor(master / COLUMNS), master % COLUMNS);
    return cell?.text.trim() ?? '';
  }

  text(row: number, col: number): string {
    return this.cell(row, col)?.text.trim() ?? '';
  }

  isMergedSlave(row: number, col: number): boolean {
    return this.mergedInto.has(key(row, col));
  }

  /**
   * The form's body: each row below the header block with the text of its key column, blank rows left out,
   * up to the first row naming a stop (the signature block). Every binder walks its rows this way.
   */
  *bodyRows(header: HeaderBlock, keyCol: number, stopRows: WordGroups): Generator<{ row: number; key: string }> {
    for (let row = header.last + 1; row <= this.rowCount; row++) {
      let blank = true;
      for (let c = 1; c <= this.columnCount; c++) {
        // Untrimmed: matchesAny folds spaces away itself.
        const t = this.cell(row, c)?.text;
        if (t === undefined || (blank && t.trim() === '')) continue;
        if (matchesAny(t, stopRows)) return;
        blank = false;
      }
      if (!blank) yield { row, key: this.text(row, keyCol) };
    }
  }

  /** Non-empty texts of a row, left to right. */
  rowTexts(row: number): string[] {
    const out: string[] = [];
    for (let c = 1; c <= this.columnCount; c++) {
      const t = this.text(row, c);
      if (t) out.push(t);
    }
    return out;
  }

  address(row: number, col: number): string {
    return `${this.sheet.name}!${toA1(row, col)}`;
  }

  /** Every formula cell of the sheet. */
  formulaCells(): ParsedCell[] {
    return this.sheet.cells.filter((c) => c.formula !== undefined);
  }

  /** Top rows above the header: issuer, form number, title, subtitle. */
  titleText(beforeRow: number): string {
    const lines: string[] = [];
    for (let r = 1; r < beforeRow; r++) lines.push(this.rowTexts(r).join(' '));
    return lines.join('\n');
  }

  /**
   * The header block: it starts at the first row (of the top 40) that has the key column's label among at
   * least three labels, reaches down as far as that row's vertical merges, and takes a numbering row
   * "(1) (2) (3)" right below it.
   */
  findHeader(keyColumn: WordGroups): HeaderBlock | null {
    const top = Math.min(this.rowCount, 40);
    // Each group on its own, made once: matchesAny keeps what it learns per groups object.
    const single = keyColumn.map((g) => [g]);
    for (let r = 1; r <= top; r++) {
      let keyCol = 0;
      let group = keyColumn.length;
      let filled = 0;
      let last = r;
      for (let c = 1; c <= this.columnCount; c++) {
        const t = this.text(r, c);
        if (!t) continue;
        filled++;
        last = Math.max(last, this.mergeBottom.get(key(r, c)) ?? r);
        if (this.hiddenColumns.has(c) || t.length > 60 || matchesAny(t, STT) || matchesAny(t, MEASURE)) continue;
        const index = single.findIndex((g) => matchesAny(t, g));
        if (index >= 0 && index < group) [keyCol, group] = [c, index];
      }
      if (!keyCol || filled < 3) continue;
      last = this.extendHeader(last, keyCol);
      return { first: r, last, keyColumn: keyCol, keyStrength: 1 - group / keyColumn.length, labels: this.headerLabels(r, last) };
    }
    return null;
  }

  /** Header rows below the merges: rows with labels but no key text (criterion numbers under group names), then the numbering row. */
  private extendHeader(last: number, keyCol: number): number {
    for (let i = 0; i < 3; i++) {
      const next = last + 1;
      if (this.isNumberingRow(next)) return next;
      if (this.text(next, keyCol) !== '' || this.isMergedSlave(next, keyCol) || this.rowTexts(next).length < 2) return last;
      last = next;
    }
    return last;
  }

  private isNumberingRow(row: number): boolean {
    const texts = this.rowTexts(row);
    return texts.length >= 2 && texts.filter((t) => NUMBERING.test(t) && t.includes('(')).length >= texts.length * 0.6;
  }

  private headerLabels(first: number, last: number): Map<number, string[]> {
    const labels = new Map<number, string[]>();
    for (let c = 1; c <= this.columnCount; c++) {
      if (this.hiddenColumns.has(c)) continue;
      const parts: string[] = [];
      for (let r = first; r <= last; r++) {
        const t = this.shownText(r, c);
        if (t && !(r === last && this.isNumberingRow(r)) && parts[parts.length - 1] !== t) parts.push(t);
      }
      if (parts.length > 0) labels.set(c, parts);
    }
    return labels;
  }
}

const COLUMNS = 20_000;

function key(row: number, col: number): number {
  return row * COLUMNS + col;
}
