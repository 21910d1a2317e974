// One side of the criterion matrix packed for the wire: one character per commune × criterion cell
// ('1' met, '0' not met, '.' no mark) instead of an object per mark, so a 3,321 × 19 matrix travels as
// ~63 KB rather than megabytes of JSON.
import type { MarkKind, MatrixSide, UnitStatus } from '../model';

export interface PackedSide {
  year: number;
  kind: MarkKind;
  cells: string;
  /** [cell index, year met] for the marks that carry a year. */
  metYears: [number, number][];
  statuses: UnitStatus[];
}

export function unpackSide(unitIds: readonly number[], criterionIds: readonly number[], packed: PackedSide): MatrixSide {
  const years = new Map(packed.metYears);
  const marks: MatrixSide['marks'] = [];
  const width = criterionIds.length;
  for (let index = 0; index < packed.cells.length; index++) {
    const cell = packed.cells[index];
    if (cell === '.') continue;
    marks.push({
      unitId: unitIds[Math.floor(index / width)] as number,
      criterionId: criterionIds[index % width] as number,
      year: packed.year,
      kind: packed.kind,
      met: cell === '1',
      metYear: years.get(index) ?? null,
    });
  }
  return { year: packed.year, kind: packed.kind, marks, statuses: packed.statuses };
}
