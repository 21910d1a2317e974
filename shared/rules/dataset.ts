// The document's tables as the rules see them. Each table keeps its rows as they arrived (one array
// of values per row, the wire format: loading a document copies and re-shapes nothing) and rules read
// a row through a small view whose properties are the table's columns. Row arrays are never changed:
// an edit replaces the row's array, so a view taken before an edit still shows the row as it was.
// Key and group indexes are built the first time a rule asks for them, then kept current by `apply`.
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

type Values = readonly (Scalar | undefined)[];
const VALUES = Symbol('values');

/** A row seen through its table's columns (the getters live on one prototype per table). */
class RowView {
  [VALUES]: Values;
  constructor(values: Values) {
    this[VALUES] = values;
  }
}

interface Group {
  at: number[];
  index: NestedIndex<number[]>;
}

/** Where `i` goes in an ascending list (groups list their rows in table order). */
function insertSorted(list: number[], i: number): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as number) < i) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, i);
}

class Table {
  readonly columns: string[] = [];
  private readonly position = new Map<string, number>();
  /** Rows by their index; a deleted row leaves `undefined` (indexes held by groups stay valid). */
  private rows: (Values | undefined)[];
  /** Whether `rows` is ours to change (until the first edit it is the caller's array). */
  private owned = false;
  private live: number;
  private readonly keyAt: number[];
  private readonly View: new (values: Values) => RowView;
  private readonly cursor: RowView;
  private keyIndex: NestedIndex<number> | null = null;
  private readonly groups = new Map<string, Group>();
  private readonly groupsByRef = new Map<readonly string[], Group>();
  /** For each list of fields a caller looks rows up by: the key column each one is, or null when they are not the key. */
  private readonly asKey = new Map<readonly string[], number[] | null>();
  /** Tables keyed by one id (catalogs, trees) keep one view per row: lookups neither allocate nor lose identity. */
  private readonly views: (Row | undefined)[] | null;
  /** And the views of their groups (forgotten on any edit of the table). */
  private groupViews = new WeakMap<readonly number[], Row[]>();

  constructor(
    readonly name: RuleTable,
    wire: TableRows | undefined,
  ) {
    this.View = class extends RowView {};
    this.cursor = new this.View([]);
    for (const column of wire?.columns ?? []) this.column(column);
    this.keyAt = TABLE_KEYS[name].map((k) => this.column(k));
    this.rows = wire?.rows ?? [];
    this.live = this.rows.length;
    this.views = TABLE_KEYS[name].length === 1 ? [] : null;
  }

  get size(): number {
    return this.live;
  }

  /** The position of a column, added (empty in every row) when the table did not have it. */
  column(name: string): number {
    let at = this.position.get(name);
    if (at === undefined) {
      at = this.columns.push(name) - 1;
      this.position.set(name, at);
      const i = at;
      Object.defineProperty(this.View.prototype, name, {
        get(this: RowView) {
          return this[VALUES][i] ?? null;
        },
        enumerable: true,
      });
    }
    return at;
  }

  view(i: number): Row | undefined {
    const values = this.rows[i];
    if (!values) return undefined;
    if (!this.views) return new this.View(values) as unknown as Row;
    return (this.views[i] ??= new this.View(values) as unknown as Row);
  }

  viewOf(values: Values | undefined): Row | undefined {
    return values && (new this.View(values) as unknown as Row);
  }

  all(): Row[] {
    const out: Row[] = [];
    for (let i = 0; i < this.rows.length; i++) if (this.rows[i]) out.push(this.view(i) as Row);
    return out;
  }

  /**
   * Each row whose `field` is not empty (full runs over big tables: nothing else is looked at). The row
   * is one view moved from row to row: valid during the call only, never to be kept.
   */
  eachValue(field: string, fn: (value: NonNullable<Scalar>, row: Row) => void): void {
    const at = this.position.get(field);
    if (at === undefined) return;
    const rows = this.rows;
    const cursor = new this.View([]);
    for (let i = 0; i < rows.length; i++) {
      const values = rows[i];
      const value = values?.[at];
      if (value === undefined || value === null) continue;
      cursor[VALUES] = values as Values;
      fn(value, cursor as unknown as Row);
    }
  }

  /** The row at `key` through this table's one passing view (valid until the next call), or undefined. */
  peek(key: readonly Scalar[]): Row | undefined {
    const i = this.indexOf(key);
    const values = i === undefined ? undefined : this.rows[i];
    if (!values) return undefined;
    this.cursor[VALUES] = values;
    return this.cursor as unknown as Row;
  }

  /** Where `fields` are in a row's values (-1 for a column the table lacks). */
  positions(fields: readonly string[]): number[] {
    return fields.map((f) => this.position.get(f) ?? -1);
  }

  /** Each row's values as they are stored (the hottest loops read them by position, without a view). */
  eachRaw(fn: (values: readonly (Scalar | undefined)[]) => void): void {
    for (const values of this.rows) if (values) fn(values);
  }

  /** Each row of a group through one passing view (valid during the call only). */
  eachOf(fields: readonly string[], values: readonly Scalar[], fn: (row: Row) => void): void {
    const cursor = new this.View([]);
    for (const i of this.groupList(fields, values)) {
      cursor[VALUES] = this.rows[i] as Values;
      fn(cursor as unknown as Row);
    }
  }

  indexOf(key: readonly Scalar[]): number | undefined {
    return this.keyed().get(key);
  }

  /** The row whose `fields` (the key columns, in any order) equal `values`; otherwise the first of that group. */
  find(fields: readonly string[], values: readonly Scalar[]): Row | undefined {
    let order = this.asKey.get(fields);
    if (order === undefined) {
      const keyColumns: readonly string[] = TABLE_KEYS[this.name];
      order = fields.length === keyColumns.length && keyColumns.every((k) => fields.includes(k)) ? keyColumns.map((k) => fields.indexOf(k)) : null;
      this.asKey.set(fields, order);
    }
    if (order) {
      const i = this.indexOf(order.map((j) => values[j] ?? null));
      return i === undefined ? undefined : this.view(i);
    }
    const first = this.groupList(fields, values)[0];
    return first === undefined ? undefined : this.view(first);
  }

  groupRows(fields: readonly string[], values: readonly Scalar[]): Row[] {
    const list = this.groupList(fields, values);
    if (!this.views) return list.map((i) => this.view(i) as Row);
    let rows = this.groupViews.get(list);
    if (!rows) this.groupViews.set(list, (rows = list.map((i) => this.view(i) as Row)));
    return rows;
  }

  groupList(fields: readonly string[], values: readonly Scalar[]): readonly number[] {
    if (fields.length === 0) {
      const all: number[] = [];
      for (let i = 0; i < this.rows.length; i++) if (this.rows[i]) all.push(i);
      return all;
    }
    return this.group(fields).index.get(values) ?? [];
  }

  apply(change: Change): RowChange {
    if (change.op === 'insert') {
      const values: Scalar[] = [];
      for (const [field, value] of Object.entries(change.row)) values[this.column(field)] = normalise(value);
      const i = this.indexOf(this.keyAt.map((at) => values[at] ?? null));
      const before = i === undefined ? undefined : this.rows[i];
      if (i === undefined) this.add(values);
      else this.replace(i, values);
      return { table: this.name, before: this.viewOf(before), after: this.viewOf(values) };
    }
    const i = this.indexOf(change.key);
    const before = i === undefined ? undefined : this.rows[i];
    if (change.op === 'delete') {
      if (i !== undefined) this.remove(i);
      return { table: this.name, before: this.viewOf(before), after: undefined };
    }
    const values: Scalar[] = before ? (before.slice() as Scalar[]) : [];
    if (!before) this.keyAt.forEach((at, k) => (values[at] = change.key[k] ?? null));
    values[this.column(change.field)] = normalise(change.value);
    if (i === undefined) this.add(values);
    else this.replace(i, values);
    return { table: this.name, before: this.viewOf(before), after: this.viewOf(values), field: change.field };
  }

  private keyed(): NestedIndex<number> {
    if (!this.keyIndex) {
      const index = new NestedIndex<number>(this.keyAt.length);
      const key: Scalar[] = this.keyAt.map(() => null);
      for (let i = 0; i < this.rows.length; i++) {
        const values = this.rows[i];
        if (!values) continue;
        for (let k = 0; k < key.length; k++) key[k] = values[this.keyAt[k] as number] ?? null;
        index.set(key, i);
      }
      this.keyIndex = index;
    }
    return this.keyIndex;
  }

  private setKey(values: Values, i: number | undefined): void {
    this.keyIndex?.set(pick(values, this.keyAt), i);
  }

  private group(fields: readonly string[]): Group {
    const known = this.groupsByRef.get(fields);
    if (known) return known;
    const id = fields.join(',');
    let group = this.groups.get(id);
    if (!group) {
      const at = fields.map((f) => this.column(f));
      const index = new NestedIndex<number[]>(at.length);
      const key: Scalar[] = at.map(() => null);
      for (let i = 0; i < this.rows.length; i++) {
        const values = this.rows[i];
        if (!values) continue;
        for (let k = 0; k < key.length; k++) key[k] = values[at[k] as number] ?? null;
        index.upsert(key, () => []).push(i);
      }
      this.groups.set(id, (group = { at, index }));
    }
    this.groupsByRef.set(fields, group);
    return group;
  }

  private own(): (Values | undefined)[] {
    if (this.views) this.groupViews = new WeakMap();
    if (!this.owned) {
      this.rows = this.rows.slice();
      this.owned = true;
    }
    return this.rows;
  }

  private add(values: Values): void {
    const i = this.own().push(values) - 1;
    this.live++;
    this.setKey(values, i);
    for (const { at, index } of this.groups.values()) index.upsert(pick(values, at), () => []).push(i);
  }

  private replace(i: number, values: Values): void {
    const before = this.rows[i] as Values;
    this.own()[i] = values;
    if (this.views) this.views[i] = undefined;
    if (differs(before, values, this.keyAt)) {
      this.setKey(before, undefined);
      this.setKey(values, i);
    }
    for (const { at, index } of this.groups.values()) {
      if (!differs(before, values, at)) continue;
      const list = index.get(pick(before, at));
      list?.splice(list.indexOf(i), 1);
      insertSorted(index.upsert(pick(values, at), () => []), i);
    }
  }

  private remove(i: number): void {
    const before = this.rows[i] as Values;
    this.own()[i] = undefined;
    this.live--;
    if (this.views) this.views[i] = undefined;
    this.setKey(before, undefined);
    for (const { at, index } of this.groups.values()) {
      const list = index.get(pick(before, at));
      list?.splice(list.indexOf(i), 1);
    }
  }
}

const pick = (values: Values, at: readonly number[]): Scalar[] => at.map((k) => values[k] ?? null);
const differs = (a: Values, b: Values, at: readonly number[]) => at.some((k) => (a[k] ?? null) !== (b[k] ?? null));

export class Dataset {
  private readonly tables = new Map<RuleTable, Table>();

  /** The rows are used as they are, not copied: the caller hands them over and does not change them afterwards. */
  constructor(wire: WireTables = {}) {
    for (const name of Object.keys(TABLE_KEYS) as RuleTable[]) this.tables.set(name, new Table(name, wire[name]));
  }

  get(table: RuleTable, key: readonly Scalar[]): Row | undefined {
    const t = this.table(table);
    const i = t.indexOf(key);
    return i === undefined ? undefined : t.view(i);
  }

  /**
   * `get` without a view of its own: the row comes through one view per table that the next `peek` of
   * the table moves, so it is to be read at once and never kept (lookups in full runs over big tables).
   */
  peek(table: RuleTable, key: readonly Scalar[]): Row | undefined {
    return this.table(table).peek(key);
  }

  /** Where `fields` are in a row's values, for `eachRaw` (-1 for a column the table lacks). */
  positions(table: RuleTable, fields: readonly string[]): number[] {
    return this.table(table).positions(fields);
  }

  /** Each row's values as stored, read by `positions` (the hottest full-run loops: no view); undefined is empty. */
  eachRaw(table: RuleTable, fn: (values: readonly (Scalar | undefined)[]) => void): void {
    this.table(table).eachRaw(fn);
  }

  /** Each row of a group, through one view moved from row to row (valid during the call only). */
  eachOf(table: RuleTable, fields: readonly string[], values: readonly Scalar[], fn: (row: Row) => void): void {
    this.table(table).eachOf(fields, values, fn);
  }

  /** The row of a table keyed by one `id` column. */
  byId(table: RuleTable, id: Scalar): Row | undefined {
    return this.get(table, [id]);
  }

  rows(table: RuleTable): Row[] {
    return this.table(table).all();
  }

  /** Each row whose `field` is not empty, with that value: the fast way through a big table (the row is valid during the call only). */
  eachValue(table: RuleTable, field: string, fn: (value: NonNullable<Scalar>, row: Row) => void): void {
    this.table(table).eachValue(field, fn);
  }

  size(table: RuleTable): number {
    return this.table(table).size;
  }

  /** Rows of `table` whose `fields` equal `values` (in table order), through an index built once and kept up to date; not to be changed. */
  group(table: RuleTable, fields: readonly string[], values: readonly Scalar[]): Row[] {
    return this.table(table).groupRows(fields, values);
  }

  groupSize(table: RuleTable, fields: readonly string[], values: readonly Scalar[]): number {
    return this.table(table).groupList(fields, values).length;
  }

  /** The one row whose `fields` equal `values`: by the key index when the fields are the key, else the first of the group. */
  find(table: RuleTable, fields: readonly string[], values: readonly Scalar[]): Row | undefined {
    return this.table(table).find(fields, values);
  }

  /** Apply an edit (the same Change the backend applies); returns what happened to the row. */
  apply(change: Change): RowChange | null {
    return isRuleTable(change.table) ? this.table(change.table).apply(change) : null;
  }

  private table(name: RuleTable): Table {
    return this.tables.get(name) as Table;
  }
}

/** SQLite keeps booleans as 0/1; the rules read them that way whichever side the value came from. */
function normalise(value: Scalar): Scalar {
  return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}
