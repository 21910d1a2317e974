// Which SQLite tables and columns the generic edit path may touch. Each domain registers its own
// tables from its own module (see ./matrix-tables.ts); nothing else is editable through 'edits.apply'.
export type ColumnType = 'integer' | 'real' | 'text' | 'boolean';

export interface ColumnSpec {
  type: ColumnType;
  nullable: boolean;
  /** Allowed values of a text column (mirrors a CHECK constraint so the user gets a clear message). */
  values?: readonly string[];
  /** Value given to this column when a 'set' on another column creates the row. */
  defaultValue?: string | number | boolean | null;
}

export interface EditableTable {
  name: string;
  /** Primary-key columns, in the order a change's `key` lists them. */
  keyColumns: readonly string[];
  columns: Readonly<Record<string, ColumnSpec>>;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
const tables = new Map<string, EditableTable>();

export function registerEditableTable(table: EditableTable): void {
  const names = [table.name, ...table.keyColumns, ...Object.keys(table.columns)];
  const bad = names.find((n) => !IDENTIFIER.test(n));
  if (bad !== undefined) throw new Error(`editable table ${table.name}: bad identifier ${bad}`);
  if (table.keyColumns.length === 0) throw new Error(`editable table ${table.name}: no key columns`);
  tables.set(table.name, table);
}

export function editableTable(name: string): EditableTable | undefined {
  return tables.get(name);
}
