// Biểu 04: amounts by capital source, a tree numbered I, II; 1, 2. Leaves are stored; a parent row is
// derived from its parts: its formula is checked, and a typed figure is kept as the typed total and
// compared with its parts, never silently "fixed".
import { AppError } from '../errors';
import type { BatchContext } from './batch-context';
import type { BoundForm } from './bind-criteria-matrix';
import { formatDecimals, readNumber } from './cell-values';
import { bindColumns, numberingColumn, type BoundColumn } from './columns';
import type { SourceTreeForm } from './form-definition';
import type { Recognised } from './recognise';
import { numberingLevel, SourceMatcher, type DocumentSource } from './source-match';
import type { StageBuilder } from './stage-builder';
import { matchesAny } from './text-match';
import { planOfForm } from './plan-resolver';

interface TreeRow {
  row: number;
  label: string;
  level: number;
  parent: TreeRow | null;
  children: TreeRow[];
  source: DocumentSource | undefined;
}

const FIELDS = ['amount', 'investment'] as const;

export function bindSourceTree(batch: BatchContext, found: Recognised, form: SourceTreeForm, out: StageBuilder): BoundForm {
  const { grid, header } = found;
  const keyCol = header.keyColumn;
  const sttCol = numberingColumn(header);
  const { year, plan } = planOfForm(batch, found);
  const columns = bindColumns(header, form.columns, new Set([keyCol, ...(sttCol ? [sttCol] : [])]));
  if (!columns.get('amount')) throw new AppError('import.unknownForm');
  const matcher = new SourceMatcher(batch.db, form.sources);

  const rows = readTree(found, form, sttCol, matcher, out);
  const value = (row: TreeRow, field: BoundColumn | undefined): number | null => {
    if (!field) return null;
    const read = readNumber(grid.cell(row.row, field.col));
    if (!read.ok) return null;
    return read.value;
  };
  const partsSum = (row: TreeRow, field: BoundColumn): number | null => {
    const values = row.children.map((c) => (c.children.length > 0 ? (value(c, field) ?? partsSum(c, field)) : value(c, field))).filter((v): v is number => v !== null);
    return values.length === 0 ? null : Math.round(values.reduce((a, b) => a + b, 0) * 1e6) / 1e6;
  };

  for (const row of rows) {
    if (!row.source) continue;
    out.rows++;
    const key = [plan.id, year, row.source.id];
    for (const name of FIELDS) {
      const column = columns.get(name);
      if (!column) continue;
      const cell = grid.cell(row.row, column.col);
      const read = readNumber(cell);
      if (!read.ok) {
        out.problem('error', row.row, column.col, read.key, read.params);
        continue;
      }
      const place = { row: row.row, col: column.col, rowLabel: row.label, columnLabel: column.label };
      const decimals = formatDecimals(cell?.numFmt);
      const bound = { kind: 'number' as const, ...(decimals !== undefined ? { decimals } : {}) };
      if (row.children.length === 0) {
        out.set({ table: 'resource_amount', key, field: name }, read.value, place, bound);
        continue;
      }
      const parts = partsSum(row, column);
      if (read.value !== null && parts !== null && Math.abs(read.value - parts) >= 0.0005) out.mismatch(place, parts, read.value, 'import.sourceParts', { table: 'resource_amount', key, field: name });
      // A typed parent is a figure from the source document: kept beside its parts (formulas are not).
      if (name === 'amount' && cell?.formula === undefined && read.value !== null) out.set({ table: 'resource_amount', key, field: 'typed_total' }, read.value, place, bound);
    }
    const note = columns.get('note');
    if (note) out.set({ table: 'resource_amount', key, field: 'note' }, grid.text(row.row, note.col), { row: row.row, col: note.col, rowLabel: row.label, columnLabel: note.label }, { kind: 'text' });
  }
  return { year, planId: plan.id };
}

/** Rows of the tree from the numbering column: the total (no number), I, II (top), 1, 2 (parts), deeper items. */
function readTree(found: Recognised, form: SourceTreeForm, sttCol: number | null, matcher: SourceMatcher, out: StageBuilder): TreeRow[] {
  const { grid, header } = found;
  const rows: TreeRow[] = [];
  const total = matcher.byRole('total');
  let root: TreeRow | null = null;
  const lastAt: (TreeRow | null)[] = [null, null, null, null];
  for (const { row: r, key: label } of grid.bodyRows(header, header.keyColumn, form.stopRows)) {
    if (!label) continue;
    const stt = sttCol ? grid.text(r, sttCol) : '';
    let level = numberingLevel(stt);
    if (level === 0 && !matchesAny(label, form.totalRows)) level = 3;
    const parent = level === 0 ? null : ((lastAt.slice(0, level).reverse().find((p) => p !== null) ?? root) as TreeRow | null);
    const parentSource = parent && parent !== root ? (parent.source ?? null) : null;
    const source = level === 0 ? total : parentSource === null && level > 1 && parent !== root ? undefined : matcher.match(label, parentSource);
    if (!source) out.problem('error', r, header.keyColumn, 'import.problem.unknownSource', { label });
    const row: TreeRow = { row: r, label, level, parent, children: [], source };
    if (level === 0) root = row;
    parent?.children.push(row);
    lastAt[level] = row;
    for (let l = level + 1; l < lastAt.length; l++) lastAt[l] = null;
    rows.push(row);
  }
  return rows;
}
