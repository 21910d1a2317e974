// Export into the province's own workbook: only the bound data cells (and the cached results of the
// form's formulas) change, in the bound sheet's XML; every other package entry keeps its exact bytes.
// Changed text in a legacy-font cell is written in Unicode with a Unicode twin of its style, the one case
// where xl/styles.xml changes (fonts and formats are appended, existing indexes stay valid).
import type Database from 'better-sqlite3';
import { decodeLegacyRun, legacyEncodingOfFont } from '../../../shared/legacy';
import { AppError } from '../errors';
import type { Binding } from '../forms/binding';
import { unicodeStyles, type UnicodeStyles } from '../legacy/unicode-styles';
import { parseA1, toA1 } from './a1';
import { percentStyles, styleFontNames } from './cell-styles';
import { desiredValue, sameMeaning } from './cell-values';
import { refreshFormulaResults } from './formula-cache';
import { readPackage, readText, writePackage, writeText } from './package';
import { indexSheet, patchSheet, readCell, type CellValue, type CellWrite, type ReadCell, type SheetIndex } from './sheet-cells';
import { readSharedStrings, type SharedStrings } from './shared-strings';
import { targetReader } from './targets';

const STYLES_PART = 'xl/styles.xml';

export interface OriginalExport {
  bytes: Uint8Array;
  /** A1 addresses of the data cells whose value was rewritten. */
  changedCells: string[];
  /** Formula cells whose cached result was brought up to date. */
  recomputedFormulas: string[];
}

export function exportIntoOriginal(db: Database.Database, original: Uint8Array, binding: Binding): OriginalExport {
  const pkg = readPackage(original);
  const xml = readText(pkg, binding.sheetPart);
  if (xml === undefined) throw new AppError('export.error.sheetMissing', { sheet: binding.sheet });
  const strings = readSharedStrings(pkg);
  const stylesXml = readText(pkg, STYLES_PART) ?? '';
  const styles = unicodeStyles(stylesXml);
  const index = indexSheet(xml);
  const writes = boundCellWrites(db, binding, index, strings, stylesXml, styles);
  const changedCells = [...writes.keys()];
  let recomputed: string[] = [];
  if (writes.size > 0) {
    const results = refreshFormulaResults(pkg, { part: binding.sheetPart, index, writes, listed: binding.formulaCells }, strings);
    recomputed = [...results.keys()];
    for (const [ref, write] of results) if (!writes.has(ref)) writes.set(ref, write);
    writeText(pkg, binding.sheetPart, patchSheet(index, writes, strings));
  }
  if (styles.changed) writeText(pkg, STYLES_PART, styles.xml());
  return { bytes: writePackage(pkg), changedCells, recomputedFormulas: recomputed };
}

/** The new value of every bound data cell whose meaning differs from what the document holds. */
function boundCellWrites(
  db: Database.Database,
  binding: Binding,
  index: SheetIndex,
  strings: SharedStrings,
  stylesXml: string,
  styles: UnicodeStyles,
): Map<string, CellWrite> {
  const fontOf = styleFontNames(stylesXml);
  const isPercent = percentStyles(stylesXml);
  const reader = targetReader(db);
  const cells = binding.cells.map((bound): ReadBoundCell => {
    const pos = parseA1(bound.cell);
    if (!pos) throw new AppError('export.error.badBinding', { detail: bound.cell });
    const ref = toA1(pos.row, pos.col);
    const current = readCell(index.cells.get(ref), strings);
    return { bound, ref, current, unicode: asUnicode(current.value, fontOf(current.style)) };
  });
  const markCache = new Map<string, StoredMark | undefined>();
  const marks = (text: string) => {
    if (!markCache.has(text)) markCache.set(text, storedMark(cells, text));
    return markCache.get(text);
  };
  const writes = new Map<string, CellWrite>();
  for (const { bound, ref, current, unicode } of cells) {
    // A cell the province computes with a formula stays a formula (its cached result is refreshed);
    // replacing it with a value would also leave Excel's calculation chain pointing at a formula that is gone.
    if (current.formula !== null) continue;
    const percent = isPercent(current.style);
    const desired = desiredValue(bound, reader.read(bound.target, bound.kind === 'text'), percent);
    if (sameMeaning(bound, unicode, desired, percent)) continue;
    // A mark is written exactly as the form's other marks are stored, so its COUNTIF formulas still count it.
    const formMark = bound.kind === 'mark' && desired.type === 'text' ? marks(desired.text) : undefined;
    if (formMark) {
      // The cell keeps its own style when it draws the stored text the same way (same encoding).
      const sameFace = legacyEncodingOfFont(fontOf(current.style)) === legacyEncodingOfFont(fontOf(formMark.style));
      const value: CellValue = { type: 'text', text: formMark.raw };
      writes.set(ref, sameFace ? { kind: 'value', value } : { kind: 'value', value, style: formMark.style });
      continue;
    }
    const restyled = desired.type === 'text' ? styles.styleFor(current.style) : current.style;
    writes.set(ref, restyled === current.style ? { kind: 'value', value: desired } : { kind: 'value', value: desired, style: restyled });
  }
  return writes;
}

interface ReadBoundCell {
  bound: Binding['cells'][number];
  ref: string;
  current: ReadCell;
  unicode: CellValue;
}

interface StoredMark {
  raw: string;
  style: number;
}

/** The stored text and style of a mark cell of the form that already reads `mark`. */
function storedMark(cells: readonly ReadBoundCell[], mark: string): StoredMark | undefined {
  const wanted = mark.normalize('NFC').trim().toLowerCase();
  for (const { bound, current, unicode } of cells) {
    if (bound.kind !== 'mark' || current.value.type !== 'text' || unicode.type !== 'text') continue;
    if (unicode.text.normalize('NFC').trim().toLowerCase() === wanted) return { raw: current.value.text, style: current.style };
  }
  return undefined;
}

function asUnicode(value: CellValue, fontName: string | null): CellValue {
  return value.type === 'text' ? { type: 'text', text: decodeLegacyRun(value.text, fontName).text } : value;
}
