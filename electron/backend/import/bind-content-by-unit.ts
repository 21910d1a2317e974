// Biểu 07: recurrent capital by content (rows, numbered 1, 2; 1.1, 1.2) × commune (columns). Leaf
// contents' amounts are stored per commune; a content with parts and the total row and column are
// derived: checked against the amounts, not stored. Contents are the plan's own, matched by label or added.
import type Database from 'better-sqlite3';
import { AppError } from '../errors';
import type { BatchContext } from './batch-context';
import type { BoundForm } from './bind-criteria-matrix';
import { formatDecimals, readNumber } from './cell-values';
import { numberingColumn } from './columns';
import type { ContentByUnitForm } from './form-definition';
import type { Recognised } from './recognise';
import type { StageBuilder } from './stage-builder';
import { fold, matchesAny } from './text-match';
import { unitColumns } from './unit-columns';
import { planOfForm } from './plan-resolver';

interface ContentRow {
  row: number;
  code: string;
  label: string;
  depth: number;
  parent: ContentRow | null;
  children: ContentRow[];
  contentId: number;
}

export function bindContentByUnit(batch: BatchContext, found: Recognised, form: ContentByUnitForm, out: StageBuilder): BoundForm {
  const { grid, header } = found;
  const sttCol = numberingColumn(header);
  const { year, plan } = planOfForm(batch, found);
  const totalCols = [...header.labels].filter(([, parts]) => matchesAny(parts.at(-1) as string, form.totalColumns)).map(([col]) => col);
  const columns = unitColumns(batch, found, new Set([...(sttCol ? [sttCol] : []), ...totalCols]), { other: form.otherColumns }, out);
  if (columns.length === 0) throw new AppError('import.unknownForm');

  const existing = plan.created ? [] : existingContents(batch.db, plan.id);
  const rows: ContentRow[] = [];
  const totals: number[] = [];
  const open: ContentRow[] = [];
  for (const { row: r, key: label } of grid.bodyRows(header, header.keyColumn, form.stopRows)) {
    if (!label) continue;
    const code = sttCol ? grid.text(r, sttCol) : '';
    if (code === '' && matchesAny(label, form.totalRows)) {
      totals.push(r);
      continue;
    }
    const depth = code.split('.').filter(Boolean).length || 1;
    while (open.length >= depth) open.pop();
    const parent = open.at(-1) ?? null;
    const match = existing.find((c) => fold(c.label) === fold(label) && c.parent_id === (parent?.contentId ?? null));
    const contentId = match?.id ?? batch.nextId('recurrent_content');
    if (!match) {
      out.insert('recurrent_content', { id: contentId, plan_id: plan.id, parent_id: parent?.contentId ?? null, code, label, ord: rows.length + 1 }, { row: r, col: header.keyColumn, rowLabel: label, columnLabel: '' }, label);
    }
    const row: ContentRow = { row: r, code, label, depth, parent, children: [], contentId };
    parent?.children.push(row);
    open.push(row);
    rows.push(row);
  }

  const amount = (r: number, col: number) => {
    const read = readNumber(grid.cell(r, col));
    return read.ok ? read.value : null;
  };
  const sumOf = (row: ContentRow, col: number): number => (row.children.length === 0 ? (amount(row.row, col) ?? 0) : row.children.reduce((n, c) => n + sumOf(c, col), 0));
  for (const row of rows) {
    out.rows++;
    for (const column of columns) {
      const place = { row: row.row, col: column.col, rowLabel: row.label, columnLabel: column.name };
      const cell = grid.cell(row.row, column.col);
      const read = readNumber(cell);
      if (!read.ok) {
        out.problem('error', row.row, column.col, read.key, read.params);
        continue;
      }
      if (row.children.length > 0) {
        const parts = round(sumOf(row, column.col));
        if (read.value !== null && Math.abs(read.value - parts) >= 0.0005) out.mismatch(place, parts, read.value, 'import.contentParts');
        continue;
      }
      out.units.add(column.unitId);
      const decimals = formatDecimals(cell?.numFmt);
      out.set({ table: 'recurrent_amount', key: [row.contentId, column.unitId], field: 'amount' }, read.value, place, { kind: 'number', ...(decimals !== undefined ? { decimals } : {}) });
    }
    for (const col of totalCols) {
      const stated = amount(row.row, col);
      const expected = round(columns.reduce((n, c) => n + (row.children.length > 0 ? sumOf(row, c.col) : (amount(row.row, c.col) ?? 0)), 0));
      if (stated !== null && Math.abs(stated - expected) >= 0.0005) out.mismatch({ row: row.row, col, rowLabel: row.label, columnLabel: header.labels.get(col)?.at(-1) ?? '' }, expected, stated, 'import.contentTotal');
    }
  }
  const tops = rows.filter((r) => r.parent === null);
  for (const r of totals) {
    for (const column of [...columns.map((c) => c.col), ...totalCols]) {
      const stated = amount(r, column);
      const expected = round(tops.reduce((n, t) => n + (totalCols.includes(column) ? columns.reduce((m, c) => m + sumOf(t, c.col), 0) : sumOf(t, column)), 0));
      if (stated !== null && Math.abs(stated - expected) >= 0.0005) out.mismatch({ row: r, col: column, rowLabel: grid.text(r, header.keyColumn), columnLabel: header.labels.get(column)?.at(-1) ?? '' }, expected, stated, 'import.contentTotal');
    }
  }
  return { year, planId: plan.id };
}

function existingContents(db: Database.Database, planId: number): { id: number; parent_id: number | null; label: string }[] {
  return db.prepare('SELECT id, parent_id, label FROM recurrent_content WHERE plan_id = ? ORDER BY ord, id').all(planId) as { id: number; parent_id: number | null; label: string }[];
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
