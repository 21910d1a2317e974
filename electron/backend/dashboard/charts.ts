// The dashboard's chart data, computed from the same snapshot as the plan paragraphs.
import type Database from 'better-sqlite3';
import type { DashboardData } from '../../../shared/api/dashboard';
import { matrixFigures } from '../../../shared/domain/matrix';
import type { NarrativeSnapshot, SnapshotSide } from '../../../shared/narrative/snapshot';
import { topSourceFigures } from '../../../shared/narrative/source-lines';
import { findingsByTable } from './findings';
import type { PlanSnapshot } from './snapshot';

export function dashboardData(db: Database.Database, { plan, snapshot }: PlanSnapshot): DashboardData {
  const actual = metPerCommune(snapshot, snapshot.actual);
  const planned = metPerCommune(snapshot, snapshot.planned);
  return {
    plan: { id: plan.id, name: plan.name },
    year: snapshot.year,
    actualYear: snapshot.actual.year,
    communes: snapshot.communes.map((c) => ({ id: c.id, name: c.name })),
    buckets: snapshot.buckets.map((b) => ({
      label: b.label,
      actual: bar(snapshot, (id) => inBucket(actual.get(id), b)),
      planned: bar(snapshot, (id) => inBucket(planned.get(id), b)),
    })),
    criteria: criterionBars(snapshot),
    progress: progressByYear(db, plan.criteriaSetId, snapshot),
    resources: topSourceFigures(snapshot.sources, snapshot.resources).map(({ line }) => ({
      sourceId: line.source.id,
      label: line.source.label,
      amount: line.amount ?? 0,
    })),
    investment: investmentByCommune(snapshot),
    findings: findingsByTable(db, plan.id),
  };
}

const inBucket = (count: number | undefined, b: { min: number; max: number }) => count !== undefined && count >= b.min && count <= b.max;

function bar(snapshot: NarrativeSnapshot, matches: (unitId: number) => boolean): { count: number; unitIds: number[] } {
  const unitIds = snapshot.communes.filter((c) => matches(c.id)).map((c) => c.id);
  return { count: unitIds.length, unitIds };
}

/**
 * Criteria met by each commune on one side. The plan side may carry only the planned number of criteria
 * ("Kế hoạch năm (số tiêu chí đạt)") instead of marks; that number is used where no marks are recorded.
 */
function metPerCommune(snapshot: NarrativeSnapshot, side: SnapshotSide): Map<number, number> {
  const communeIds = new Set(snapshot.communes.map((c) => c.id));
  const perCommune = new Map(matrixFigures(snapshot.criteria, side.marks.filter((m) => communeIds.has(m.unitId))).perCommune);
  const statuses = side === snapshot.planned ? [...snapshot.actual.statuses, ...side.statuses] : side.statuses;
  for (const s of statuses) if (s.plannedCount !== null && communeIds.has(s.unitId) && !perCommune.has(s.unitId)) perCommune.set(s.unitId, s.plannedCount);
  return perCommune;
}

function criterionBars(snapshot: NarrativeSnapshot): DashboardData['criteria'] {
  const meeting = (side: SnapshotSide) => {
    const byCriterion = new Map<number, Set<number>>();
    for (const m of side.marks) {
      if (!m.met) continue;
      const set = byCriterion.get(m.criterionId) ?? new Set<number>();
      set.add(m.unitId);
      byCriterion.set(m.criterionId, set);
    }
    return byCriterion;
  };
  const actual = meeting(snapshot.actual);
  const planned = meeting(snapshot.planned);
  return snapshot.criteria.map((c) => ({
    no: c.no,
    name: c.name,
    actual: bar(snapshot, (id) => actual.get(c.id)?.has(id) ?? false),
    planned: bar(snapshot, (id) => planned.get(c.id)?.has(id) ?? false),
  }));
}

/** Communes meeting the standard and the average criteria per commune at 31/12 of every recorded year. */
function progressByYear(db: Database.Database, setId: string, snapshot: NarrativeSnapshot): DashboardData['progress'] {
  const rows = db
    .prepare(
      `SELECT m.year AS year, m.unit_id AS unitId, sum(m.met) AS met FROM criterion_mark m JOIN criterion c ON c.id = m.criterion_id
       WHERE c.set_id = ? AND m.kind = 'actual' GROUP BY m.year, m.unit_id ORDER BY m.year`,
    )
    .all(setId) as { year: number; unitId: number; met: number }[];
  const communeIds = new Set(snapshot.communes.map((c) => c.id));
  const total = snapshot.criteria.length;
  const byYear = new Map<number, { communes: number; met: number; fullyMet: number }>();
  for (const r of rows) {
    if (!communeIds.has(r.unitId)) continue;
    const y = byYear.get(r.year) ?? { communes: 0, met: 0, fullyMet: 0 };
    y.communes++;
    y.met += r.met;
    if (r.met === total && total > 0) y.fullyMet++;
    byYear.set(r.year, y);
  }
  return [...byYear.entries()].map(([year, y]) => ({ year, fullyMet: y.fullyMet, average: Math.round((y.met / y.communes) * 10) / 10 }));
}

function investmentByCommune(snapshot: NarrativeSnapshot): DashboardData['investment'] {
  const byUnit = new Map<number, { amount: number; projects: number }>();
  for (const p of snapshot.projects) {
    if (p.unitId === null) continue;
    const entry = byUnit.get(p.unitId) ?? { amount: 0, projects: 0 };
    entry.amount += p.planAmount ?? 0;
    entry.projects++;
    byUnit.set(p.unitId, entry);
  }
  return snapshot.communes.flatMap((c) => {
    const entry = byUnit.get(c.id);
    return entry ? [{ unitId: c.id, name: c.name, ...entry }] : [];
  });
}
