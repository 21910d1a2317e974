// Figures compared the way the form shows them, and sums written the Vietnamese way (602 + 1.954 = 2.556).
import { formatAmount, roundHalfAwayFromZero } from '../format/vi';

/** Equal once both are rounded to the decimals the form shows. */
export function sameAtDecimals(a: number, b: number, decimals: number): boolean {
  return roundHalfAwayFromZero(a, decimals) === roundHalfAwayFromZero(b, decimals);
}

export function roundTo(value: number, decimals: number): number {
  return roundHalfAwayFromZero(value, decimals);
}

/** Terms beyond this many are summarised ("tổng 3.321 dòng") instead of listed. */
const MAX_TERMS = 6;

/** "602 + 1.954", "10 + (-3)", or "tổng 3.321 dòng" when there are too many to read. */
export function sumTerms(values: readonly number[], manyLabel: (count: string) => string): string {
  if (values.length > MAX_TERMS) return manyLabel(formatAmount(values.length));
  return values.map((v) => (v < 0 ? `(${formatAmount(v)})` : formatAmount(v))).join(' + ');
}

export function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
