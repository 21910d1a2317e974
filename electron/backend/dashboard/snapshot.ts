// Loads what the dashboard and the plan paragraphs are computed from: one plan, one year.
import type Database from 'better-sqlite3';
import type { NarrativeSnapshot, SnapshotProject, SnapshotResource, SnapshotSide, SnapshotSource, SnapshotUnit } from '../../../shared/narrative/snapshot';
import type { MarkKind, Plan, RecognitionLevel } from '../../../shared/model';
import { AppError } from '../errors';
import { getCriteriaSet } from '../repo/criteria';
import { loadStatuses } from '../repo/matrix';
import { getPlan, listPlans } from '../repo/plans';
import { getUnit, listUnits } from '../repo/units';

export interface PlanSnapshot {
  plan: Plan;
  snapshot: NarrativeSnapshot;
}

/** The plan asked for, or the one covering `year`, or the latest; the year defaults to the plan's first. */
export function resolvePlanYear(db: Database.Database, planId?: number, year?: number): { plan: Plan; year: number } {
  if (planId !== undefined) {
    const plan = getPlan(db, planId);
    return { plan, year: year ?? plan.yearStart };
  }
  const plans = listPlans(db);
  const plan = (year !== undefined ? plans.find((p) => p.yearStart <= year && year <= p.yearEnd) : undefined) ?? plans[0];
  if (!plan) throw new AppError('dashboard.noPlan');
  return { plan, year: year ?? plan.yearStart };
}

export function loadSnapshot(db: Database.Database, planId?: number, year?: number): PlanSnapshot {
  const resolved = resolvePlanYear(db, planId, year);
  const { plan } = resolved;
  const set = getCriteriaSet(db, plan.criteriaSetId);
  // A commune plan covers its own commune; a district plan every current commune (as matrix.get does).
  const communes = plan.level === 'commune' && plan.unitId !== null ? [getUnit(db, plan.unitId)] : listUnits(db, 'commune');
  const communeIds = new Set(communes.map((c) => c.id));
  const villages = listUnits(db, 'village').filter((v) => v.parentId !== null && communeIds.has(v.parentId));
  const toUnit = (u: { id: number; name: string; parentId: number | null }): SnapshotUnit => ({ id: u.id, name: u.name, parentId: u.parentId });
  return {
    plan,
    snapshot: {
      year: resolved.year,
      criteria: set.criteria.map((c) => ({ id: c.id, no: c.no, name: c.name })),
      buckets: set.buckets,
      communes: communes.map(toUnit),
      villages: villages.map(toUnit),
      actual: side(db, set.id, communeIds, resolved.year - 1, 'actual'),
      planned: withFullPlans(side(db, set.id, communeIds, resolved.year, 'plan'), set.criteria, communeIds),
      recognition: db
        .prepare('SELECT unit_id AS unitId, level FROM recognition_target WHERE plan_id = ? AND year = ?')
        .all(plan.id, resolved.year) as { unitId: number; level: RecognitionLevel }[],
      sources: db.prepare('SELECT id, parent_id AS parentId, code, label, role, ord FROM capital_source ORDER BY ord, id').all() as SnapshotSource[],
      resources: db
        .prepare('SELECT source_id AS sourceId, amount, investment, typed_total AS typedTotal, note FROM resource_amount WHERE plan_id = ? AND year = ?')
        .all(plan.id, resolved.year) as SnapshotResource[],
      projects: db
        .prepare('SELECT source_id AS sourceId, phase, plan_amount AS planAmount, unit_id AS unitId FROM project WHERE plan_id = ? AND year = ? ORDER BY ord, id')
        .all(plan.id, resolved.year) as SnapshotProject[],
    },
  };
}

/** Marks of one side of the matrix for one criteria set, for `WHERE` (alias `m`). */
export function sideCondition(setId: string, year: number, kind: MarkKind): { sql: string; params: (number | string)[] } {
  return { sql: 'm.year = ? AND m.kind = ? AND m.criterion_id IN (SELECT id FROM criterion WHERE set_id = ?)', params: [year, kind, setId] };
}

/**
 * A district side holds some 60,000 marks: they are counted in SQL, never carried into JavaScript. Counting
 * over the whole side and then taking out the few units outside the plan (merged communes, another
 * commune's plan) is much cheaper than testing every mark against the plan's list of communes.
 */
function side(db: Database.Database, setId: string, communeIds: ReadonlySet<number>, year: number, kind: MarkKind): SnapshotSide {
  const where = sideCondition(setId, year, kind);
  const byUnit = db.prepare(`SELECT m.unit_id, sum(m.met) FROM criterion_mark m WHERE ${where.sql} GROUP BY m.unit_id`).raw(true).all(...where.params) as [number, number][];
  const inPlan = byUnit.filter(([id]) => communeIds.has(id)).map(([id]) => id);
  const outside = byUnit.filter(([id]) => !communeIds.has(id)).map(([id]) => id);
  const perCriterion = (units: number[] | null, metOnly = false): Map<number, number> => {
    if (units?.length === 0) return new Map();
    const only = units ? ' AND m.unit_id IN (SELECT value FROM json_each(?))' : '';
    const sql = `SELECT m.criterion_id, ${metOnly ? 'count(*)' : 'sum(m.met)'} FROM criterion_mark m WHERE ${where.sql}${metOnly ? ' AND m.met = 1' : ''}${only} GROUP BY m.criterion_id`;
    return new Map(db.prepare(sql).raw(true).all(...where.params, ...(units ? [JSON.stringify(units)] : [])) as [number, number][]);
  };
  let met: Map<number, number>;
  if (outside.length <= inPlan.length) {
    met = perCriterion(null);
    for (const [id, n] of perCriterion(outside)) met.set(id, (met.get(id) ?? 0) - n);
  } else {
    met = perCriterion(inPlan);
  }
  const statuses = loadStatuses(db, year, kind);
  const advanced = perCriterion(statuses.filter((s) => communeIds.has(s.unitId) && (s.level === 'nang_cao' || s.level === 'kieu_mau')).map((s) => s.unitId), true);
  return {
    year,
    metByCommune: new Map(byUnit.filter(([id]) => communeIds.has(id))),
    byCriterion: new Map([...met].map(([id, n]) => [id, { met: n, advanced: advanced.get(id) ?? 0 }])),
    statuses: statuses.map((s) => ({ unitId: s.unitId, level: s.level, recognisedYear: s.recognisedYear, plannedCount: s.plannedCount })),
  };
}

/**
 * The plan side of Biểu 01 often holds only "Kế hoạch năm (số tiêu chí đạt)". A commune planning every
 * criterion plans to meet each of them, so it counts for each; a partial number does not say which.
 */
function withFullPlans(side: SnapshotSide, criteria: readonly { id: number }[], communeIds: ReadonlySet<number>): SnapshotSide {
  const full = new Set(
    side.statuses
      .filter((s) => criteria.length > 0 && s.plannedCount === criteria.length && communeIds.has(s.unitId) && !side.metByCommune.has(s.unitId))
      .map((s) => s.unitId),
  );
  if (full.size === 0) return side;
  const advanced = side.statuses.filter((s) => full.has(s.unitId) && (s.level === 'nang_cao' || s.level === 'kieu_mau')).length;
  const byCriterion = new Map(side.byCriterion);
  for (const c of criteria) {
    const before = byCriterion.get(c.id) ?? { met: 0, advanced: 0 };
    byCriterion.set(c.id, { met: before.met + full.size, advanced: before.advanced + advanced });
  }
  const metByCommune = new Map(side.metByCommune);
  for (const id of full) metByCommune.set(id, criteria.length);
  return { ...side, metByCommune, byCriterion };
}
