// The document's tables as the rules see them: rows by key, kept current by applying edits, with
// grouped indexes that are maintained as rows change (so an edit never rescans a table).
import type { Change, Scalar } from '../api/edits';
import { NestedIndex } from './nested-index';
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

/** A key as one string, for sets of instances (scopes) and finding lookups. */
export function keyString(key: readonly Scalar[]): string {
  return key.join('\u0001');
}

interface Group {
  fields: readonly string[];
  index: NestedIndex<Set<Row>>;
}

interface Table {
  byKey: NestedIndex<Row>;
  groups: Map<string, Group>;
  /** The same groups by the identity of the caller's field list (rules pass constants), to skip a join per lookup. */
  groupsByRef: Map<readonly string[], Group>;
}

export class Dataset {
  private readonly tables = new Map<RuleTable, Table>();

  constructor(wire: WireTables = {}) {
    for (const name of Object.keys(TABLE_KEYS) as RuleTable[]) {
      this.tables.set(name, { byKey: new NestedIndex(TABLE_KEYS[name].length), groups: new Map(), groupsByRef: new Map() });
    }
    for (const [name, data] of Object.entries(wire) as [RuleTable, TableRows][]) {
      const table = this.table(name);
      const keyColumns = TABLE_KEYS[name];
      const { columns } = data;
      const keyAt = keyColumns.map((k) => columns.indexOf(k));
      const key: Scalar[] = keyAt.map(() => null);
      for (const values of data.rows) {
        const row: Record<string, Scalar> = {};
        for (let i = 0; i < columns.length; i++) row[columns[i] as string] = values[i] ?? null;
        for (let i = 0; i < keyAt.length; i++) key[i] = values[keyAt[i] as number] ?? null;
        table.byKey.set(key, row);
      }
    }
  }

  get(table: RuleTable, key: readonly Scalar[]): Row | undefined {
    return this.table(table).byKey.get(key);
  }

  /** The row of a table keyed by one `id` column (no key array to build: this runs once per row of big tables). */
  byId(table: RuleTable, id: Scalar): Row | undefined {
    return this.table(table).byKey.get1(id);
  }

  rows(table: RuleTable): Iterable<Row> {
    return this.table(table).byKey.values();
  }

  size(table: RuleTable): number {
    return this.table(table).byKey.size;
  }

  /** Rows of `table` whose `fields` equal `values`, through an index built once and kept up to date. */
  group(table: RuleTable, fields: readonly string[], values: readonly Scalar[]): Iterable<Row> {
    return this.groupIndex(table, fields).get(values) ?? [];
  }

  /** Apply an edit (the same Change the backend applies); returns what happened to the row. */
  apply(change: Change): RowChange | null {
    if (!isRuleTable(change.table)) return null;
    const name = change.table;
    const table = this.table(name);
    const keyColumns = TABLE_KEYS[name];
    const key = change.op === 'insert' ? keyColumns.map((k) => change.row[k] ?? null) : change.key;
    const before = table.byKey.get(key);
    let after: Row | undefined;
    if (change.op === 'insert') after = Object.fromEntries(Object.entries(change.row).map(([k, v]) => [k, normalise(v)]));
    else if (change.op === 'set') {
      const created: Record<string, Scalar> = {};
      if (!before) keyColumns.forEach((k, i) => (created[k] = change.key[i] ?? null));
      after = { ...(before ?? created), [change.field]: normalise(change.value) };
    }
    if (after) table.byKey.set(key, after);
    else table.byKey.delete(key);
    for (const { fields, index } of table.groups.values()) {
      if (before) index.get(fields.map((f) => before[f] ?? null))?.delete(before);
      if (after) index.upsert(fields.map((f) => after[f] ?? null), () => new Set()).add(after);
    }
    return { table: name, before, after, field: change.op === 'set' ? change.field : undefined };
  }

  private table(name: RuleTable): Table {
    return this.tables.get(name) as Table;
  }

  private groupIndex(name: RuleTable, fields: readonly string[]): NestedIndex<Set<Row>> {
    const table = this.table(name);
    const known = table.groupsByRef.get(fields);
    if (known) return known.index;
    const id = fields.join(',');
    let group = table.groups.get(id);
    if (!group) {
      const index = new NestedIndex<Set<Row>>(Math.max(fields.length, 1));
      for (const row of table.byKey.values()) index.upsert(fields.length === 0 ? [null] : fields.map((f) => row[f] ?? null), () => new Set()).add(row);
      table.groups.set(id, (group = { fields, index }));
    }
    table.groupsByRef.set(fields, group);
    return group.index;
  }
}

/** SQLite keeps booleans as 0/1; the rules read them that way whichever side the value came from. */
function normalise(value: Scalar): Scalar {
  return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}
