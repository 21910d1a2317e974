// The dashboard's chart data, computed from the same snapshot as the plan paragraphs.
import type Database from 'better-sqlite3';
import type { DashboardData } from '../../../shared/api/dashboard';
import type { Bucket } from '../../../shared/model';
import type { NarrativeSnapshot } from '../../../shared/narrative/snapshot';
import { topSourceFigures } from '../../../shared/narrative/source-lines';
import type { PlanSnapshot } from './snapshot';

export function dashboardData(db: Database.Database, { plan, snapshot }: PlanSnapshot): DashboardData {
  const actual = metPerCommune(snapshot, 'actual');
  const planned = metPerCommune(snapshot, 'planned');
  const count = (perCommune: Map<number, number>, b: Bucket) => [...perCommune.values()].filter((n) => inBucket(n, b)).length;
  return {
    plan: { id: plan.id, name: plan.name },
    year: snapshot.year,
    actualYear: snapshot.actual.year,
    communes: snapshot.communes.length,
    buckets: snapshot.buckets.map((b) => ({ label: b.label, actual: count(actual, b), planned: count(planned, b) })),
    criteria: snapshot.criteria.map((c) => ({
      no: c.no,
      name: c.name,
      actual: snapshot.actual.byCriterion.get(c.id)?.met ?? 0,
      planned: snapshot.planned.byCriterion.get(c.id)?.met ?? 0,
    })),
    progress: progressByYear(db, plan.criteriaSetId, snapshot),
    resources: topSourceFigures(snapshot.sources, snapshot.resources).map(({ line }) => ({
      sourceId: line.source.id,
      label: line.source.label,
      amount: line.amount ?? 0,
    })),
    investment: investmentByCommune(snapshot),
  };
}

export const inBucket = (count: number, b: Pick<Bucket, 'min' | 'max'>) => count >= b.min && count <= b.max;

/**
 * Criteria met by each commune on one side. The plan side may carry only the planned number of criteria
 * ("Kế hoạch năm (số tiêu chí đạt)") instead of marks; that number is used where no marks are recorded.
 */
export function metPerCommune(snapshot: NarrativeSnapshot, side: 'actual' | 'planned'): Map<number, number> {
  const communeIds = new Set(snapshot.communes.map((c) => c.id));
  const perCommune = new Map(snapshot[side].metByCommune);
  const statuses = side === 'planned' ? [...snapshot.actual.statuses, ...snapshot.planned.statuses] : snapshot.actual.statuses;
  for (const s of statuses) if (s.plannedCount !== null && side === 'planned' && communeIds.has(s.unitId) && !perCommune.has(s.unitId)) perCommune.set(s.unitId, s.plannedCount);
  return perCommune;
}

/** Communes meeting the standard and the average criteria per commune at 31/12 of every recorded year. */
function progressByYear(db: Database.Database, setId: string, snapshot: NarrativeSnapshot): DashboardData['progress'] {
  const rows = db
    .prepare(
      `SELECT year, unit_id, sum(met) FROM criterion_mark
       WHERE kind = 'actual' AND criterion_id IN (SELECT id FROM criterion WHERE set_id = ?) GROUP BY year, unit_id ORDER BY year`,
    )
    .raw(true)
    .all(setId) as [number, number, number][];
  const communeIds = new Set(snapshot.communes.map((c) => c.id));
  const total = snapshot.criteria.length;
  const byYear = new Map<number, { communes: number; met: number; fullyMet: number }>();
  for (const [year, unitId, met] of rows) {
    if (!communeIds.has(unitId)) continue;
    const y = byYear.get(year) ?? { communes: 0, met: 0, fullyMet: 0 };
    y.communes++;
    y.met += met;
    if (met === total && total > 0) y.fullyMet++;
    byYear.set(year, y);
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
