// Reading the funding tables of a plan. Writes go through applyChanges (see ./editable-tables.ts).
import type Database from 'better-sqlite3';
import type {
  AllocationCell,
  ModelSite,
  Project,
  RecognitionTarget,
  RecurrentCell,
  RecurrentContent,
  ResourceEntry,
  TargetIndicator,
} from '../../../shared/api/funding';
import type { Plan, Unit } from '../../../shared/model';
import { AppError } from '../errors';
import { getPlan } from '../repo/plans';
import { getUnit, listUnits } from '../repo/units';

export interface PlanScope {
  plan: Plan;
  year: number;
  years: number[];
}

/** The plan and the year shown: the one asked for, or the plan's first year. */
export function planScope(db: Database.Database, planId: number, year?: number): PlanScope {
  const plan = getPlan(db, planId);
  const years = Array.from({ length: plan.yearEnd - plan.yearStart + 1 }, (_, i) => plan.yearStart + i);
  const shown = year ?? plan.yearStart;
  if (!years.includes(shown)) throw new AppError('funding.yearOutsidePlan', { year: shown, start: plan.yearStart, end: plan.yearEnd });
  return { plan, year: shown, years };
}

/** A commune plan covers its own commune; a district plan every current commune. */
export function planCommunes(db: Database.Database, plan: Plan): Unit[] {
  return plan.level === 'commune' && plan.unitId !== null ? [getUnit(db, plan.unitId)] : listUnits(db, 'commune');
}

export function planVillages(db: Database.Database, communes: readonly Unit[]): Unit[] {
  const ids = new Set(communes.map((c) => c.id));
  return listUnits(db, 'village').filter((v) => v.parentId !== null && ids.has(v.parentId));
}

export function loadResourceEntries(db: Database.Database, planId: number, year: number): ResourceEntry[] {
  const rows = db
    .prepare('SELECT source_id, amount, investment, typed_total, note FROM resource_amount WHERE plan_id = ? AND year = ?')
    .all(planId, year) as { source_id: number; amount: number | null; investment: number | null; typed_total: number | null; note: string }[];
  return rows.map((r) => ({ sourceId: r.source_id, amount: r.amount, investment: r.investment, typedTotal: r.typed_total, note: r.note }));
}

interface ProjectRow {
  id: number;
  plan_id: number;
  year: number;
  source_id: number;
  phase: Project['phase'];
  name: string;
  unit_id: number | null;
  period: string;
  total_investment: number | null;
  allocated_before: number | null;
  plan_amount: number | null;
  note: string;
  ord: number;
}

export function loadProjects(db: Database.Database, planId: number, year: number): Project[] {
  const rows = db.prepare('SELECT * FROM project WHERE plan_id = ? AND year = ? ORDER BY ord, id').all(planId, year) as ProjectRow[];
  return rows.map((r) => ({
    id: r.id,
    planId: r.plan_id,
    year: r.year,
    sourceId: r.source_id,
    phase: r.phase,
    name: r.name,
    unitId: r.unit_id,
    period: r.period,
    totalInvestment: r.total_investment,
    allocatedBefore: r.allocated_before,
    planAmount: r.plan_amount,
    note: r.note,
    ord: r.ord,
  }));
}

export function loadAllocation(db: Database.Database, planId: number, year: number): AllocationCell[] {
  const rows = db
    .prepare('SELECT source_id, unit_id, amount FROM allocation WHERE plan_id = ? AND year = ? AND amount IS NOT NULL')
    .all(planId, year) as { source_id: number; unit_id: number; amount: number }[];
  return rows.map((r) => ({ sourceId: r.source_id, unitId: r.unit_id, amount: r.amount }));
}

export function loadRecurrentContents(db: Database.Database, planId: number): RecurrentContent[] {
  const rows = db.prepare('SELECT * FROM recurrent_content WHERE plan_id = ? ORDER BY ord, id').all(planId) as {
    id: number;
    parent_id: number | null;
    code: string;
    label: string;
    ord: number;
  }[];
  return rows.map((r) => ({ id: r.id, parentId: r.parent_id, code: r.code, label: r.label, ord: r.ord }));
}

export function loadRecurrentCells(db: Database.Database, planId: number): RecurrentCell[] {
  const rows = db
    .prepare(
      `SELECT a.content_id, a.unit_id, a.amount FROM recurrent_amount a JOIN recurrent_content c ON c.id = a.content_id
       WHERE c.plan_id = ? AND a.amount IS NOT NULL`,
    )
    .all(planId) as { content_id: number; unit_id: number; amount: number }[];
  return rows.map((r) => ({ contentId: r.content_id, unitId: r.unit_id, amount: r.amount }));
}

export function loadTargetIndicators(db: Database.Database, planId: number): TargetIndicator[] {
  const rows = db.prepare('SELECT * FROM target_indicator WHERE plan_id = ? ORDER BY ord, id').all(planId) as {
    id: number;
    unit_id: number | null;
    code: string;
    label: string;
    unit: string;
    value_prev: number | null;
    target: number | null;
    ord: number;
  }[];
  return rows.map((r) => ({ id: r.id, unitId: r.unit_id, code: r.code, label: r.label, unit: r.unit, valuePrev: r.value_prev, target: r.target, ord: r.ord }));
}

export function loadRecognitionTargets(db: Database.Database, planId: number): RecognitionTarget[] {
  const rows = db.prepare('SELECT unit_id, year, level FROM recognition_target WHERE plan_id = ? ORDER BY year, unit_id').all(planId) as {
    unit_id: number;
    year: number;
    level: RecognitionTarget['level'];
  }[];
  return rows.map((r) => ({ unitId: r.unit_id, year: r.year, level: r.level }));
}

export function loadModelSites(db: Database.Database, planId: number): ModelSite[] {
  const rows = db.prepare('SELECT * FROM model_site WHERE plan_id = ? ORDER BY ord, id').all(planId) as {
    id: number;
    unit_id: number | null;
    scope: ModelSite['scope'];
    content: string;
    ord: number;
  }[];
  return rows.map((r) => ({ id: r.id, unitId: r.unit_id, scope: r.scope, content: r.content, ord: r.ord }));
}
