// Reading the document value a bound cell points to (table / key / field), for any data table of the
// schema. Key columns and fields are checked against the table's own definition, never trusted.
import type Database from 'better-sqlite3';
import type { CellTarget } from '../forms/binding';
import { AppError } from '../errors';

/** Tables that hold no form data. */
const NOT_DATA = new Set(['meta', 'undo_step', 'workbook']);

export type TargetValue = string | number | null;

export interface TargetReader {
  /** The value; for a text cell bound to a reference (project.unit_id), the name of the row it points to. */
  read(target: CellTarget, asText?: boolean): TargetValue;
}

export function targetReader(db: Database.Database): TargetReader {
  const statements = new Map<string, Database.Statement>();
  const keyColumns = new Map<string, string[]>();

  function tableKey(table: string): string[] {
    const cached = keyColumns.get(table);
    if (cached) return cached;
    const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);
    if (!exists || NOT_DATA.has(table)) throw new AppError('export.error.badTarget', { target: table });
    const columns = db.prepare('SELECT name, pk FROM pragma_table_info(?)').all(table) as { name: string; pk: number }[];
    const key = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
    keyColumns.set(table, key);
    return key;
  }

  const columnsOf = (table: string) => (db.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[]).map((c) => c.name);

  function statement(table: string, field: string, asText: boolean): Database.Statement {
    const id = `${table}.${field}.${asText}`;
    const cached = statements.get(id);
    if (cached) return cached;
    const key = tableKey(table);
    if (!columnsOf(table).includes(field)) throw new AppError('export.error.badTarget', { target: `${table}.${field}` });
    // Identifiers come from the schema itself (checked above), so quoting them is safe.
    const where = key.map((k) => `t."${k}" = ?`).join(' AND ');
    const ref = asText ? referencedName(table, field) : null;
    const stmt = ref
      ? db.prepare(`SELECT r."${ref.column}" AS value FROM "${table}" t LEFT JOIN "${ref.table}" r ON r."${ref.to}" = t."${field}" WHERE ${where}`)
      : db.prepare(`SELECT t."${field}" AS value FROM "${table}" t WHERE ${where}`);
    statements.set(id, stmt);
    return stmt;
  }

  /** The name (or label) column of the table a foreign key points to, when it has one. */
  function referencedName(table: string, field: string): { table: string; to: string; column: string } | null {
    const fk = db.prepare('SELECT "table" AS target, "to" FROM pragma_foreign_key_list(?) WHERE "from" = ?').get(table, field) as
      | { target: string; to: string | null }
      | undefined;
    if (!fk) return null;
    const column = columnsOf(fk.target).find((c) => c === 'name' || c === 'label');
    return column ? { table: fk.target, to: fk.to ?? 'id', column } : null;
  }

  return {
    read(target, asText = false) {
      const stmt = statement(target.table, target.field, asText);
      if (target.key.length !== tableKey(target.table).length) throw new AppError('export.error.badTarget', { target: `${target.table} ${JSON.stringify(target.key)}` });
      const row = stmt.get(...target.key) as { value: unknown } | undefined;
      const value = row?.value;
      if (value === undefined || value === null) return null;
      if (typeof value === 'bigint') return Number(value);
      return typeof value === 'number' || typeof value === 'string' ? value : String(value);
    },
  };
}
