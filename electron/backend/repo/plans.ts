import type Database from 'better-sqlite3';
import type { Plan } from '../../../shared/model';
import { AppError } from '../errors';
import { getCriteriaSet } from './criteria';

interface PlanRow {
  id: number;
  name: string;
  level: Plan['level'];
  unit_id: number | null;
  year_start: number;
  year_end: number;
  criteria_set_id: string;
  issuer: string;
  doc_number: string;
  doc_date: string | null;
  signer: string;
  signer_title: string;
}

const toPlan = (r: PlanRow): Plan => ({
  id: r.id,
  name: r.name,
  level: r.level,
  unitId: r.unit_id,
  yearStart: r.year_start,
  yearEnd: r.year_end,
  criteriaSetId: r.criteria_set_id,
  issuer: r.issuer,
  docNumber: r.doc_number,
  docDate: r.doc_date,
  signer: r.signer,
  signerTitle: r.signer_title,
});

export type PlanInput = Omit<Plan, 'id'>;

export function listPlans(db: Database.Database): Plan[] {
  return (db.prepare('SELECT * FROM plan ORDER BY year_start DESC, id DESC').all() as PlanRow[]).map(toPlan);
}

export function getPlan(db: Database.Database, id: number): Plan {
  const row = db.prepare('SELECT * FROM plan WHERE id = ?').get(id) as PlanRow | undefined;
  if (!row) throw new AppError('error.notFound', { what: `kế hoạch #${id}` });
  return toPlan(row);
}

export function createPlan(db: Database.Database, input: PlanInput): Plan {
  validate(db, input);
  const id = db
    .prepare(
      `INSERT INTO plan (name, level, unit_id, year_start, year_end, criteria_set_id, issuer, doc_number, doc_date, signer, signer_title)
       VALUES (@name, @level, @unitId, @yearStart, @yearEnd, @criteriaSetId, @issuer, @docNumber, @docDate, @signer, @signerTitle)`,
    )
    .run(input).lastInsertRowid;
  return getPlan(db, Number(id));
}

export function updatePlan(db: Database.Database, id: number, patch: Partial<PlanInput>): Plan {
  const next = { ...getPlan(db, id), ...stripUndefined(patch) };
  validate(db, next);
  db.prepare(
    `UPDATE plan SET name = @name, level = @level, unit_id = @unitId, year_start = @yearStart, year_end = @yearEnd,
       criteria_set_id = @criteriaSetId, issuer = @issuer, doc_number = @docNumber, doc_date = @docDate,
       signer = @signer, signer_title = @signerTitle WHERE id = @id`,
  ).run({ ...next, id });
  return getPlan(db, id);
}

export function deletePlan(db: Database.Database, id: number): void {
  getPlan(db, id);
  db.prepare('DELETE FROM plan WHERE id = ?').run(id);
}

function validate(db: Database.Database, plan: PlanInput): void {
  if (plan.yearEnd < plan.yearStart) throw new AppError('error.planYears');
  getCriteriaSet(db, plan.criteriaSetId);
  if (plan.unitId !== null && !db.prepare('SELECT 1 FROM unit WHERE id = ?').get(plan.unitId)) {
    throw new AppError('error.notFound', { what: `đơn vị #${plan.unitId}` });
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
