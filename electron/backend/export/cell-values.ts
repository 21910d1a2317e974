// How a document value is written into a bound cell, and whether the cell already says it: a cell whose
// meaning is unchanged is left exactly as the province wrote it.
import { parseNumber, roundHalfAwayFromZero } from '../../../shared/format/vi';
import type { BoundCell } from '../forms/binding';
import type { CellValue } from './sheet-cells';
import type { TargetValue } from './targets';

/** Marks that mean "met" in the forms (compared case-insensitively). */
const MET_MARKS = new Set(['x', 'đạt', '✓', '✔', '1']);
const DEFAULT_MARK = 'x';

/**
 * The cell value for a document value. A cell formatted as a percentage holds a fraction (0,9 shown as 90%)
 * while the document holds percentage points (90).
 */
export function desiredValue(bound: BoundCell, value: TargetValue, percentCell = false): CellValue {
  switch (bound.kind) {
    case 'mark':
      return isMet(value) ? { type: 'text', text: bound.markText ?? DEFAULT_MARK } : { type: 'empty' };
    case 'number': {
      const n = typeof value === 'string' ? numberFromText(value) : value;
      if (n === null) return { type: 'empty' };
      const shown = bound.decimals === undefined ? n : roundHalfAwayFromZero(n, bound.decimals);
      return { type: 'number', value: percentCell ? Number((shown / 100).toPrecision(15)) : shown };
    }
    case 'text': {
      const text = value === null ? '' : String(value).normalize('NFC');
      return text.trim() === '' ? { type: 'empty' } : { type: 'text', text };
    }
  }
}

/** Whether the cell as the province wrote it already means `desired` (so it is left untouched). */
export function sameMeaning(bound: BoundCell, current: CellValue, desired: CellValue, percentCell = false): boolean {
  switch (bound.kind) {
    case 'mark':
      return markMet(current) === (desired.type !== 'empty');
    case 'number': {
      const n = percentagePoints(current, percentCell);
      if (desired.type !== 'number') return n === null;
      const wanted = percentCell ? desired.value * 100 : desired.value;
      // Compared as the form shows them (15 significant digits), so 0,9 × 100 reads as 90.
      const shown = (x: number) => roundHalfAwayFromZero(x, bound.decimals ?? 10);
      return n !== null && shown(n) === shown(wanted);
    }
    case 'text': {
      const text = cellText(current).normalize('NFC').trim();
      return desired.type === 'text' ? text === desired.text.trim() : text === '';
    }
  }
}

function isMet(value: TargetValue): boolean {
  if (value === null) return false;
  if (typeof value === 'number') return value !== 0;
  return MET_MARKS.has(value.normalize('NFC').trim().toLowerCase());
}

function markMet(cell: CellValue): boolean {
  if (cell.type === 'number') return cell.value === 1;
  if (cell.type === 'boolean') return cell.value;
  return cell.type === 'text' && MET_MARKS.has(cell.text.normalize('NFC').trim().toLowerCase());
}

/** The cell's number in the document's units: a percentage-formatted cell or a text "85%" means 85. */
function percentagePoints(cell: CellValue, percentCell: boolean): number | null {
  if (cell.type === 'number') return percentCell ? cell.value * 100 : cell.value;
  if (cell.type !== 'text') return null;
  const n = numberFromText(cell.text);
  return n !== null && cell.text.trim().endsWith('%') ? n * 100 : n;
}

function numberFromText(text: string): number | null {
  const parsed = parseNumber(text, 'vi');
  return parsed.kind === 'number' ? parsed.value : null;
}

function cellText(cell: CellValue): string {
  if (cell.type === 'text' || cell.type === 'error') return cell.text;
  if (cell.type === 'number') return String(cell.value);
  if (cell.type === 'boolean') return cell.value ? 'TRUE' : 'FALSE';
  return '';
}
