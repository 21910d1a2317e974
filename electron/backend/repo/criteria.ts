import type Database from 'better-sqlite3';
import type { Bucket, CriteriaSet, Indicator, IndicatorKind } from '../../../shared/model';
import { AppError } from '../errors';

interface SetRow {
  id: string;
  name: string;
  period_start: number;
  period_end: number;
  level: CriteriaSet['level'];
  catalog_version: number;
  buckets: string;
}
interface IndicatorRow {
  id: number;
  criterion_id: number;
  code: string;
  name: string;
  unit: string;
  kind: IndicatorKind;
  threshold: string | null;
  unconfirmed: number;
  ord: number;
}

const toIndicator = (r: IndicatorRow): Indicator => ({
  id: r.id,
  criterionId: r.criterion_id,
  code: r.code,
  name: r.name,
  unit: r.unit,
  kind: r.kind,
  threshold: r.threshold,
  unconfirmed: r.unconfirmed === 1,
  ord: r.ord,
});

export function listCriteriaSets(db: Database.Database): CriteriaSet[] {
  const sets = db.prepare('SELECT * FROM criteria_set ORDER BY period_start, id').all() as SetRow[];
  return sets.map((s) => buildSet(db, s));
}

export function getCriteriaSet(db: Database.Database, id: string): CriteriaSet {
  const row = db.prepare('SELECT * FROM criteria_set WHERE id = ?').get(id) as SetRow | undefined;
  if (!row) throw new AppError('error.notFound', { what: `bộ tiêu chí ${id}` });
  return buildSet(db, row);
}

function buildSet(db: Database.Database, s: SetRow): CriteriaSet {
  const groups = db.prepare('SELECT code, name FROM criteria_group WHERE set_id = ? ORDER BY ord').all(s.id) as { code: string; name: string }[];
  const criteria = db.prepare('SELECT id, no, code, name, group_code FROM criterion WHERE set_id = ? ORDER BY no').all(s.id) as {
    id: number;
    no: number;
    code: string;
    name: string;
    group_code: string;
  }[];
  const indicators = db
    .prepare('SELECT i.* FROM indicator i JOIN criterion c ON c.id = i.criterion_id WHERE c.set_id = ? ORDER BY i.ord, i.id')
    .all(s.id) as IndicatorRow[];
  return {
    id: s.id,
    name: s.name,
    period: `${s.period_start}-${s.period_end}`,
    periodStart: s.period_start,
    periodEnd: s.period_end,
    level: s.level,
    catalogVersion: s.catalog_version,
    groups,
    buckets: JSON.parse(s.buckets) as Bucket[],
    criteria: criteria.map((c) => ({
      id: c.id,
      setId: s.id,
      no: c.no,
      code: c.code,
      name: c.name,
      groupCode: c.group_code,
      indicators: indicators.filter((i) => i.criterion_id === c.id).map(toIndicator),
    })),
  };
}

export interface IndicatorInput {
  id?: number | undefined;
  criterionId: number;
  code: string;
  name: string;
  unit: string;
  kind: IndicatorKind;
  threshold: string | null;
}

/** Offices refine the indicator lists (Lai Châu uses 57): add or edit one. Edited entries are confirmed by the office. */
export function saveIndicator(db: Database.Database, input: IndicatorInput): Indicator {
  const criterion = db.prepare('SELECT id FROM criterion WHERE id = ?').get(input.criterionId);
  if (!criterion) throw new AppError('error.notFound', { what: `tiêu chí #${input.criterionId}` });
  let id = input.id;
  if (id === undefined) {
    const { next } = db.prepare('SELECT coalesce(max(ord), -1) + 1 AS next FROM indicator WHERE criterion_id = ?').get(input.criterionId) as { next: number };
    id = Number(
      db
        .prepare('INSERT INTO indicator (criterion_id, code, name, unit, kind, threshold, unconfirmed, ord) VALUES (?, ?, ?, ?, ?, ?, 0, ?)')
        .run(input.criterionId, input.code, input.name, input.unit, input.kind, input.threshold, next).lastInsertRowid,
    );
  } else {
    const changed = db
      .prepare('UPDATE indicator SET criterion_id = ?, code = ?, name = ?, unit = ?, kind = ?, threshold = ?, unconfirmed = 0 WHERE id = ?')
      .run(input.criterionId, input.code, input.name, input.unit, input.kind, input.threshold, id).changes;
    if (changed === 0) throw new AppError('error.notFound', { what: `chỉ tiêu #${id}` });
  }
  return toIndicator(db.prepare('SELECT * FROM indicator WHERE id = ?').get(id) as IndicatorRow);
}

export function deleteIndicator(db: Database.Database, id: number): void {
  const changed = db.prepare('DELETE FROM indicator WHERE id = ?').run(id).changes;
  if (changed === 0) throw new AppError('error.notFound', { what: `chỉ tiêu #${id}` });
}
