// One side of the criterion matrix packed for the wire: one character per commune × criterion cell
// ('1' met, '0' not met, '.' no mark) instead of an object per mark, so a 3,321 × 19 matrix travels as
// ~63 KB rather than megabytes of JSON.
import type { MarkKind, UnitStatus } from '../model';

export interface PackedSide {
  year: number;
  kind: MarkKind;
  cells: string;
  /** [cell index, year met] for the marks that carry a year. */
  metYears: [number, number][];
  statuses: UnitStatus[];
}
