// Keeps the formula engine's work proportional to what needs it. A form's thousands of row counts
// (COUNTIF(C9:U9,"x") over typed marks) are counted directly, exactly as HyperFormula counts them; the other
// formulas go to the engine with only the cells they reach (through references, and through the formulas
// those reference), fast-counted cells given as their results. A formula whose references cannot be read
// with certainty (whole columns, INDIRECT, OFFSET, 3-D and structured references) sends the whole workbook
// to the engine, as before.
import { columnName, parseA1 } from '../export/a1';
import type { FormulaResult, PlacedCell, SheetCells } from './evaluate';
import { PlaceIndex } from './place-index';

/** A sheet's cells by place. */
class IndexedSheet {
  private readonly places: PlaceIndex;

  constructor(readonly sheet: SheetCells) {
    this.places = new PlaceIndex(sheet.cells);
  }

  /** Index in sheet.cells of the cell at a place, or -1. */
  at(row: number, col: number): number {
    return this.places.at(row, col);
  }

  cell(index: number): PlacedCell {
    return this.sheet.cells[index] as PlacedCell;
  }
}

export interface Shortcut {
  /** Results of the formulas counted directly, keyed 'Sheet!A1'. */
  counted: Map<string, FormulaResult>;
  /** What the engine still has to evaluate: null when nothing, 'all' when the whole workbook. */
  engine: SheetCells[] | 'all' | null;
}

export const resultKey = (sheet: string, cell: { row: number; col: number }) => `${sheet}!${columnName(cell.col)}${cell.row}`;

export function shortcut(sheets: readonly SheetCells[]): Shortcut {
  const indexed = sheets.map((s) => new IndexedSheet(s));
  const counted = new Map<string, FormulaResult>();
  const pending: { sheet: number; cell: number }[] = [];
  indexed.forEach((s, i) => {
    s.sheet.cells.forEach((cell, c) => {
      if (cell.formula === undefined) return;
      const count = countIf(cell.formula, s);
      if (count === undefined) pending.push({ sheet: i, cell: c });
      else counted.set(resultKey(s.sheet.name, cell), count);
    });
  });
  if (pending.length === 0) return { counted, engine: null };
  const engine = reachedCells(indexed, pending, counted);
  return { counted, engine };
}

// ---------------------------------------------------------------------------------------------------------
// COUNTIF(range, "text") over typed values.

// A criterion with a doubled quote is left to the engine (HyperFormula reads "a""b" as an error).
const COUNTIF = /^\s*COUNTIF\s*\(\s*(\$?[A-Z]{1,3}\$?\d+)\s*:\s*(\$?[A-Z]{1,3}\$?\d+)\s*,\s*"([^"]*)"\s*\)\s*$/i;
/** HyperFormula reads a criterion as a comparison, a wildcard pattern, a number, a date or a boolean when it has these. */
const NOT_PLAIN_TEXT = /[<>=*?~0-9]/;
const DATE_LIKE = /^[0-9/.\-: ]+[ap]?m?$/;

/**
 * The count HyperFormula gives for `COUNTIF(range, "text")` when the criterion is plain text and every cell of
 * the range is a typed value (no formula): text cells equal to it ignoring case and accents. Undefined otherwise.
 */
function countIf(formula: string, sheet: IndexedSheet): number | undefined {
  const m = COUNTIF.exec(formula);
  if (!m) return undefined;
  const criterion = m[3] as string;
  const lower = criterion.toLowerCase();
  if (criterion.trim() === '' || NOT_PLAIN_TEXT.test(criterion) || DATE_LIKE.test(criterion) || lower === 'true' || lower === 'false') return undefined;
  const a = parseA1(m[1] as string);
  const b = parseA1(m[2] as string);
  if (!a || !b) return undefined;
  const wanted = accentless(criterion);
  let count = 0;
  for (let row = Math.min(a.row, b.row); row <= Math.max(a.row, b.row); row++) {
    for (let col = Math.min(a.col, b.col); col <= Math.max(a.col, b.col); col++) {
      const at = sheet.at(row, col);
      if (at < 0) continue;
      const cell = sheet.cell(at);
      if (cell.formula !== undefined) return undefined;
      if (typeof cell.value === 'string' && accentless(cell.value) === wanted) count++;
    }
  }
  return count;
}

const accentlessCache = new Map<string, string>();

/** HyperFormula's comparison key for text: lower case, decomposed, combining accents dropped. */
function accentless(text: string): string {
  let key = accentlessCache.get(text);
  if (key === undefined) {
    key = text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    if (accentlessCache.size > 10_000) accentlessCache.clear();
    accentlessCache.set(text, key);
  }
  return key;
}

// ---------------------------------------------------------------------------------------------------------
// The cells the remaining formulas reach.

/** Functions whose references are computed, or that look at formulas rather than values. */
const OPAQUE = /\b(?:INDIRECT|OFFSET|ISFORMULA|FORMULATEXT|CELL|INFO|SHEETS?|GETPIVOTDATA)\s*\(|\[/i;
const STRING_LITERAL = /"(?:[^"]|"")*"/g;
const REFERENCE = /(?:('(?:[^']|'')+'|[\p{L}\p{N}_.]+)!)?(\$?[A-Za-z]{1,3}\$?\d+)(?:\s*:\s*(\$?[A-Za-z]{1,3}\$?\d+))?/gu;
/** Largest rectangle looked at cell by cell; a bigger one is matched against the sheet's cells instead. */
const MAX_AREA = 100_000;

function reachedCells(sheets: IndexedSheet[], pending: { sheet: number; cell: number }[], counted: Map<string, FormulaResult>): SheetCells[] | 'all' {
  const kept = sheets.map(() => new Map<number, PlacedCell>());
  const queue = [...pending];
  const seen = sheets.map(() => new Set<number>());
  for (const p of pending) seen[p.sheet]?.add(p.cell);
  const keep = (sheetIndex: number, index: number) => {
    const s = sheets[sheetIndex] as IndexedSheet;
    const cell = s.cell(index);
    const into = kept[sheetIndex] as Map<number, PlacedCell>;
    if (cell.formula === undefined) {
      into.set(index, cell);
      return;
    }
    const result = counted.get(resultKey(s.sheet.name, cell));
    if (result !== undefined && (typeof result !== 'object' || result === null)) {
      into.set(index, { row: cell.row, col: cell.col, value: result });
      return;
    }
    const queued = seen[sheetIndex] as Set<number>;
    if (!queued.has(index)) {
      queued.add(index);
      queue.push({ sheet: sheetIndex, cell: index });
    }
  };
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    const s = sheets[next.sheet] as IndexedSheet;
    const cell = s.cell(next.cell);
    (kept[next.sheet] as Map<number, PlacedCell>).set(next.cell, cell);
    const refs = references(cell.formula as string, sheets, next.sheet);
    if (refs === null) return 'all';
    for (const ref of refs) {
      const target = sheets[ref.sheet] as IndexedSheet;
      const area = (ref.bottom - ref.top + 1) * (ref.right - ref.left + 1);
      if (area <= MAX_AREA) {
        for (let row = ref.top; row <= ref.bottom; row++) {
          for (let col = ref.left; col <= ref.right; col++) {
            const at = target.at(row, col);
            if (at >= 0) keep(ref.sheet, at);
          }
        }
      } else {
        target.sheet.cells.forEach((c, index) => {
          if (c.row >= ref.top && c.row <= ref.bottom && c.col >= ref.left && c.col <= ref.right) keep(ref.sheet, index);
        });
      }
    }
  }
  return sheets.map((s, i) => ({ name: s.sheet.name, cells: [...(kept[i] as Map<number, PlacedCell>).values()] }));
}

interface Reference {
  sheet: number;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * Every rectangle a formula refers to (a superset is harmless: more cells for the engine), or null when its
 * references cannot all be read from its text. References to sheets the workbook does not have are left out:
 * the engine has none of their cells either way.
 */
function references(formula: string, sheets: IndexedSheet[], own: number): Reference[] | null {
  const code = formula.replace(STRING_LITERAL, '""');
  if (OPAQUE.test(code)) return null;
  const out: Reference[] = [];
  const rest = code.replace(REFERENCE, (_whole, sheetName: string | undefined, from: string, to: string | undefined) => {
    const targets = sheetName === undefined ? [own] : sheetsNamed(sheets, sheetName);
    const a = parseA1(from);
    const b = to === undefined ? a : parseA1(to);
    if (a && b) {
      for (const sheet of targets) {
        out.push({ sheet, top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) });
      }
    }
    return ' ';
  });
  // A colon left over joins something else than two cells: whole columns or rows, 3-D or computed ranges.
  return rest.includes(':') ? null : out;
}

function sheetsNamed(sheets: IndexedSheet[], quoted: string): number[] {
  const name = (quoted.startsWith("'") ? quoted.slice(1, -1).replace(/''/g, "'") : quoted).toLowerCase();
  return sheets.flatMap((s, i) => (s.sheet.name.toLowerCase() === name ? [i] : []));
}
