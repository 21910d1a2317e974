// The plan a resources or project form belongs to: the plan covering the form's year (a district plan
// first), or a new one-year plan created by the same import.
import type Database from 'better-sqlite3';
import type { Change } from '../../../shared/api/edits';
import { AppError } from '../errors';
import type { BatchContext } from './batch-context';
import { titleYears } from './cell-values';
import type { Recognised } from './recognise';

export interface ResolvedPlan {
  id: number;
  name: string;
  created: boolean;
}

export class PlanResolver {
  private readonly createdByYear = new Map<number, ResolvedPlan>();
  private nextId: number;
  readonly changes: Change[] = [];

  constructor(private readonly db: Database.Database) {
    this.nextId = (db.prepare('SELECT coalesce(max(id), 0) + 1 AS id FROM plan').get() as { id: number }).id;
  }

  /** The existing plan covering `year`, without creating one. */
  existing(year: number): ResolvedPlan | null {
    const row = this.db
      .prepare("SELECT id, name FROM plan WHERE year_start <= ? AND year_end >= ? ORDER BY level = 'district' DESC, id LIMIT 1")
      .get(year, year) as { id: number; name: string } | undefined;
    return row ? { ...row, created: false } : (this.createdByYear.get(year) ?? null);
  }

  forYear(year: number, issuer: string): ResolvedPlan {
    const found = this.existing(year);
    if (found) return found;
    const set = this.db
      .prepare("SELECT id FROM criteria_set WHERE level = 'commune' ORDER BY (period_start <= @year AND period_end >= @year) DESC, period_start DESC LIMIT 1")
      .get({ year }) as { id: string } | undefined;
    const plan: ResolvedPlan = { id: this.nextId++, name: `Kế hoạch năm ${year}`, created: true };
    this.changes.push({
      op: 'insert',
      table: 'plan',
      row: { id: plan.id, name: plan.name, level: 'district', unit_id: null, year_start: year, year_end: year, criteria_set_id: set?.id ?? '', issuer },
    });
    this.createdByYear.set(year, plan);
    return plan;
  }
}

/** The year a per-year form states in its title (else the one the user gave) and the plan it feeds; the issuer is the form's first row. */
export function planOfForm(batch: BatchContext, found: Recognised): { year: number; plan: ResolvedPlan } {
  const year = titleYears(found.title).plan ?? batch.options.year ?? null;
  if (year === null) throw new AppError('import.noYear');
  return { year, plan: batch.plans.forYear(year, found.grid.rowTexts(1)[0] ?? '') };
}
