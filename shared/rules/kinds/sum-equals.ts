// Equality across tables: the parts in one table (grouped) must add up to a figure typed in another
// (projects of a source = that source's investment; allocation to communes = the source's amount).
// Checked only when both sides are there: a figure with no parts yet, or parts with no figure, is fine.
import type { MessageKey } from '../../i18n';
import { formatAmount } from '../../format/vi';
import { numberOrNull, roundTo, sameAtDecimals, sumTerms } from '../arithmetic';
import { keyString, type Row, type RowChange } from '../dataset';
import { keyRow, makeFinding, viText } from '../finding';
import type { RuleTable } from '../schema';
import type { Dependency, Finding, Rule, RuleContext, Scope } from '../types';

export interface SumEqualsDeclaration {
  id: string;
  severity?: Finding['severity'];
  parts: {
    table: RuleTable;
    field: string;
    groupBy: readonly string[];
    include?: (row: Row, ctx: RuleContext) => boolean;
    /**
     * Groups whose parts count for a group too (the projects of the sub-sources of a source). A group is
     * still checked only when it has parts of its own; with it, any change re-checks every group.
     */
    below?: (group: Scope, ctx: RuleContext) => Iterable<Scope>;
  };
  total: {
    table: RuleTable;
    field: string;
    /** The row holding the figure for a group of parts. */
    keyOf: (group: Scope, ctx: RuleContext) => Scope | null;
    /** The group a row of the total table stands for (null: none). */
    groupOf: (row: Row, ctx: RuleContext) => Scope | null;
    label: (row: Row, ctx: RuleContext) => string;
    /**
     * The figure of a row that states none (a parent computed from its parts), or null. With it, any
     * change of the total table re-checks every group: its figures feed each other.
     */
    computed?: (key: Scope, ctx: RuleContext) => number | null;
  };
  /** Other things the rule reads (roles, trees): any change to them re-checks everything. */
  alsoReads?: readonly Dependency[];
  what: MessageKey;
  decimals: number;
}

export function sumEquals(d: SumEqualsDeclaration): Rule {
  const { parts, total } = d;
  const groupOf = (row: Row): Scope => parts.groupBy.map((f) => row[f] ?? null);
  return {
    id: d.id,
    reads: [{ table: parts.table }, { table: total.table, fields: [total.field] }, ...(d.alsoReads ?? [])],
    scopes(ctx) {
      const out: Scope[] = [];
      const seen = new Set<string>();
      for (const row of ctx.data.rows(parts.table)) {
        if (parts.include && !parts.include(row, ctx)) continue;
        const group = groupOf(row);
        // Without grouping there is one group: the first part included names it.
        if (group.length === 0) return [group];
        const id = keyString(group);
        if (!seen.has(id)) {
          seen.add(id);
          out.push(group);
        }
      }
      return out;
    },
    scopesOf(change: RowChange, ctx) {
      if (change.table !== parts.table && change.table !== total.table) return 'all';
      if ((change.table === total.table && total.computed) || parts.below) return 'all';
      const out: Scope[] = [];
      for (const row of [change.before, change.after]) {
        if (!row) continue;
        const group = change.table === parts.table ? groupOf(row) : total.groupOf(row, ctx);
        if (group) out.push(group);
      }
      return out;
    },
    check(group, ctx) {
      const key = total.keyOf(group, ctx);
      if (!key) return [];
      const totalRow = ctx.data.get(total.table, key);
      const stated = numberOrNull(totalRow?.[total.field]) ?? total.computed?.(key, ctx) ?? null;
      if (stated === null) return [];
      const values: number[] = [];
      const add = (of: Scope) => {
        for (const row of ctx.data.group(parts.table, parts.groupBy, of)) {
          if (parts.include && !parts.include(row, ctx)) continue;
          const v = numberOrNull(row[parts.field]);
          if (v !== null) values.push(v);
        }
      };
      add(group);
      if (values.length === 0) return [];
      for (const other of parts.below?.(group, ctx) ?? []) add(other);
      const sum = values.reduce((a, b) => a + b, 0);
      if (sameAtDecimals(stated, sum, d.decimals)) return [];
      const expected = roundTo(sum, d.decimals);
      return [
        makeFinding({
          severity: d.severity ?? 'error',
          rule: d.id,
          table: total.table,
          key: [...key] as (string | number)[],
          field: total.field,
          row: total.label(totalRow ?? keyRow(total.table, key), ctx),
          expected,
          actual: stated,
          message: 'validation.msg.equal',
          params: {
            actual: formatAmount(stated),
            what: viText(d.what),
            terms: sumTerms(values, (count) => viText('validation.manyTerms', { count })),
            expected: formatAmount(expected),
          },
        }),
      ];
    },
  };
}
