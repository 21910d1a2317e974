// Equality across tables: the parts in one table (grouped) must add up to a figure typed in another
// (projects of a source = that source's investment; allocation to communes = the source's amount).
// Checked only when both sides are there: a figure with no parts yet, or parts with no figure, is fine.
import type { MessageKey } from '../../i18n';
import { formatAmount } from '../../format/vi';
import { numberOrNull, roundTo, sameAtDecimals, sumTerms } from '../arithmetic';
import { keyString, type Row, type RowChange } from '../dataset';
import { makeFinding, rowKey, viText } from '../finding';
import type { RuleTable } from '../schema';
import type { Dependency, Finding, Rule, RuleContext, Scope } from '../types';

export interface SumEqualsDeclaration {
  id: string;
  severity?: Finding['severity'];
  parts: { table: RuleTable; field: string; groupBy: readonly string[]; include?: (row: Row, ctx: RuleContext) => boolean };
  total: {
    table: RuleTable;
    field: string;
    /** The row holding the figure for a group of parts. */
    keyOf: (group: Scope, ctx: RuleContext) => Scope | null;
    /** The group a row of the total table stands for (null: none). */
    groupOf: (row: Row, ctx: RuleContext) => Scope | null;
    label: (row: Row, ctx: RuleContext) => string;
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
    *scopes(ctx) {
      const seen = new Set<string>();
      for (const row of ctx.data.rows(parts.table)) {
        if (parts.include && !parts.include(row, ctx)) continue;
        const group = groupOf(row);
        const id = keyString(group);
        if (!seen.has(id)) {
          seen.add(id);
          yield group;
        }
      }
    },
    scopesOf(change: RowChange, ctx) {
      if (change.table !== parts.table && change.table !== total.table) return 'all';
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
      const totalRow = key ? ctx.data.get(total.table, key) : undefined;
      const stated = numberOrNull(totalRow?.[total.field]);
      if (stated === null || !totalRow) return [];
      const values: number[] = [];
      for (const row of ctx.data.group(parts.table, parts.groupBy, group)) {
        if (parts.include && !parts.include(row, ctx)) continue;
        const v = numberOrNull(row[parts.field]);
        if (v !== null) values.push(v);
      }
      if (values.length === 0) return [];
      const sum = values.reduce((a, b) => a + b, 0);
      if (sameAtDecimals(stated, sum, d.decimals)) return [];
      const expected = roundTo(sum, d.decimals);
      return [
        makeFinding({
          severity: d.severity ?? 'error',
          rule: d.id,
          table: total.table,
          key: rowKey(total.table, totalRow),
          field: total.field,
          row: total.label(totalRow, ctx),
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
