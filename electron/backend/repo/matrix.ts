import type Database from 'better-sqlite3';
import type { IndicatorSide, PackedSide } from '../../../shared/api/matrix';
import type { CriteriaSet, CriterionMark, MarkKind, MatrixSide, Plan, Unit, UnitStatus } from '../../../shared/model';
import { getCriteriaSet } from './criteria';
import { getPlan } from './plans';
import { getUnit, listUnits } from './units';

interface MarkRow {
  unit_id: number;
  criterion_id: number;
  year: number;
  kind: MarkKind;
  met: number;
  met_year: number | null;
}
interface StatusRow {
  unit_id: number;
  year: number;
  kind: MarkKind;
  level: UnitStatus['level'];
  recognised_year: number | null;
  planned_count: number | null;
  note: string;
}

/** The plan, its criteria set and the communes its matrix covers: a commune plan its own commune, a district plan every current commune. */
export function matrixScope(db: Database.Database, planId: number): { plan: Plan; set: CriteriaSet; communes: Unit[] } {
  const plan = getPlan(db, planId);
  const set = getCriteriaSet(db, plan.criteriaSetId);
  const communes = plan.level === 'commune' && plan.unitId !== null ? [getUnit(db, plan.unitId)] : listUnits(db, 'commune');
  return { plan, set, communes };
}

/** Marks and statuses of one side of the matrix (status at 31/12 of a year, or the plan for a year). */
export function loadMatrixSide(db: Database.Database, setId: string, year: number, kind: MarkKind): MatrixSide {
  const marks = db
    .prepare(
      `SELECT m.* FROM criterion_mark m JOIN criterion c ON c.id = m.criterion_id
       WHERE c.set_id = ? AND m.year = ? AND m.kind = ?`,
    )
    .all(setId, year, kind) as MarkRow[];
  return {
    year,
    kind,
    marks: marks.map(
      (m): CriterionMark => ({ unitId: m.unit_id, criterionId: m.criterion_id, year: m.year, kind: m.kind, met: m.met === 1, metYear: m.met_year }),
    ),
    statuses: loadStatuses(db, year, kind),
  };
}

const KEY = 2 ** 32;

/**
 * Visits the rows of one (year, kind) of a commune × column table at their index in the dense grid of
 * `unitIds` × `columnIds` (row-major), with `valueSql` evaluated on the row; rows outside the grid are
 * skipped. The keys and the values come as two plucked columns in primary-key order rather than one row
 * object each: at 3,321 communes × 57 indicators that is ~60 ms instead of ~300 ms.
 */
function forEachGridCell(
  db: Database.Database,
  table: 'criterion_mark' | 'indicator_value',
  column: 'criterion_id' | 'indicator_id',
  valueSql: string,
  slice: { year: number; kind: MarkKind },
  unitIds: readonly number[],
  columnIds: readonly number[],
  visit: (index: number, value: unknown) => void,
): void {
  const where = `FROM ${table} WHERE year = ? AND kind = ? ORDER BY unit_id, ${column}`;
  const keys = db.prepare(`SELECT unit_id * ${KEY} + ${column} ${where}`).pluck().all(slice.year, slice.kind) as number[];
  const values = db.prepare(`SELECT ${valueSql} ${where}`).pluck().all(slice.year, slice.kind);
  const rowOf = new Map(unitIds.map((id, i) => [id, i]));
  const colOf = new Map(columnIds.map((id, j) => [id, j]));
  const width = columnIds.length;
  keys.forEach((key, n) => {
    const i = rowOf.get(Math.floor(key / KEY));
    const j = colOf.get(key % KEY);
    if (i !== undefined && j !== undefined) visit(i * width + j, values[n]);
  });
}

/** One side of the criterion matrix packed for the wire (PackedSide in shared/api/matrix.ts), straight from SQL. */
export function loadPackedMatrixSide(db: Database.Database, year: number, kind: MarkKind, unitIds: readonly number[], criterionIds: readonly number[]): PackedSide {
  const cells = new Array<string>(unitIds.length * criterionIds.length).fill('.');
  const metYears: [number, number][] = [];
  forEachGridCell(db, 'criterion_mark', 'criterion_id', 'ifnull(met_year, 0) * 2 + met', { year, kind }, unitIds, criterionIds, (index, value) => {
    const packed = value as number;
    cells[index] = packed % 2 === 1 ? '1' : '0';
    if (packed >= 2) metYears.push([index, Math.floor(packed / 2)]);
  });
  const units = new Set(unitIds);
  return { year, kind, cells: cells.join(''), metYears, statuses: loadStatuses(db, year, kind).filter((s) => units.has(s.unitId)) };
}

/**
 * Indicator values of one side, commune by commune in the order of `indicatorIds`; null where none is
 * stored, and the trailing nulls left out (a plan side not started yet travels as an empty array).
 */
export function loadIndicatorGrid(db: Database.Database, year: number, kind: MarkKind, unitIds: readonly number[], indicatorIds: readonly number[]): (number | null)[] {
  const values = new Array<number | null>(unitIds.length * indicatorIds.length).fill(null);
  let end = 0;
  forEachGridCell(db, 'indicator_value', 'indicator_id', 'value', { year, kind }, unitIds, indicatorIds, (index, value) => {
    values[index] = value as number | null;
    if (value !== null) end = Math.max(end, index + 1);
  });
  values.length = end;
  return values;
}

/** Recognition level, year, planned count and note of every unit (communes and villages) for one year and kind. */
export function loadStatuses(db: Database.Database, year: number, kind: MarkKind): UnitStatus[] {
  const rows = db.prepare('SELECT * FROM unit_status WHERE year = ? AND kind = ?').all(year, kind) as StatusRow[];
  return rows.map(
    (s): UnitStatus => ({
      unitId: s.unit_id,
      year: s.year,
      kind: s.kind,
      level: s.level,
      recognisedYear: s.recognised_year,
      plannedCount: s.planned_count,
      note: s.note,
    }),
  );
}

/** Every (criteria set, year, kind) with marks on communes. */
export function matrixSlices(db: Database.Database): { setId: string; year: number; kind: MarkKind }[] {
  return db
    .prepare(
      `SELECT DISTINCT c.set_id AS setId, m.year AS year, m.kind AS kind
       FROM criterion_mark m JOIN criterion c ON c.id = m.criterion_id JOIN unit u ON u.id = m.unit_id
       WHERE u.kind = 'commune' ORDER BY m.year, m.kind, c.set_id`,
    )
    .all() as { setId: string; year: number; kind: MarkKind }[];
}

interface IndicatorValueRow {
  unit_id: number;
  indicator_id: number;
  year: number;
  kind: MarkKind;
  value: number | null;
  text: string | null;
}

/** Indicator values of one side of the matrix, for the indicators of one criteria set. */
export function loadIndicatorSide(db: Database.Database, setId: string, year: number, kind: MarkKind): IndicatorSide {
  const rows = db
    .prepare(
      `SELECT v.* FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id JOIN criterion c ON c.id = i.criterion_id
       WHERE c.set_id = ? AND v.year = ? AND v.kind = ?`,
    )
    .all(setId, year, kind) as IndicatorValueRow[];
  return {
    year,
    kind,
    values: rows.map((r) => ({ unitId: r.unit_id, indicatorId: r.indicator_id, year: r.year, kind: r.kind, value: r.value, text: r.text })),
  };
}
