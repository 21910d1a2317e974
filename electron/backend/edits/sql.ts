// SQL for generic changes: cached statements over identifiers that come from the registry or from
// our own undo records, never from free text.
import type Database from 'better-sqlite3';
import type { Change, Scalar } from '../../../shared/api/edits';
import { AppError } from '../errors';
import { editableTable } from './registry';

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();
const keyTypes = new WeakMap<Database.Database, Map<string, ('integer' | 'text')[]>>();

function ident(name: string): string {
  if (!IDENTIFIER.test(name)) throw new AppError('edits.unknownField', { table: '?', field: name });
  return `"${name}"`;
}

function statement(db: Database.Database, sql: string): Database.Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) cache.set(sql, (stmt = db.prepare(sql)));
  return stmt;
}

const where = (keyColumns: readonly string[]) => keyColumns.map((k) => `${ident(k)} = ?`).join(' AND ');
const toSql = (value: Scalar): string | number | null => (typeof value === 'boolean' ? (value ? 1 : 0) : value);

/** Declared types of the key columns (INTEGER or text), read once per document. */
export function keyTypesOf(db: Database.Database, table: string, keyColumns: readonly string[]): ('integer' | 'text')[] {
  let cache = keyTypes.get(db);
  if (!cache) keyTypes.set(db, (cache = new Map()));
  let types = cache.get(table);
  if (!types) {
    const info = db.prepare(`PRAGMA table_info(${ident(table)})`).all() as { name: string; type: string }[];
    types = keyColumns.map((k) => (info.find((c) => c.name === k)?.type.toUpperCase() === 'INTEGER' ? 'integer' : 'text'));
    cache.set(table, types);
  }
  return types;
}

export function readRow(db: Database.Database, table: string, keyColumns: readonly string[], key: readonly (string | number)[]): Record<string, unknown> | undefined {
  return statement(db, `SELECT * FROM ${ident(table)} WHERE ${where(keyColumns)}`).get(...key) as Record<string, unknown> | undefined;
}

export function rowExists(db: Database.Database, table: string, keyColumns: readonly string[], key: readonly (string | number)[]): boolean {
  return statement(db, `SELECT 1 FROM ${ident(table)} WHERE ${where(keyColumns)}`).get(...key) !== undefined;
}

/**
 * Run one change. A 'set' on a missing row creates it (with the registry's defaults); an 'insert'
 * without its integer id gets one, returned so the undo record can name the row.
 */
export function executeChange(db: Database.Database, change: Change): Record<string, Scalar> {
  const table = editableTable(change.table);
  if (!table) throw new AppError('edits.unknownTable', { table: change.table });
  try {
    if (change.op === 'set') {
      const updated = statement(db, `UPDATE ${ident(table.name)} SET ${ident(change.field)} = ? WHERE ${where(table.keyColumns)}`).run(
        toSql(change.value),
        ...change.key,
      ).changes;
      if (updated > 0) return {};
      const row: Record<string, Scalar> = {};
      for (const [name, spec] of Object.entries(table.columns)) if (spec.defaultValue !== undefined) row[name] = spec.defaultValue;
      table.keyColumns.forEach((k, i) => (row[k] = change.key[i] as Scalar));
      row[change.field] = change.value;
      return insert(db, table.name, row);
    }
    if (change.op === 'insert') {
      const id = insert(db, table.name, change.row);
      return table.keyColumns.length === 1 && change.row[table.keyColumns[0] as string] === undefined ? { [table.keyColumns[0] as string]: id.rowid as number } : {};
    }
    statement(db, `DELETE FROM ${ident(table.name)} WHERE ${where(table.keyColumns)}`).run(...change.key);
    return {};
  } catch (error) {
    throw toAppError(error, change);
  }
}

function insert(db: Database.Database, table: string, row: Record<string, Scalar>): { rowid: number } {
  const columns = Object.keys(row);
  const sql = `INSERT INTO ${ident(table)} (${columns.map(ident).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
  return { rowid: Number(statement(db, sql).run(...columns.map((c) => toSql(row[c] as Scalar))).lastInsertRowid) };
}

function toAppError(error: unknown, change: Change): unknown {
  const code = (error as { code?: string }).code ?? '';
  const where = change.op === 'insert' ? JSON.stringify(change.row) : change.key.join(', ');
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return new AppError('edits.badReference', { table: change.table, key: where });
  if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE') return new AppError('edits.rowExists', { table: change.table, key: where });
  if (code.startsWith('SQLITE_CONSTRAINT')) return new AppError('edits.constraint', { table: change.table, key: where });
  return error;
}
