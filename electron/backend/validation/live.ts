// Findings kept current as edits are saved: for the open document, one rules engine per plan, loaded in
// full the first time a save needs it, then handed each saved step's changes (an edit, an undo, a redo)
// so that it re-checks only the rules those changes touch. A write that did not come through here (an
// import, a removed source, a new plan) shows in SQLite's count of changed rows, and the next save
// reloads instead of following.
import type Database from 'better-sqlite3';
import type { Change, PlanFindingCounts } from '../../../shared/api/edits';
import { Validator } from '../../../shared/rules/engine';
import { RULES } from '../../../shared/rules/rules';
import { isRuleTable, TABLE_KEYS } from '../../../shared/rules/schema';
import { decodeChanges } from '../edits/step-record';
import { listPlans } from '../repo/plans';
import { loadRuleTables, planScope } from './load';

export interface SavedFindings {
  /** Every plan's counts after the save. */
  counts: PlanFindingCounts[];
  /** The plans whose findings the save changed. */
  changed: PlanFindingCounts[];
}

/** Above this many communes, loading the engines in full is done after the save is answered. */
const SLOW_LOAD_COMMUNES = 1_000;

const totalChanges = (db: Database.Database) => (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;

/** An insert whose key SQLite assigns (a new project) is followed with the key the step recorded. */
const keyed = (change: Change) => change.op !== 'insert' || !isRuleTable(change.table) || TABLE_KEYS[change.table].every((k) => change.row[k] !== undefined);

class LiveFindings {
  private readonly plans = new Map<number, Validator>();
  /** The connection's count of changed rows when the engines last matched the document. */
  private synced = -1;

  constructor(private readonly db: Database.Database) {}

  /** The count of changed rows now: taken before a save, to tell its changes from anyone else's. */
  mark(): number {
    return totalChanges(this.db);
  }

  /**
   * Whether following a save that starts at `before` means loading every plan's engines, and the document is
   * big enough for that to keep the answer waiting (about 0.15 ms a commune; half a second at 3,321).
   */
  loadIsSlow(before: number): boolean {
    if (!this.stale(before)) return false;
    return (this.db.prepare("SELECT count(*) AS n FROM unit WHERE kind = 'commune'").get() as { n: number }).n > SLOW_LOAD_COMMUNES;
  }

  private stale(before: number): boolean {
    return before !== this.synced || this.plans.size === 0;
  }

  /** Follow a saved step: `changes` as applied, or the step whose recorded forward changes carry the assigned keys. */
  afterSave(before: number, changes: readonly Change[], stepId?: number): SavedFindings {
    const fresh = this.stale(before);
    if (fresh) this.load();
    const applied = stepId !== undefined && !changes.every(keyed) ? this.recorded(stepId) : changes;
    const counts: PlanFindingCounts[] = [];
    const changed: PlanFindingCounts[] = [];
    for (const [planId, validator] of this.plans) {
      const moved = !fresh && validator.applyChanges(applied);
      const entry = countsOf(planId, validator);
      counts.push(entry);
      if (moved || fresh) changed.push(entry);
    }
    this.synced = totalChanges(this.db);
    return { counts, changed };
  }

  private load(): void {
    this.plans.clear();
    for (const plan of [...listPlans(this.db)].sort((a, b) => a.id - b.id)) {
      const scope = planScope(plan);
      const validator = new Validator(RULES, scope, loadRuleTables(this.db, scope));
      validator.runAll();
      this.plans.set(plan.id, validator);
    }
  }

  private recorded(stepId: number): Change[] {
    const row = this.db.prepare('SELECT forward FROM undo_step WHERE id = ?').get(stepId) as { forward: string } | undefined;
    return row ? decodeChanges(row.forward) : [];
  }
}

function countsOf(planId: number, validator: Validator): PlanFindingCounts {
  let errors = 0;
  let warnings = 0;
  for (const f of validator.findings()) {
    if (f.severity === 'error') errors++;
    else warnings++;
  }
  return { planId, errors, warnings };
}

const live = new WeakMap<Database.Database, LiveFindings>();

/** The live findings of a document's connection. */
export function liveFindings(db: Database.Database): LiveFindings {
  let found = live.get(db);
  if (!found) live.set(db, (found = new LiveFindings(db)));
  return found;
}
