// SQL for generic changes: statements prepared once per document and table, over identifiers that
// come from the registry or from our own undo records, never from free text.
import type Database from 'better-sqlite3';
import type { Change, Scalar } from '../../../shared/api/edits';
import { runRow, type InsertRun } from './step-record';
import { AppError } from '../errors';
import { editableTable, type ColumnSpec, type EditableTable } from './registry';

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

class TableSql {
  private readonly where: string;
  private readonly name: string;
  private readonly byKey = new Map<string, Database.Statement>();
  // Per field, looked up once per change of a paste: no SQL or key text is built on the way.
  private readonly getters = new Map<string, Database.Statement>();
  private readonly setters = new Map<string, Database.Statement>();
  private lastInsert: { columns: string[]; statement: Database.Statement; values: (string | number | null)[] } | null = null;
  readonly keyTypes: ('integer' | 'text')[];
  /** The key columns are the primary key or a unique index: SQLite itself refuses a second row with a key. */
  readonly uniqueKey: boolean;

  constructor(
    private readonly db: Database.Database,
    readonly table: EditableTable,
  ) {
    this.name = ident(table.name);
    this.where = table.keyColumns.map((k) => `${ident(k)} = ?`).join(' AND ');
    const info = db.prepare(`PRAGMA table_info(${this.name})`).all() as { name: string; type: string; pk: number }[];
    this.keyTypes = table.keyColumns.map((k) => (info.find((c) => c.name === k)?.type.toUpperCase() === 'INTEGER' ? 'integer' : 'text'));
    this.uniqueKey = sameColumns(info.filter((c) => c.pk > 0).map((c) => c.name), table.keyColumns) || this.uniqueIndexes().some((columns) => sameColumns(columns, table.keyColumns));
  }

  /** Columns of each unique index of the table. */
  private uniqueIndexes(): string[][] {
    const indexes = this.db.prepare(`PRAGMA index_list(${this.name})`).all() as { name: string; unique: number }[];
    return indexes.filter((i) => i.unique).map((i) => (this.db.prepare('SELECT name FROM pragma_index_info(?)').all(i.name) as { name: string }[]).map((c) => c.name));
  }

  private cached(key: string, sql: string): Database.Statement {
    let stmt = this.byKey.get(key);
    if (!stmt) this.byKey.set(key, (stmt = this.db.prepare(sql)));
    return stmt;
  }

  row(key: readonly (string | number)[]): Record<string, unknown> | undefined {
    return this.cached('row', `SELECT * FROM ${this.name} WHERE ${this.where}`).get(...key) as Record<string, unknown> | undefined;
  }

  /** The field's value, or undefined when the row does not exist. */
  field(field: string, key: readonly (string | number)[]): Scalar | undefined {
    let statement = this.getters.get(field);
    if (!statement) this.getters.set(field, (statement = this.db.prepare(`SELECT ${ident(field)} FROM ${this.name} WHERE ${this.where}`).pluck()));
    return statement.get(...key) as Scalar | undefined;
  }

  update(field: string, value: Scalar, key: readonly (string | number)[]): number {
    let statement = this.setters.get(field);
    if (!statement) this.setters.set(field, (statement = this.db.prepare(`UPDATE ${this.name} SET ${ident(field)} = ? WHERE ${this.where}`)));
    return statement.run(toSql(value), ...key).changes;
  }

  insert(row: Record<string, Scalar>): number {
    // Rows of one batch have the same columns: the last statement and its value array are reused while they do.
    const last = this.lastInsert;
    if (last) {
      const columns = last.columns;
      let n = 0;
      for (; n < columns.length; n++) {
        const value = row[columns[n] as string];
        if (value === undefined) break;
        last.values[n] = toSql(value);
      }
      if (n === columns.length && Object.keys(row).length === n) return Number(last.statement.run(last.values).lastInsertRowid);
    }
    const columns = Object.keys(row);
    const statement = this.insertStatement(columns);
    const values = columns.map((c) => toSql(row[c] as Scalar));
    this.lastInsert = { columns, statement, values };
    return Number(statement.run(values).lastInsertRowid);
  }

  /**
   * Insert a run's rows. A column with one value throughout is written into the statement (SQLite then
   * binds nothing for it per row); the others are bound per row from one array. A refused row is reported
   * as its own insert would be.
   */
  insertRun(run: InsertRun): void {
    const placeholders = run.values.map((column) => (Array.isArray(column) ? '?' : (sqlLiteral(toSql(column.all)) ?? '?')));
    const statement = this.insertStatement(run.columns, placeholders);
    const bound = run.values.filter((_column, k) => placeholders[k] === '?');
    const values = bound.map((column) => (Array.isArray(column) ? null : toSql(column.all)));
    const varying = bound.flatMap((column, k) => (Array.isArray(column) ? [k] : []));
    let r = 0;
    try {
      for (; r < run.count; r++) {
        for (let v = 0; v < varying.length; v++) {
          const k = varying[v] as number;
          values[k] = toSql((bound[k] as Scalar[])[r] as Scalar);
        }
        statement.run(values);
      }
    } catch (error) {
      throw toAppError(error, { op: 'insert', table: run.table, row: runRow(run, r) });
    }
  }

  private insertStatement(columns: readonly string[], placeholders: readonly string[] = columns.map(() => '?')): Database.Statement {
    return this.cached(`insert ${columns.join(',')} ${placeholders.join(',')}`, `INSERT INTO ${this.name} (${columns.map(ident).join(', ')}) VALUES (${placeholders.join(', ')})`);
  }

  delete(key: readonly (string | number)[]): void {
    this.cached('delete', `DELETE FROM ${this.name} WHERE ${this.where}`).run(...key);
  }
}

const tables = new WeakMap<Database.Database, Map<string, TableSql>>();

function ident(name: string): string {
  if (!IDENTIFIER.test(name)) throw new AppError('edits.unknownField', { table: '?', field: name });
  return `"${name}"`;
}

const sameColumns = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((c) => b.includes(c));

const toSql = (value: Scalar): string | number | null => (typeof value === 'boolean' ? (value ? 1 : 0) : value);

/** SQLite keeps booleans as 0/1; changes carry them as booleans. */
export function fromSql(value: Scalar, spec: ColumnSpec | undefined): Scalar {
  return spec?.type === 'boolean' && value !== null ? value === 1 || value === true : value;
}

/** A short value as an SQL literal (text quoted, its quotes doubled); null for one that is better bound. */
function sqlLiteral(value: string | number | null): string | null {
  if (value === null) return 'NULL';
  if (typeof value === 'number') return Number.isSafeInteger(value) ? String(value) : null;
  return value.length <= 100 && !value.includes('\0') ? `'${value.replaceAll("'", "''")}'` : null;
}

/** The statements of one registered table on one document. */
export function tableSql(db: Database.Database, name: string): TableSql {
  let cache = tables.get(db);
  if (!cache) tables.set(db, (cache = new Map()));
  let sql = cache.get(name);
  if (!sql) {
    const table = editableTable(name);
    if (!table) throw new AppError('edits.unknownTable', { table: name });
    cache.set(name, (sql = new TableSql(db, table)));
  }
  return sql;
}

/** What `executeChange` returns when it assigned nothing. */
export const NOTHING: Readonly<Record<string, Scalar>> = Object.freeze({});

/**
 * Run one change. A 'set' on a missing row creates it (with the registry's defaults); an 'insert'
 * without its integer id gets one, returned so the undo record can name the row.
 */
export function executeChange(db: Database.Database, change: Change): Readonly<Record<string, Scalar>> {
  const sql = tableSql(db, change.table);
  const { table } = sql;
  try {
    if (change.op === 'set') {
      if (sql.update(change.field, change.value, change.key) > 0) return NOTHING;
      const row: Record<string, Scalar> = {};
      for (const [name, spec] of Object.entries(table.columns)) if (spec.defaultValue !== undefined) row[name] = spec.defaultValue;
      table.keyColumns.forEach((k, i) => (row[k] = change.key[i] as Scalar));
      row[change.field] = change.value;
      sql.insert(row);
      return NOTHING;
    }
    if (change.op === 'insert') {
      const id = sql.insert(change.row);
      const only = table.keyColumns.length === 1 ? (table.keyColumns[0] as string) : null;
      return only !== null && change.row[only] === undefined ? { [only]: id } : NOTHING;
    }
    sql.delete(change.key);
    return NOTHING;
  } catch (error) {
    throw toAppError(error, change);
  }
}

function toAppError(error: unknown, change: Change): unknown {
  const code = (error as { code?: string }).code ?? '';
  const where = change.op === 'insert' ? JSON.stringify(change.row) : change.key.join(', ');
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return new AppError('edits.badReference', { table: change.table, key: where });
  if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE') return new AppError('edits.rowExists', { table: change.table, key: where });
  if (code.startsWith('SQLITE_CONSTRAINT')) return new AppError('edits.constraint', { table: change.table, key: where });
  return error;
}
