// Export into the province's own workbook: only the bound data cells (and the cached results of the
// form's formulas) change, in the bound sheet's XML; every other package entry keeps its exact bytes.
import type Database from 'better-sqlite3';
import { AppError } from '../errors';
import type { Binding } from '../forms/binding';
import { parseA1, toA1 } from './a1';
import { desiredValue, sameMeaning } from './cell-values';
import { readPackage, readText, writePackage, writeText } from './package';
import { indexSheet, patchSheet, readCell, type CellWrite } from './sheet-cells';
import { readSharedStrings } from './shared-strings';
import { targetReader } from './targets';

export interface OriginalExport {
  bytes: Uint8Array;
  /** A1 addresses of the cells whose value was rewritten. */
  changedCells: string[];
}

export function exportIntoOriginal(db: Database.Database, original: Uint8Array, binding: Binding): OriginalExport {
  const pkg = readPackage(original);
  const xml = readText(pkg, binding.sheetPart);
  if (xml === undefined) throw new AppError('export.error.sheetMissing', { sheet: binding.sheet });
  const strings = readSharedStrings(pkg);
  const index = indexSheet(xml);
  const reader = targetReader(db);
  const writes = new Map<string, CellWrite>();
  for (const bound of binding.cells) {
    const pos = parseA1(bound.cell);
    if (!pos) throw new AppError('export.error.badBinding', { detail: bound.cell });
    const ref = toA1(pos.row, pos.col);
    const current = readCell(index.cells.get(ref), strings);
    const desired = desiredValue(bound, reader.read(bound.target));
    if (!sameMeaning(bound, current.value, desired)) writes.set(ref, { kind: 'value', value: desired });
  }
  if (writes.size > 0) writeText(pkg, binding.sheetPart, patchSheet(index, writes, strings));
  return { bytes: writePackage(pkg), changedCells: [...writes.keys()] };
}
