// Keeps the formula engine's work proportional to what needs it. A form's thousands of row counts
// (COUNTIF(C9:U9,"x") over typed marks) are counted directly, exactly as HyperFormula counts them; the other
// formulas go to the engine with only the cells they reach (through references, and through the formulas
// those reference), fast-counted cells given as their results. A formula whose references cannot be read
// with certainty (whole columns, INDIRECT, OFFSET, 3-D and structured references) sends the whole workbook
// to the engine, as before.
import { parseA1, type CellValue, type FormulaResult, type SheetCells } from './evaluate';

type Cell = { value?: CellValue; formula?: string; row?: number; col?: number };

interface IndexedSheet {
  sheet: SheetCells;
  /** Cells by position (row * COLS + col, 0-based), with their address as the sheet lists it. */
  byPosition: Map<number, { address: string; cell: Cell }>;
}

const COLS = 20_000;
const position = (row: number, col: number) => row * COLS + col;

export interface Shortcut {
  /** Results of the formulas counted directly, keyed 'Sheet!A1'. */
  counted: Map<string, FormulaResult>;
  /** What the engine still has to evaluate: null when nothing, 'all' when the whole workbook. */
  engine: SheetCells[] | 'all' | null;
}

export const resultKey = (sheet: string, address: string) => `${sheet}!${address.toUpperCase().replace(/\$/g, '')}`;

export function shortcut(sheets: readonly SheetCells[]): Shortcut {
  const indexed = sheets.map(index);
  const counted = new Map<string, FormulaResult>();
  const pending: { sheet: number; address: string }[] = [];
  indexed.forEach((s, i) => {
    for (const [address, cell] of s.sheet.cells) {
      if (cell.formula === undefined) continue;
      const count = countIf(cell.formula, s);
      if (count === undefined) pending.push({ sheet: i, address });
      else counted.set(resultKey(s.sheet.name, address), count);
    }
  });
  if (pending.length === 0) return { counted, engine: null };
  const engine = reachedCells(indexed, pending, counted);
  return { counted, engine };
}

function index(sheet: SheetCells): IndexedSheet {
  const byPosition = new Map<number, { address: string; cell: Cell }>();
  for (const [address, cell] of sheet.cells) {
    byPosition.set(cell.row !== undefined && cell.col !== undefined ? position(cell.row - 1, cell.col - 1) : positionOf(address), { address, cell });
  }
  return { sheet, byPosition };
}

/** position() of an A1 address ("$C$8", "c8"), read without a regular expression: every cell of a sheet is indexed. */
function positionOf(address: string): number {
  let col = 0;
  let row = 0;
  for (let i = 0; i < address.length; i++) {
    const ch = address.charCodeAt(i);
    if (ch >= 48 && ch <= 57) row = row * 10 + ch - 48;
    else if (ch >= 65 && ch <= 90) col = col * 26 + ch - 64;
    else if (ch >= 97 && ch <= 122) col = col * 26 + ch - 96;
    else if (ch !== 36) return position(parseA1(address).row, parseA1(address).col);
  }
  if (row === 0 || col === 0) return position(parseA1(address).row, parseA1(address).col);
  return position(row - 1, col - 1);
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
  const wanted = accentless(criterion);
  let count = 0;
  for (let row = Math.min(a.row, b.row); row <= Math.max(a.row, b.row); row++) {
    for (let col = Math.min(a.col, b.col); col <= Math.max(a.col, b.col); col++) {
      const cell = sheet.byPosition.get(position(row, col))?.cell;
      if (!cell) continue;
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

function reachedCells(sheets: IndexedSheet[], pending: { sheet: number; address: string }[], counted: Map<string, FormulaResult>): SheetCells[] | 'all' {
  const kept = sheets.map(() => new Map<string, Cell>());
  const queue = [...pending];
  const seen = new Set(pending.map((p) => `${p.sheet}|${p.address}`));
  const keep = (sheetIndex: number, address: string, cell: Cell) => {
    const s = sheets[sheetIndex] as IndexedSheet;
    if (cell.formula === undefined) {
      (kept[sheetIndex] as Map<string, Cell>).set(address, cell);
      return;
    }
    const result = counted.get(resultKey(s.sheet.name, address));
    if (result !== undefined && (typeof result !== 'object' || result === null)) {
      (kept[sheetIndex] as Map<string, Cell>).set(address, { value: result });
      return;
    }
    const id = `${sheetIndex}|${address}`;
    if (!seen.has(id)) {
      seen.add(id);
      queue.push({ sheet: sheetIndex, address });
    }
  };
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    const s = sheets[next.sheet] as IndexedSheet;
    const cell = s.sheet.cells.get(next.address) as Cell;
    (kept[next.sheet] as Map<string, Cell>).set(next.address, cell);
    const refs = references(cell.formula as string, sheets, next.sheet);
    if (refs === null) return 'all';
    for (const ref of refs) {
      const target = sheets[ref.sheet] as IndexedSheet;
      const area = (ref.bottom - ref.top + 1) * (ref.right - ref.left + 1);
      if (area <= MAX_AREA) {
        for (let row = ref.top; row <= ref.bottom; row++) {
          for (let col = ref.left; col <= ref.right; col++) {
            const found = target.byPosition.get(position(row, col));
            if (found) keep(ref.sheet, found.address, found.cell);
          }
        }
      } else {
        for (const [at, found] of target.byPosition) {
          const row = Math.floor(at / COLS);
          const col = at % COLS;
          if (row >= ref.top && row <= ref.bottom && col >= ref.left && col <= ref.right) keep(ref.sheet, found.address, found.cell);
        }
      }
    }
  }
  return sheets.map((s, i) => ({ name: s.sheet.name, cells: kept[i] as Map<string, Cell> }));
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
    const a = safeA1(from);
    const b = to === undefined ? a : safeA1(to);
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

function safeA1(address: string): { row: number; col: number } | null {
  try {
    return parseA1(address);
  } catch {
    return null;
  }
}
