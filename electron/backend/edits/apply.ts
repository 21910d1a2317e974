// The one write path for user edits: validate changes against the registry, apply them in one
// transaction (a savepoint inside a caller's transaction) and record one undo step with the inverse.
import type Database from 'better-sqlite3';
import type { Change, Scalar } from '../../../shared/api/edits';
import { AppError } from '../errors';
import { editableTable, type ColumnSpec, type EditableTable } from './registry';
import { executeChange, fromSql, NOTHING, tableSql } from './sql';
import { encodeChanges, groupRuns, runRow, type Column, type DeleteRun, type InsertRun, type StepItem } from './step-record';

/** What one step applies: changes, and runs of inserts an import stages column by column. */
export type Edit = Change | InsertRun;

/** Oldest steps beyond this many are forgotten. */
const MAX_UNDO_STEPS = 200;

export function applyChanges(db: Database.Database, label: string, changes: readonly Edit[]): { stepId: number } {
  return db.transaction(() => {
    const forward: StepItem[] = [];
    const inverse: StepItem[] = [];
    // Runs of inserts that name their whole key (the communes and their status rows an import adds) go in as runs.
    for (const change of groupRuns(changes, { inserts: namesWholeKey, deletes: false }) as Edit[]) {
      if (change.op === 'inserts') {
        if (change.count === 0) continue;
        validateRun(db, change);
        tableSql(db, change.table).insertRun(change);
        forward.push(change);
        inverse.push(deletesOf(change));
        continue;
      }
      const normalised = validate(db, change);
      const applied = applyOne(db, normalised);
      if (!applied) continue;
      forward.push(applied.forward);
      inverse.push(applied.inverse);
    }
    if (forward.length === 0) return { stepId: 0 };
    // Undo runs the inverses last change first.
    inverse.reverse();
    return { stepId: recordStep(db, label, forward, inverse) };
  })();
}

function recordStep(db: Database.Database, label: string, forward: StepItem[], inverse: StepItem[]): number {
  db.prepare('DELETE FROM undo_step WHERE undone = 1').run();
  const id = Number(
    db
      .prepare('INSERT INTO undo_step (label, forward, inverse, undone, created_at) VALUES (?, ?, ?, 0, ?)')
      .run(label, encodeChanges(forward), encodeChanges(inverse), new Date().toISOString()).lastInsertRowid,
  );
  db.prepare('DELETE FROM undo_step WHERE id <= ?').run(id - MAX_UNDO_STEPS);
  return id;
}

/** Apply one validated change; null when it changes nothing (the same value again). */
function applyOne(db: Database.Database, change: Change): { forward: Change; inverse: Change } | null {
  const table = editableTable(change.table) as EditableTable;
  if (change.op === 'set') {
    const stored = tableSql(db, table.name).field(change.field, change.key);
    const old = stored === undefined ? undefined : fromSql(stored, table.columns[change.field]);
    if (old === change.value) return null;
    executeChange(db, change);
    return { forward: change, inverse: old === undefined ? { op: 'delete', table: table.name, key: change.key } : { ...change, value: old } };
  }
  if (change.op === 'insert') {
    const assigned = insertRow(db, table, change);
    const forward = assigned === NOTHING ? change : { ...change, row: { ...change.row, ...assigned } };
    const key = table.keyColumns.map((k) => forward.row[k] as string | number);
    return { forward, inverse: { op: 'delete', table: table.name, key } };
  }
  const before = tableSql(db, table.name).row(change.key);
  if (!before) throw new AppError('edits.rowMissing', { table: table.name, key: change.key.join(', ') });
  executeChange(db, change);
  const row = Object.fromEntries(Object.entries(before).map(([k, v]) => [k, fromSql(v as Scalar, table.columns[k])]));
  return { forward: change, inverse: { op: 'insert', table: table.name, row } };
}

function namesWholeKey(insert: Extract<Change, { op: 'insert' }>): boolean {
  return editableTable(insert.table)?.keyColumns.every((k) => insert.row[k] !== undefined) ?? false;
}

/** The deletes undoing a run: its key columns. */
function deletesOf(run: InsertRun): DeleteRun {
  const table = editableTable(run.table) as EditableTable;
  return { op: 'deletes', table: run.table, count: run.count, keys: table.keyColumns.map((k) => run.values[run.columns.indexOf(k)] as Column) };
}

/** A run is checked as its inserts would be, a column at a time; every key column must be given. */
function validateRun(db: Database.Database, run: InsertRun): void {
  const table = editableTable(run.table);
  if (!table) throw new AppError('edits.unknownTable', { table: run.table });
  const keyTypes = tableSql(db, table.name).keyTypes;
  const shapeless = run.values.length !== run.columns.length || new Set(run.columns).size !== run.columns.length || run.values.some((c) => Array.isArray(c) && c.length !== run.count);
  if (shapeless || !Number.isSafeInteger(run.count)) throw new AppError('edits.badKey', { table: table.name, key: run.columns.join(', ') });
  for (const [i, k] of table.keyColumns.entries()) {
    const column = run.values[run.columns.indexOf(k)];
    if (!column) throw new AppError('edits.badKey', { table: table.name, key: k });
    forEachValue(column, run.count, (value) => {
      if (!keyValueFits(value, keyTypes[i])) throw new AppError('edits.badKey', { table: table.name, key: String(value) });
    });
  }
  run.columns.forEach((field, k) => {
    if (table.keyColumns.includes(field)) return;
    const spec = table.columns[field];
    if (!spec) throw new AppError('edits.unknownField', { table: table.name, field });
    forEachValue(run.values[k] as Column, run.count, (value) => checkValue(table, field, spec, value));
  });
  if (!tableSql(db, table.name).uniqueKey) {
    // SQLite does not refuse a second row with the key: one already there, or twice in the run, is refused here.
    const keys = new Set<string>();
    for (let r = 0; r < run.count; r++) {
      const row = runRow(run, r);
      refuseExisting(db, table, row);
      const key = JSON.stringify(table.keyColumns.map((k) => row[k]));
      if (keys.has(key)) throw new AppError('edits.rowExists', { table: table.name, key: table.keyColumns.map((k) => row[k]).join(', ') });
      keys.add(key);
    }
  }
}

function forEachValue(column: Column, count: number, check: (value: Scalar) => void): void {
  if (!Array.isArray(column)) return check(column.all);
  for (let r = 0; r < count; r++) check(column[r] as Scalar);
}

function validate(db: Database.Database, change: Change): Change {
  const table = editableTable(change.table);
  if (!table) throw new AppError('edits.unknownTable', { table: change.table });
  if (change.op === 'set') {
    checkKey(db, table, change.key);
    const spec = table.columns[change.field];
    if (!spec) throw new AppError('edits.unknownField', { table: table.name, field: change.field });
    checkValue(table, change.field, spec, change.value);
    return change;
  }
  if (change.op === 'delete') {
    checkKey(db, table, change.key);
    return change;
  }
  const keyTypes = tableSql(db, table.name).keyTypes;
  const autoId = table.keyColumns.length === 1 && keyTypes[0] === 'integer' && table.keyColumns[0] === 'id';
  for (const [i, k] of table.keyColumns.entries()) {
    const value = change.row[k];
    if (value === undefined && autoId) continue;
    if (!keyValueFits(value, keyTypes[i])) throw new AppError('edits.badKey', { table: table.name, key: String(value) });
  }
  for (const field in change.row) {
    if (table.keyColumns.includes(field)) continue;
    const spec = table.columns[field];
    if (!spec) throw new AppError('edits.unknownField', { table: table.name, field });
    checkValue(table, field, spec, change.row[field] as Scalar);
  }
  // A key SQLite keeps unique is checked by the insert itself (see insertRow); others are looked up first.
  if (!tableSql(db, table.name).uniqueKey) refuseExisting(db, table, change.row);
  return change;
}

/** Insert a validated row; a row with the same key already there is refused as `refuseExisting` says it. */
function insertRow(db: Database.Database, table: EditableTable, change: Extract<Change, { op: 'insert' }>): Readonly<Record<string, Scalar>> {
  try {
    return executeChange(db, change);
  } catch (error) {
    if (error instanceof AppError && error.code === 'edits.rowExists') refuseExisting(db, table, change.row);
    throw error;
  }
}

function refuseExisting(db: Database.Database, table: EditableTable, row: Record<string, Scalar>): void {
  const key = table.keyColumns.map((k) => row[k]);
  if (key.every((v) => v !== undefined) && tableSql(db, table.name).row(key as (string | number)[]) !== undefined) {
    throw new AppError('edits.rowExists', { table: table.name, key: key.join(', ') });
  }
}

function checkKey(db: Database.Database, table: EditableTable, key: (string | number)[]): void {
  const types = tableSql(db, table.name).keyTypes;
  if (key.length !== table.keyColumns.length || key.some((v, i) => !keyValueFits(v, types[i]))) {
    throw new AppError('edits.badKey', { table: table.name, key: key.join(', ') });
  }
}

function keyValueFits(value: Scalar | undefined, type: 'integer' | 'text' | undefined): boolean {
  return type === 'integer' ? typeof value === 'number' && Number.isSafeInteger(value) : typeof value === 'string';
}

function checkValue(table: EditableTable, field: string, spec: ColumnSpec, value: Scalar): void {
  const fits =
    value === null
      ? spec.nullable
      : spec.type === 'boolean'
        ? typeof value === 'boolean'
        : spec.type === 'text'
          ? typeof value === 'string' && (!spec.values || spec.values.includes(value))
          : typeof value === 'number' && Number.isFinite(value) && (spec.type === 'real' || Number.isSafeInteger(value));
  if (!fits) throw new AppError('edits.badValue', { table: table.name, field, value: JSON.stringify(value) });
}
