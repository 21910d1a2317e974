// Checks of one row at a time: ranges and types (amounts ≥ 0, percentages 0-100, years within the
// plan period, whole numbers), and comparisons of a typed figure with one computed from other rows
// (planned ≥ current; x/19 from the row; a criterion from its indicators). The instance is the row.
import type { Scalar } from '../../api/edits';
import type { MessageKey, MessageParams } from '../../i18n';
import type { Key, Row, RowChange } from '../dataset';
import { makeFinding, rowKey } from '../finding';
import type { RuleTable } from '../schema';
import type { Dependency, Finding, Rule, RuleContext, Scope } from '../types';

export interface Problem {
  expected: Scalar;
  actual: Scalar;
  message: MessageKey;
  params?: MessageParams;
}

export interface CellCheckDeclaration {
  id: string;
  severity?: Finding['severity'];
  table: RuleTable;
  field: string;
  /** Rows the rule applies to. */
  when?: (row: Row, ctx: RuleContext) => boolean;
  label: (row: Row, ctx: RuleContext) => string;
  /** The problem with this row's value, or null when it is fine. An empty cell is never tested. */
  test: (value: NonNullable<Scalar>, row: Row, ctx: RuleContext) => Problem | null;
  /** Rows elsewhere this check reads, and which checked rows a change to them affects ('all' for structure). */
  alsoReads?: readonly Dependency[];
  affected?: (change: RowChange, ctx: RuleContext) => Iterable<Key> | 'all';
  /** Other rows of the checked table whose check reads this row (the plan's mark reads last year's). */
  partners?: (row: Row, ctx: RuleContext) => Iterable<Key>;
  /**
   * For a full run over a big table: the keys of the only rows that can have a finding, found in one pass
   * (every other row passes). Each is then checked the way an edit checks it.
   */
  candidates?: (ctx: RuleContext) => Iterable<Key>;
}

export function cellCheck(d: CellCheckDeclaration): Rule {
  /** `key` is null on full runs: it is only built for rows with a finding. */
  const checkRow = (row: Row, key: Scope | null, ctx: RuleContext): Finding[] => {
    const value = row[d.field] ?? null;
    return value === null ? [] : (checkValue(value, row, key, ctx) ?? []);
  };
  /** The finding for a row's value, or null (full runs test half a million values: no array each). */
  const checkValue = (value: NonNullable<Scalar>, row: Row, key: Scope | null, ctx: RuleContext): Finding[] | null => {
    if (d.when && !d.when(row, ctx)) return null;
    const problem = d.test(value, row, ctx);
    if (!problem) return null;
    return [
      makeFinding({
        severity: d.severity ?? 'error',
        rule: d.id,
        table: d.table,
        key: (key ?? rowKey(d.table, row)) as (string | number)[],
        field: d.field,
        row: d.label(row, ctx),
        expected: problem.expected,
        actual: problem.actual,
        message: problem.message,
        params: problem.params ?? {},
      }),
    ];
  };
  return {
    id: d.id,
    reads: [{ table: d.table, fields: [d.field] }, ...(d.alsoReads ?? [])],
    *scopes(ctx) {
      for (const row of ctx.data.rows(d.table)) yield rowKey(d.table, row);
    },
    checkAll(ctx) {
      const out: [Scope, Finding[]][] = [];
      if (d.candidates) {
        for (const key of d.candidates(ctx)) {
          const row = ctx.data.get(d.table, key);
          const found = row ? checkRow(row, key, ctx) : [];
          if (found.length > 0) out.push([key, found]);
        }
        return out;
      }
      ctx.data.eachValue(d.table, d.field, (value, row) => {
        const found = checkValue(value, row, null, ctx);
        if (found) out.push([found[0]?.target?.key ?? rowKey(d.table, row), found]);
      });
      return out;
    },
    scopesOf(change, ctx) {
      if (change.table !== d.table) return d.affected ? d.affected(change, ctx) : 'all';
      const row = change.after ?? change.before;
      if (!row) return [];
      return d.partners ? [rowKey(d.table, row), ...d.partners(row, ctx)] : [rowKey(d.table, row)];
    },
    check(scope: Scope, ctx) {
      const row = ctx.data.get(d.table, scope);
      return row ? checkRow(row, scope, ctx) : [];
    },
  };
}
