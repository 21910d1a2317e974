import type Database from 'better-sqlite3';
import type { IndicatorSide } from '../../../shared/api/matrix';
import type { CriterionMark, MarkKind, MatrixSide, UnitStatus } from '../../../shared/model';

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
