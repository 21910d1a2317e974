// Runs rules over a dataset: all of them at once, or, after an edit, only the instances of the rules
// that read the edited cells (found through a dependency index built once from the rules' `reads`).
import type { Change } from '../api/edits';
import { Dataset, keyString, type RowChange, type WireTables } from './dataset';
import { TABLE_KEYS, type RuleTable } from './schema';
import type { Finding, PlanScope, Rule, RuleContext, Scope } from './types';

const ANY_FIELD = '*';
/** Past this share of the dataset's rows in one step, a full run replaces following the changes one by one. */
const BULK_SHARE = 0.05;
const MIN_BULK = 1000;

export class Validator {
  readonly ctx: RuleContext;
  /** Findings by rule, then by instance. */
  private readonly byRule = new Map<Rule, Map<string, Finding[]>>();
  private readonly dependents = new Map<string, Set<Rule>>();
  private cached: Finding[] | null = null;

  constructor(
    private readonly rules: readonly Rule[],
    plan: PlanScope,
    data: Dataset | WireTables,
  ) {
    this.ctx = { plan, data: data instanceof Dataset ? data : new Dataset(data) };
    for (const rule of rules) {
      this.byRule.set(rule, new Map());
      for (const dep of rule.reads) for (const field of dep.fields ?? [ANY_FIELD]) this.dependentsOf(dep.table, field).add(rule);
    }
  }

  /** Evaluate every rule from scratch. */
  runAll(): Finding[] {
    for (const rule of this.rules) this.rerunAll(rule);
    this.cached = null;
    return this.findings();
  }

  /**
   * Apply edits to the dataset and re-check what they touch. Returns true when the findings changed.
   * The changes are those the backend acknowledged (an edit, an undo or a redo).
   */
  applyChanges(changes: readonly Change[]): boolean {
    if (changes.length > Math.max(MIN_BULK, BULK_SHARE * this.rowCount())) return this.applyInBulk(changes);
    const touched = new Map<Rule, Map<string, Scope> | 'all'>();
    for (const change of changes) {
      const rowChange = this.ctx.data.apply(change);
      if (rowChange) this.collect(rowChange, touched);
    }
    let changed = false;
    for (const [rule, scopes] of touched) {
      if (scopes === 'all') changed = this.rerunAll(rule) || changed;
      else for (const [id, scope] of scopes) changed = this.recheck(rule, id, scope) || changed;
    }
    if (changed) this.cached = null;
    return changed;
  }

  /** A paste over a good part of the document: re-checking everything is cheaper than following each change. */
  private applyInBulk(changes: readonly Change[]): boolean {
    const before = this.findings();
    for (const change of changes) this.ctx.data.apply(change);
    for (const rule of this.rules) this.rerunAll(rule);
    this.cached = null;
    return !sameFindings(before, this.findings());
  }

  private rowCount(): number {
    let n = 0;
    for (const table of Object.keys(TABLE_KEYS) as RuleTable[]) n += this.ctx.data.size(table);
    return n;
  }

  findings(): Finding[] {
    if (!this.cached) {
      this.cached = [];
      for (const rule of this.rules) for (const list of (this.byRule.get(rule) as Map<string, Finding[]>).values()) this.cached.push(...list);
    }
    return this.cached;
  }

  private collect(change: RowChange, touched: Map<Rule, Map<string, Scope> | 'all'>): void {
    const rules = new Set(this.dependentsOf(change.table, ANY_FIELD));
    if (change.field !== undefined) {
      this.dependentsOf(change.table, change.field).forEach((r) => rules.add(r));
    } else {
      // An insert or a delete touches every column of the row.
      for (const [k, set] of this.dependents) if (k.startsWith(`${change.table}.`)) set.forEach((r) => rules.add(r));
    }
    for (const rule of rules) {
      let scopes = touched.get(rule);
      if (scopes === 'all') continue;
      const found = rule.scopesOf(change, this.ctx);
      if (found === 'all') {
        touched.set(rule, 'all');
        continue;
      }
      if (!scopes) touched.set(rule, (scopes = new Map()));
      for (const scope of found) scopes.set(keyString(scope), scope);
    }
  }

  private rerunAll(rule: Rule): boolean {
    const previous = this.byRule.get(rule) as Map<string, Finding[]>;
    const next = new Map<string, Finding[]>();
    if (rule.checkAll) {
      for (const [scope, found] of rule.checkAll(this.ctx)) next.set(keyString(scope), found);
    } else {
      for (const scope of rule.scopes(this.ctx)) {
        const found = rule.check(scope, this.ctx);
        if (found.length > 0) next.set(keyString(scope), found);
      }
    }
    this.byRule.set(rule, next);
    return previous.size > 0 || next.size > 0;
  }

  private recheck(rule: Rule, id: string, scope: Scope): boolean {
    const stored = this.byRule.get(rule) as Map<string, Finding[]>;
    const before = stored.get(id);
    const found = rule.check(scope, this.ctx);
    if (found.length > 0) stored.set(id, found);
    else stored.delete(id);
    return !sameFindings(before ?? [], found);
  }

  private dependentsOf(table: string, field: string): Set<Rule> {
    const key = `${table}.${field}`;
    let set = this.dependents.get(key);
    if (!set) this.dependents.set(key, (set = new Set()));
    return set;
  }
}

function sameFindings(a: readonly Finding[], b: readonly Finding[]): boolean {
  return a.length === b.length && a.every((f, i) => f.message === b[i]?.message && f.severity === b[i]?.severity);
}
