// Cached results of formula cells, recomputed after data cells change, so the file opens with the right
// totals even in a reader that does not recalculate (LibreOffice trusts the cached values it wrote).
import { evaluateFormulas, type PlacedCell, type SheetCells } from '../formulas/evaluate';
import { parseA1 } from './a1';
import { shiftFormula } from './formula-shift';
import { listSheets, readText, type XlsxPackage } from './package';
import { indexSheet, readCell, type CellValue, type CellWrite, type FormulaResult, type SheetIndex } from './sheet-cells';
import type { SharedStrings } from './shared-strings';
import { attr } from './xml-text';

export interface FormulaSheet {
  part: string;
  index: SheetIndex;
  /** Data cells already rewritten in this sheet. */
  writes: ReadonlyMap<string, CellWrite>;
  /** Formula cells the binding names; other formula cells of the sheet are refreshed only with a non-error result. */
  listed: readonly string[];
}

/** New cached results for the formula cells of `target` whose result changed. */
export function refreshFormulaResults(pkg: XlsxPackage, target: FormulaSheet, strings: SharedStrings): Map<string, CellWrite> {
  const sheets = listSheets(pkg);
  const inputs: SheetCells[] = [];
  let targetName: string | null = null;
  for (const sheet of sheets) {
    const isTarget = sheet.part === target.part;
    if (isTarget) targetName = sheet.name;
    const xml = isTarget ? null : readText(pkg, sheet.part);
    const index = isTarget ? target.index : xml === undefined || xml === null ? null : indexSheet(xml);
    if (index) inputs.push({ name: sheet.name, cells: sheetCells(index, strings, isTarget ? target.writes : new Map()) });
  }
  if (targetName === null) return new Map();
  const results = evaluateFormulas(inputs);
  const listed = new Set(target.listed.map((ref) => ref.replace(/\$/g, '').toUpperCase()));
  const out = new Map<string, CellWrite>();
  for (const [ref, cell] of target.index.cells) {
    const read = readCell(cell, strings);
    if (read.formula === null && !isSharedFollower(cell.inner)) continue;
    const result = results.get(`${targetName}!${ref}`);
    if (result === undefined) continue;
    if (isError(result) && !listed.has(ref)) continue;
    if (!sameResult(read.value, result)) out.set(ref, { kind: 'cached', result });
  }
  return out;
}

function sheetCells(index: SheetIndex, strings: SharedStrings, writes: ReadonlyMap<string, CellWrite>): SheetCells['cells'] {
  const masters = new Map<string, { formula: string; row: number; col: number }>();
  const cells = new Map<string, Omit<PlacedCell, 'row' | 'col'>>();
  for (const [ref, cell] of index.cells) {
    const f = /<(?:\w+:)?f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?f>)/.exec(cell.inner ?? '');
    const written = writes.get(ref);
    if (written?.kind === 'value') {
      cells.set(ref, { value: scalar(written.value) });
      continue;
    }
    if (f) {
      const read = readCell(cell, strings);
      const si = attr(f[1] ?? '', 'si');
      if (attr(f[1] ?? '', 't') === 'shared' && si !== undefined) {
        if (read.formula) masters.set(si, { formula: read.formula, row: cell.row, col: cell.col });
        else {
          const master = masters.get(si);
          if (master) cells.set(ref, { formula: shiftFormula(master.formula, cell.row - master.row, cell.col - master.col) });
          continue;
        }
      }
      if (read.formula) {
        cells.set(ref, { formula: read.formula });
        continue;
      }
    }
    const value = scalar(readCell(cell, strings).value);
    if (value !== null) cells.set(ref, { value });
  }
  for (const [ref, write] of writes) if (!index.cells.has(ref) && write.kind === 'value' && parseA1(ref)) cells.set(ref, { value: scalar(write.value) });
  return [...cells].flatMap(([ref, cell]) => {
    const place = parseA1(ref);
    return place ? [{ ...place, ...cell }] : [];
  });
}

function isSharedFollower(inner: string | null): boolean {
  return /<(?:\w+:)?f\b[^>]*\bt="shared"[^>]*\/>/.test(inner ?? '');
}

function scalar(value: CellValue): string | number | boolean | null {
  switch (value.type) {
    case 'number':
    case 'boolean':
      return value.value;
    case 'text':
      return value.text;
    default:
      return null;
  }
}

const isError = (r: FormulaResult): r is { error: string } => typeof r === 'object' && r !== null;

function sameResult(cached: CellValue, result: FormulaResult): boolean {
  if (isError(result)) return cached.type === 'error' && cached.text === result.error;
  if (result === null) return cached.type === 'empty';
  if (typeof result === 'number') return cached.type === 'number' && Math.abs(cached.value - result) <= 1e-9 * Math.max(1, Math.abs(result));
  if (typeof result === 'boolean') return cached.type === 'boolean' && cached.value === result;
  return cached.type === 'text' && cached.text === result;
}
