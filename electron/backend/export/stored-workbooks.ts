// The province's own workbooks kept by import (table `workbook`), as export needs them.
import type Database from 'better-sqlite3';
import { Binding } from '../forms/binding';
import { AppError } from '../errors';

export interface StoredWorkbook {
  id: number;
  planId: number | null;
  form: string;
  sheet: string;
  fileName: string;
  bytes: Uint8Array;
  binding: Binding;
  importedAt: string;
}

interface WorkbookRow {
  id: number;
  plan_id: number | null;
  form: string;
  sheet: string;
  file_name: string;
  bytes: Buffer;
  binding: string;
  imported_at: string;
}

export interface WorkbookScope {
  planId: number | null;
  /** The plan's years; a form of the status at 31/12 of the year before the plan belongs to it too. */
  from: number | null;
  to: number | null;
}

/** The latest imported workbook of `form` for the plan (or, failing that, for its years), if any. */
export function findStoredWorkbook(db: Database.Database, form: string, scope: WorkbookScope): StoredWorkbook | null {
  const rows = db
    .prepare('SELECT id, plan_id, form, sheet, file_name, binding, imported_at FROM workbook WHERE form = ? ORDER BY imported_at DESC, id DESC')
    .all(form) as Omit<WorkbookRow, 'bytes'>[];
  const candidates = rows.map((r) => ({ row: r, binding: parseBinding(r.binding, r.id) }));
  const inYears = (year: number | null) =>
    scope.from === null || (year !== null && year >= scope.from - 1 && year <= (scope.to ?? scope.from));
  const match =
    (scope.planId === null ? undefined : candidates.find((c) => c.row.plan_id === scope.planId)) ??
    candidates.find((c) => c.row.plan_id === null && inYears(c.binding.year));
  if (!match) return null;
  const { bytes } = db.prepare('SELECT bytes FROM workbook WHERE id = ?').get(match.row.id) as { bytes: Buffer };
  return {
    id: match.row.id,
    planId: match.row.plan_id,
    form: match.row.form,
    sheet: match.row.sheet,
    fileName: match.row.file_name,
    bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    binding: match.binding,
    importedAt: match.row.imported_at,
  };
}

function parseBinding(json: string, id: number): Binding {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    raw = null;
  }
  const parsed = Binding.safeParse(raw);
  if (!parsed.success) throw new AppError('export.error.badBinding', { detail: `workbook #${id}` });
  return parsed.data;
}
