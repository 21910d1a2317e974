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

/** The latest imported workbook of `form` for the plan (or, failing that, for the year), if any. */
export function findStoredWorkbook(db: Database.Database, form: string, planId: number, year: number): StoredWorkbook | null {
  const rows = db
    .prepare('SELECT id, plan_id, form, sheet, file_name, binding, imported_at FROM workbook WHERE form = ? ORDER BY imported_at DESC, id DESC')
    .all(form) as Omit<WorkbookRow, 'bytes'>[];
  const candidates = rows.map((r) => ({ row: r, binding: parseBinding(r.binding, r.id) }));
  const match =
    candidates.find((c) => c.row.plan_id === planId) ?? candidates.find((c) => c.row.plan_id === null && c.binding.year === year);
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
