// Collects what one form means for the document: the changes (as undoable edits), the diff against the
// current document, the bound cells (for export back into the workbook), problems and findings.
import type Database from 'better-sqlite3';
import type { Change, Scalar } from '../../../shared/api/edits';
import type { Finding } from '../../../shared/api/validation';
import { formatAmount } from '../../../shared/format/vi';
import { translate, type MessageKey, type MessageParams } from '../../../shared/i18n';
import { BoundCells, type CellTarget, type Rendering } from '../forms/binding';
import type { Edit } from '../edits/apply';
import { editableTable } from '../edits/registry';
import { fromSql, tableSql } from '../edits/sql';
import type { ImportProblem, DiffItem, DiffCounts } from '../../../shared/api/import';
import type { KeyedRows, KeyedRowsByField } from './keyed-runs';
import type { RowIndex } from './row-id';
import type { SheetGrid } from './sheet-grid';

export interface Place {
  row: number;
  col: number;
  /** Human labels of the place: the row (commune, source, project) and the column. */
  rowLabel: string;
  columnLabel: string;
}

const MAX_DIFF_ITEMS = 2_000;


/**
 * One field of many rows whose keys are two integer ids and a fixed rest (the marks of a commune × criterion
 * matrix for one year and side), staged by `setKeyed` without an object per cell.
 */
export interface KeyedField {
  readonly table: string;
  readonly field: string;
  readonly rendering: Rendering;
  /** The key being staged: ids in [0] and [1], then the fixed rest; reused for every cell. */
  readonly key: (string | number)[];
  /** The field's value in the document by the two ids; null when the table has no rows. */
  readonly existing: Map<number, Map<number, Scalar>> | null;
  readonly pending: KeyedRows;
  /** Where this form's rows start in `pending`. */
  readonly start: number;
}
const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

export class StageBuilder {
  private readonly changes: Change[] = [];
  /** Per store of keyed rows this form adds to: where its rows start. */
  private readonly keyedStarts = new Map<KeyedRows, number>();
  readonly cells = new BoundCells();
  readonly problems: ImportProblem[] = [];
  readonly findings: Finding[] = [];
  readonly diff: DiffItem[] = [];
  readonly counts: DiffCounts = { create: 0, change: 0, remove: 0, same: 0 };
  readonly units = new Set<number>();
  rows = 0;
  values = 0;
  /** Per table: whether the document has any row (a form mostly fills empty tables: no lookup per cell). */
  private readonly filled = new Map<string, boolean>();

  /**
   * @param newRows rows this batch inserts, by table and key: shared by every file of the batch, so a
   *   second value for a new row joins its insert instead of becoming a conflicting second insert.
   */
  constructor(
    private readonly db: Database.Database,
    readonly grid: SheetGrid,
    readonly tableLabel: string,
    private readonly newRows: RowIndex<Record<string, Scalar>>,
    private readonly keyedRows: KeyedRowsByField,
  ) {}

  /** What the form changes: the runs of keyed rows it staged, then its other changes. */
  edits(): Edit[] {
    const runs = [...this.keyedStarts].map(([rows, start]) => rows.run(start, rows.length));
    return [...runs.filter((r) => r.count > 0), ...this.changes];
  }

  problem(severity: ImportProblem['severity'], row: number, col: number, key: MessageKey, params: MessageParams = {}): void {
    this.problems.push({ severity, cell: this.grid.address(row, col), message: translate('vi', key, params), messageEn: translate('en', key, params) });
  }

  /** A derived figure of the form (a total, a count, a formula's cached value) that disagrees with the data. */
  mismatch(place: Place, expected: number, actual: number, rule: string, target?: CellTarget): void {
    this.findings.push({
      severity: 'warning',
      rule,
      table: this.tableLabel,
      row: place.rowLabel,
      column: place.columnLabel,
      cell: this.grid.address(place.row, place.col),
      ...(target ? { target } : {}),
      expected,
      actual,
      message: translate('vi', 'import.problem.derivedMismatch', { label: `${place.rowLabel} — ${place.columnLabel}`, actual: formatAmount(actual), expected: formatAmount(expected) }),
    });
  }

  /**
   * Set one field of the document from one cell of the form. An empty value on a row that does not
   * exist yet changes nothing.
   */
  set(target: CellTarget, value: Scalar, place: Place, bound: Rendering | null): void {
    if (bound) this.cells.add(place.row, place.col, target.table, target.field, target.key, bound);
    const current = this.current(target);
    if (!this.changesValue(current, value)) return;
    if (current === undefined) this.insertField(target, value);
    else this.changes.push({ op: 'set', table: target.table, key: target.key, field: target.field, value });
    this.record(current === undefined ? 'create' : 'change', place.row, place.col, place.rowLabel, place.columnLabel, current ?? null, value);
  }

  /** A field staged by `setKeyed` for rows `[id0, id1, ...rest]` of `table`; `rest` completes the table's key. */
  keyedField(table: string, field: string, rest: readonly (string | number)[], rendering: Rendering): KeyedField {
    const keyColumns = editableTable(table)?.keyColumns ?? [];
    if (keyColumns.length !== rest.length + 2 || !IDENTIFIER.test(field)) throw new Error(`${table}.${field}: not a keyed field`);
    const pending = this.keyedRows.of(table, keyColumns, field, rest);
    let start = this.keyedStarts.get(pending);
    if (start === undefined) this.keyedStarts.set(pending, (start = pending.length));
    return { table, field, rendering, key: [0, 0, ...rest], existing: this.existingOf(table, keyColumns, field, rest), pending, start };
  }

  /** `set` for one cell of a keyed field: the same outcome, with no object made for a cell that adds a row. Once per pair of ids and form. */
  setKeyed(target: KeyedField, id0: number, id1: number, value: Scalar, row: number, col: number, rowLabel: string, columnLabel: string): void {
    const key = target.key;
    key[0] = id0;
    key[1] = id1;
    this.cells.add(row, col, target.table, target.field, key, target.rendering);
    const current = target.existing?.get(id0)?.get(id1);
    if (!this.changesValue(current, value)) return;
    if (current !== undefined || !target.pending.stage(id0, id1, value, target.start)) this.changes.push({ op: 'set', table: target.table, key: [...key], field: target.field, value });
    this.record(current === undefined ? 'create' : 'change', row, col, rowLabel, columnLabel, current ?? null, value);
  }

  /** Counts the value; false when it leaves the document as it is. */
  private changesValue(current: Scalar | undefined, value: Scalar): boolean {
    if (value !== null && value !== '') this.values++;
    if (current === undefined && (value === null || value === '')) return false;
    if (current !== undefined && sameValue(current, value)) {
      this.counts.same++;
      return false;
    }
    return true;
  }

  /** A keyed field's values in the document, read in one statement; null when the table is empty. */
  private existingOf(table: string, keyColumns: readonly string[], field: string, rest: readonly (string | number)[]): Map<number, Map<number, Scalar>> | null {
    if (!this.hasRows(table)) return null;
    const where = keyColumns.slice(2).map((k) => `"${k}" = ?`);
    const rows = this.db
      .prepare(`SELECT "${keyColumns[0]}", "${keyColumns[1]}", "${field}" FROM "${table}"${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''}`)
      .raw()
      .all(...rest) as [number, number, Scalar][];
    const spec = editableTable(table)?.columns[field];
    const existing = new Map<number, Map<number, Scalar>>();
    for (const [id0, id1, value] of rows) {
      let byId1 = existing.get(id0);
      if (!byId1) existing.set(id0, (byId1 = new Map()));
      byId1.set(id1, fromSql(value, spec));
    }
    return existing;
  }

  /** A value for a row the document does not have: one insert per new row (cheaper than a set that creates it). */
  private insertField(target: CellTarget, value: Scalar): void {
    const pending = this.newRows.get(target.table, target.key);
    if (pending) {
      pending[target.field] = value;
      return;
    }
    const keyColumns = editableTable(target.table)?.keyColumns ?? [];
    const row: Record<string, Scalar> = {};
    for (let i = 0; i < keyColumns.length; i++) row[keyColumns[i] as string] = target.key[i] as Scalar;
    row[target.field] = value;
    this.newRows.set(target.table, target.key, row);
    this.changes.push({ op: 'insert', table: target.table, row });
  }

  /** A new row; later values for it (by its full key) join this insert. */
  insert(table: string, row: Record<string, Scalar>, place: Place, shown: Scalar): void {
    this.values++;
    const key = editableTable(table)?.keyColumns.map((k) => row[k]);
    if (key?.every((v) => v !== undefined)) this.newRows.set(table, key, row);
    this.changes.push({ op: 'insert', table, row });
    this.record('create', place.row, place.col, place.rowLabel, place.columnLabel, null, shown);
  }

  remove(table: string, key: (string | number)[], rowLabel: string, shown: Scalar): void {
    this.changes.push({ op: 'delete', table, key });
    this.counts.remove++;
    if (this.diff.length < MAX_DIFF_ITEMS) this.diff.push({ action: 'remove', table: this.tableLabel, row: rowLabel, column: '', before: shown, after: null });
  }

  private record(action: 'create' | 'change', row: number, col: number, rowLabel: string, columnLabel: string, before: Scalar, after: Scalar): void {
    this.counts[action]++;
    if (this.diff.length >= MAX_DIFF_ITEMS) return;
    this.diff.push({ action, table: this.tableLabel, row: rowLabel, column: columnLabel, cell: this.grid.address(row, col), before, after });
  }

  /** The value now in the document; undefined when the row does not exist. */
  private current(target: CellTarget): Scalar | undefined {
    if (!this.hasRows(target.table)) return undefined;
    const stored = tableSql(this.db, target.table).field(target.field, target.key);
    return stored === undefined ? undefined : fromSql(stored, editableTable(target.table)?.columns[target.field]);
  }

  private hasRows(table: string): boolean {
    let filled = this.filled.get(table);
    if (filled === undefined) this.filled.set(table, (filled = this.db.prepare(`SELECT 1 FROM "${table}" LIMIT 1`).get() !== undefined));
    return filled;
  }
}

function sameValue(a: Scalar, b: Scalar): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 1e-9;
  return a === b;
}
