import type { Scalar } from '../api/edits';
import type { Finding, PlanScope } from '../api/validation';
import type { Dataset, RowChange } from './dataset';
import type { RuleTable } from './schema';

export type { Finding, PlanScope };

export interface RuleContext {
  data: Dataset;
  plan: PlanScope;
}

/** A rule re-runs when one of these cells changes; no `fields` means any column (and inserts/deletes). */
export interface Dependency {
  table: RuleTable;
  fields?: readonly string[];
}

/** One instance of a rule: e.g. one parent row of one plan-year. */
export type Scope = readonly Scalar[];

/**
 * A validation rule as the engine runs it. Rule kinds (./kinds) build these from small declarations.
 * `scopesOf` names the instances an edited row touches ('all' when the change is structural).
 */
export interface Rule {
  id: string;
  reads: readonly Dependency[];
  scopes(ctx: RuleContext): Iterable<Scope>;
  scopesOf(change: RowChange, ctx: RuleContext): Iterable<Scope> | 'all';
  check(scope: Scope, ctx: RuleContext): Finding[];
  /** A faster full run than checking every scope one by one, when the rule has one. */
  checkAll?(ctx: RuleContext): Iterable<[Scope, Finding[]]>;
}
