// The communes behind a clicked bar: a bucket of "criteria met", or a criterion, on one side of the matrix.
import type Database from 'better-sqlite3';
import { AppError } from '../errors';
import { inBucket, metPerCommune } from './charts';
import { loadSnapshot, sideCondition } from './snapshot';

export interface BarSelection {
  planId: number;
  year?: number | undefined;
  side: 'actual' | 'planned';
  bucket?: string | undefined;
  criterionNo?: number | undefined;
}

export function barUnits(db: Database.Database, selection: BarSelection): { id: number; name: string }[] {
  const { plan, snapshot } = loadSnapshot(db, selection.planId, selection.year);
  let ids: Set<number>;
  if (selection.bucket !== undefined) {
    const bucket = snapshot.buckets.find((b) => b.label === selection.bucket);
    if (!bucket) throw new AppError('error.notFound', { what: `nhóm ${selection.bucket}` });
    ids = new Set([...metPerCommune(snapshot, selection.side)].filter(([, n]) => inBucket(n, bucket)).map(([id]) => id));
  } else if (selection.criterionNo !== undefined) {
    const criterion = snapshot.criteria.find((c) => c.no === selection.criterionNo);
    if (!criterion) throw new AppError('error.notFound', { what: `tiêu chí số ${selection.criterionNo}` });
    const side = selection.side === 'actual' ? snapshot.actual : snapshot.planned;
    const where = sideCondition(plan.criteriaSetId, side.year, selection.side === 'actual' ? 'actual' : 'plan');
    const marked = db.prepare(`SELECT m.unit_id FROM criterion_mark m WHERE ${where.sql} AND m.criterion_id = ? AND m.met = 1`).pluck().all(...where.params, criterion.id) as number[];
    ids = new Set(marked);
    // The planned side also counts communes that plan every criterion without marks (see withFullPlans).
    if (selection.side === 'planned') for (const id of snapshot.communes.filter((c) => snapshot.planned.metByCommune.get(c.id) === snapshot.criteria.length).map((c) => c.id)) ids.add(id);
  } else {
    throw new AppError('error.badRequest', { detail: 'bucket or criterionNo' });
  }
  return snapshot.communes.filter((c) => ids.has(c.id)).map((c) => ({ id: c.id, name: c.name }));
}
