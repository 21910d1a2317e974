// The document's tables as the rules see them: rows by key, kept current by applying edits, with
// grouped indexes that are maintained as rows change (so an edit never rescans a table).
import type { Change, Scalar } from '../api/edits';
import { isRuleTable, TABLE_KEYS, type RuleTable } from './schema';

export type Row = Readonly<Record<string, Scalar>>;
export type Key = readonly (string | number)[];

/** Rows of one table on the wire: column names once, then one array of values per row. */
export interface TableRows {
  columns: string[];
  rows: Scalar[][];
}
export type WireTables = Partial<Record<RuleTable, TableRows>>;

/** What one applied change did to one row (`before`/`after` undefined when the row did not / no longer exists). */
export interface RowChange {
  table: RuleTable;
  before: Row | undefined;
  after: Row | undefined;
  /** The column a 'set' touched; undefined for inserts and deletes (every column). */
  field?: string;
}

export function keyString(key: readonly Scalar[]): string {
  return key.join('\u0001');
}

interface GroupIndex {
  fields: readonly string[];
  groups: Map<string, Map<string, Row>>;
}

export class Dataset {
  private readonly tables = new Map<RuleTable, Map<string, Row>>();
  private readonly indexes = new Map<RuleTable, Map<string, GroupIndex>>();

  constructor(wire: WireTables = {}) {
    for (const name of Object.keys(TABLE_KEYS) as RuleTable[]) this.tables.set(name, new Map());
    for (const [name, data] of Object.entries(wire) as [RuleTable, TableRows][]) {
      const rows = this.table(name);
      const keyIdx = TABLE_KEYS[name].map((k) => data.columns.indexOf(k));
      for (const values of data.rows) {
        const row: Record<string, Scalar> = {};
        data.columns.forEach((c, i) => (row[c] = values[i] ?? null));
        rows.set(keyString(keyIdx.map((i) => values[i] ?? null)), row);
      }
    }
  }

  get(table: RuleTable, key: readonly Scalar[]): Row | undefined {
    return this.table(table).get(keyString(key));
  }

  rows(table: RuleTable): IterableIterator<Row> {
    return this.table(table).values();
  }

  size(table: RuleTable): number {
    return this.table(table).size;
  }

  /** Rows of `table` whose `fields` equal `values`, through an index built once and kept up to date. */
  group(table: RuleTable, fields: readonly string[], values: readonly Scalar[]): Iterable<Row> {
    return this.index(table, fields).groups.get(keyString(values))?.values() ?? [];
  }

  /** Apply an edit (the same Change the backend applies); returns what happened to the row. */
  apply(change: Change): RowChange | null {
    if (!isRuleTable(change.table)) return null;
    const table = change.table;
    const keyColumns = TABLE_KEYS[table];
    const key = change.op === 'insert' ? keyColumns.map((k) => change.row[k] ?? null) : change.key;
    const id = keyString(key);
    const before = this.table(table).get(id);
    let after: Row | undefined;
    if (change.op === 'delete') after = undefined;
    else if (change.op === 'insert') after = Object.fromEntries(Object.entries(change.row).map(([k, v]) => [k, normalise(v)]));
    else {
      const created: Record<string, Scalar> = {};
      if (!before) keyColumns.forEach((k, i) => (created[k] = change.key[i] ?? null));
      after = { ...(before ?? created), [change.field]: normalise(change.value) };
    }
    if (after) this.table(table).set(id, after);
    else this.table(table).delete(id);
    this.reindex(table, id, before, after);
    return { table, before, after, field: change.op === 'set' ? change.field : undefined };
  }

  private table(name: RuleTable): Map<string, Row> {
    return this.tables.get(name) as Map<string, Row>;
  }

  private index(table: RuleTable, fields: readonly string[]): GroupIndex {
    let byFields = this.indexes.get(table);
    if (!byFields) this.indexes.set(table, (byFields = new Map()));
    const name = fields.join(',');
    let index = byFields.get(name);
    if (!index) {
      index = { fields, groups: new Map() };
      for (const [id, row] of this.table(table)) addToGroup(index, id, row);
      byFields.set(name, index);
    }
    return index;
  }

  private reindex(table: RuleTable, id: string, before: Row | undefined, after: Row | undefined): void {
    for (const index of this.indexes.get(table)?.values() ?? []) {
      if (before) index.groups.get(groupKey(index, before))?.delete(id);
      if (after) addToGroup(index, id, after);
    }
  }
}

const groupKey = (index: GroupIndex, row: Row) => keyString(index.fields.map((f) => row[f] ?? null));

function addToGroup(index: GroupIndex, id: string, row: Row): void {
  const g = groupKey(index, row);
  let members = index.groups.get(g);
  if (!members) index.groups.set(g, (members = new Map()));
  members.set(id, row);
}

/** SQLite keeps booleans as 0/1; the rules read them that way whichever side the value came from. */
function normalise(value: Scalar): Scalar {
  return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}
