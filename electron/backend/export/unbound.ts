// Figures the province's workbook has no cell for (a commune or a project added after the import): export
// into the original cannot add rows without breaking its formulas and merges, so it says what is left out.
import type Database from 'better-sqlite3';
import type { Binding } from '../forms/binding';

/** Columns that place a row in a plan, a year or a side; rows sharing the bound rows' values are the form's scope. */
const SCOPE_COLUMNS = ['plan_id', 'year', 'kind'];

export interface Unbound {
  table: string;
  /** Rows of the form's scope that hold a figure but have no cell in the workbook. */
  rows: number;
}

export function unboundRows(db: Database.Database, binding: Binding): Unbound[] {
  const byTable = new Map<string, { fields: Set<string>; keys: Set<string>; sample: (string | number)[] }>();
  for (const cell of binding.cells) {
    const entry = byTable.get(cell.target.table) ?? { fields: new Set<string>(), keys: new Set<string>(), sample: cell.target.key };
    entry.fields.add(cell.target.field);
    entry.keys.add(JSON.stringify(cell.target.key));
    byTable.set(cell.target.table, entry);
  }
  const out: Unbound[] = [];
  for (const [table, { fields, keys, sample }] of byTable) {
    const columns = db.prepare('SELECT name, pk FROM pragma_table_info(?)').all(table) as { name: string; pk: number }[];
    const keyColumns = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
    const names = new Set(columns.map((c) => c.name));
    const valued = [...fields].filter((f) => names.has(f));
    if (valued.length === 0 || keyColumns.length !== sample.length) continue;
    // Identifiers below come from the schema itself, never from the binding.
    const sampleRow = db.prepare(`SELECT * FROM "${table}" WHERE ${keyColumns.map((k) => `"${k}" = ?`).join(' AND ')}`).get(...sample) as
      | Record<string, unknown>
      | undefined;
    if (!sampleRow) continue;
    const scope = SCOPE_COLUMNS.filter((c) => names.has(c));
    // A scope column in the key can differ between bound rows (status 2024 and plan 2025): each value set is a scope.
    const combos = new Map<string, Record<string, unknown>>();
    for (const key of keys) {
      const tuple = JSON.parse(key) as unknown[];
      const combo = Object.fromEntries(scope.map((c) => [c, keyColumns.includes(c) ? tuple[keyColumns.indexOf(c)] : sampleRow[c]]));
      combos.set(JSON.stringify(combo), combo);
    }
    const where = [
      ...scope.map((c) => `"${c}" = @${c}`),
      `(${valued.map((f) => `("${f}" IS NOT NULL AND "${f}" <> '' AND "${f}" <> 0)`).join(' OR ')})`,
    ].join(' AND ');
    const select = db.prepare(`SELECT ${keyColumns.map((k) => `"${k}"`).join(', ')} FROM "${table}" WHERE ${where}`).raw();
    let missing = 0;
    for (const combo of combos.values()) missing += (select.all(combo) as unknown[][]).filter((r) => !keys.has(JSON.stringify(r))).length;
    if (missing > 0) out.push({ table, rows: missing });
  }
  return out;
}
