// Parent = sum of children over a tree (capital sources, recurrent contents). A parent's typed figure
// is compared with the sum of its children's figures; a child without a figure of its own counts as
// the sum of its children. A parent without a typed figure is simply computed: no finding.
import type { Scalar } from '../../api/edits';
import { formatAmount } from '../../format/vi';
import { numberOrNull, roundTo, sameAtDecimals, sumTerms } from '../arithmetic';
import { keyString, type Dataset, type Row, type RowChange } from '../dataset';
import { makeFinding, rowKey, viText } from '../finding';
import type { RuleTable } from '../schema';
import type { Finding, Rule, RuleContext, Scope } from '../types';

export interface TreeSumDeclaration {
  id: string;
  severity?: Finding['severity'];
  tree: { table: RuleTable; parentField: string; labelField: string };
  values: {
    table: RuleTable;
    /** Column of the values table naming the tree node. */
    nodeField: string;
    /** Columns that, with the node, identify a row (e.g. plan_id, year); in the table's key order. */
    scopeFields: readonly string[];
    /** Figure of a child. */
    field: string;
    /** Where figures stated for a row live; a child counts with the first non-empty one, a parent answers for each. */
    typedFields: readonly string[];
  };
  /** Decimals the form shows: both sides are rounded to them before comparing. */
  decimals: number;
}

/** How a tree's figures are found: the first typed one of a node's row, else the sum of its children's. */
export function treeFigures(tree: TreeSumDeclaration['tree'], values: Omit<TreeSumDeclaration['values'], 'field'>) {
  const byParent = [tree.parentField];
  const byNode = [...values.scopeFields, values.nodeField];
  const children = (data: Dataset, node: Scalar) => data.group(tree.table, byParent, [node]);
  const valueRow = (data: Dataset, scope: Scope, node: Scalar) => data.find(values.table, byNode, [...scope, node]);
  const typed = (row: Row | undefined): { field: string; value: number } | null => {
    for (const field of values.typedFields) {
      const value = numberOrNull(row?.[field]);
      if (value !== null) return { field, value };
    }
    return null;
  };
  /** A node's figure: its typed value, else the sum of its children's figures (null when nothing is there). */
  const figure = (data: Dataset, scope: Scope, node: Scalar): number | null => {
    const own = typed(valueRow(data, scope, node));
    if (own) return own.value;
    let sum: number | null = null;
    for (const child of children(data, node)) {
      const v = figure(data, scope, child.id ?? null);
      if (v !== null) sum = (sum ?? 0) + v;
    }
    return sum;
  };
  return { children, valueRow, typed, figure };
}

export function treeSum(d: TreeSumDeclaration): Rule {
  const { tree, values } = d;
  const { children, valueRow, typed, figure } = treeFigures(tree, values);
  const ancestors = (data: Dataset, node: Scalar): Scalar[] => {
    const out: Scalar[] = [];
    let current = data.byId(tree.table, node)?.[tree.parentField] ?? null;
    while (current !== null && !out.includes(current)) {
      out.push(current);
      current = data.byId(tree.table, current)?.[tree.parentField] ?? null;
    }
    return out;
  };
  const scopeOfRow = (row: Row) => values.scopeFields.map((f) => row[f] ?? null);

  return {
    id: d.id,
    reads: [
      { table: tree.table, fields: [tree.parentField] },
      { table: values.table, fields: [values.field, ...values.typedFields] },
    ],
    scopes({ data }) {
      const parents = new Set<Scalar>();
      for (const node of data.rows(tree.table)) if (node[tree.parentField] !== null) parents.add(node[tree.parentField] ?? null);
      // Each distinct scope of the values (a plan-year, a commune), read by position: no view, no string per row.
      const at = data.positions(values.table, values.scopeFields);
      const seen = new Set<Scalar | string>();
      const out: Scope[] = [];
      data.eachRaw(values.table, (row) => {
        const scope = at.map((p) => row[p] ?? null);
        const id = scope.length === 1 ? (scope[0] ?? null) : keyString(scope);
        if (seen.has(id)) return;
        seen.add(id);
        for (const parent of parents) out.push([...scope, parent]);
      });
      return out;
    },
    scopesOf(change: RowChange, { data }: RuleContext) {
      if (change.table === tree.table) return 'all';
      const out: Scope[] = [];
      for (const row of [change.before, change.after]) {
        if (!row) continue;
        const node = row[values.nodeField] ?? null;
        for (const n of [node, ...ancestors(data, node)]) out.push([...scopeOfRow(row), n]);
      }
      return out;
    },
    check(scope, { data }) {
      const parent = scope[scope.length - 1] ?? null;
      const rowScope = scope.slice(0, -1);
      const parentRow = valueRow(data, rowScope, parent);
      if (!typed(parentRow) || !parentRow) return [];
      const parts: number[] = [];
      for (const child of children(data, parent)) {
        const v = figure(data, rowScope, child.id ?? null);
        if (v !== null) parts.push(v);
      }
      if (parts.length === 0) return [];
      const sum = parts.reduce((a, b) => a + b, 0);
      const expected = roundTo(sum, d.decimals);
      const label = String(data.byId(tree.table, parent)?.[tree.labelField] ?? parent);
      const terms = sumTerms(parts, (count) => viText('validation.manyTerms', { count }));
      // Each figure stated for the parent (its amount, a total typed on the form) answers for itself.
      return values.typedFields.flatMap((field) => {
        const stated = numberOrNull(parentRow[field]);
        if (stated === null || sameAtDecimals(stated, sum, d.decimals)) return [];
        return [
          makeFinding({
            severity: d.severity ?? 'error',
            rule: d.id,
            table: values.table,
            key: rowKey(values.table, parentRow),
            field,
            row: label,
            expected,
            actual: stated,
            message: 'validation.msg.sum',
            params: { actual: formatAmount(stated), terms, expected: formatAmount(expected) },
          }),
        ];
      });
    },
  };
}
