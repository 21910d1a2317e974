// The sub-criteria matrix: one row per indicator (17.3, 13.5 — codes from the numbering column or the
// label), per commune a status column and a plan column. Values follow the indicator's kind: a mark for
// yes/no indicators, a number or percentage otherwise; "Đạt" / "Chưa đạt" written for a measured
// indicator is kept as its assessment text.
import type { Scalar } from '../../../shared/api/edits';
import { AppError } from '../errors';
import type { BatchContext } from './batch-context';
import type { BoundForm } from './bind-criteria-matrix';
import { MarkReader, readNumber, titleYears, type Read } from './cell-values';
import { numberingColumn } from './columns';
import type { IndicatorMatrixForm } from './form-definition';
import type { Recognised } from './recognise';
import type { StageBuilder } from './stage-builder';
import { unitColumns } from './unit-columns';
import type { ParsedCell } from './workbook-model';

interface IndicatorRef {
  id: number;
  code: string;
  kind: 'boolean' | 'percent' | 'number';
}

const CODE = /^(\d{1,2}(?:\.\d{1,2})?)(?=$|[\s.):-])/;

export function bindIndicatorMatrix(batch: BatchContext, found: Recognised, form: IndicatorMatrixForm, out: StageBuilder): BoundForm {
  const { grid, header } = found;
  const keyCol = header.keyColumn;
  const sttCol = numberingColumn(header);
  const years = titleYears(found.title);
  const statusYear = years.status ?? (years.plan ? years.plan - 1 : null) ?? batch.options.year ?? null;
  if (statusYear === null) throw new AppError('import.noYear');
  const planYear = years.plan ?? statusYear + 1;

  const rows: { row: number; code: string; label: string }[] = [];
  for (const { row: r, key: label } of grid.bodyRows(header, keyCol, form.stopRows)) {
    const code = CODE.exec(sttCol ? grid.text(r, sttCol) : '')?.[1] ?? CODE.exec(label)?.[1];
    if (code) rows.push({ row: r, code, label });
  }
  const indicators = chooseIndicators(batch, form, rows.map((r) => r.code));
  if (indicators.size === 0) throw new AppError('import.unknownForm');
  const columns = unitColumns(batch, found, new Set(sttCol ? [sttCol] : []), { other: form.otherColumns, plan: form.sides.plan, sides: form.sides.actual }, out);
  const marks = new MarkReader(form.marks.met, form.marks.notMet);

  for (const { row, code, label } of rows) {
    const indicator = indicators.get(code);
    if (!indicator) continue;
    out.rows++;
    for (const column of columns) {
      const kind = column.plan ? 'plan' : 'actual';
      const year = column.plan ? planYear : statusYear;
      const cell = grid.cell(row, column.col);
      const read = readValue(indicator, cell, marks);
      if (!read.ok) {
        out.problem('error', row, column.col, read.key, read.params);
        continue;
      }
      const key = [column.unitId, indicator.id, year, kind];
      const place = { row, col: column.col, rowLabel: `${code} ${label}`.trim(), columnLabel: column.name };
      out.units.add(column.unitId);
      if (read.value.field === 'text') out.set({ table: 'indicator_value', key, field: 'text' }, read.value.value, place, { kind: 'text' });
      else out.set({ table: 'indicator_value', key, field: 'value' }, read.value.value, place, indicator.kind === 'boolean' ? { kind: 'mark', markText: 'x' } : { kind: 'number' });
    }
  }
  return { year: statusYear, planId: batch.plans.existing(planYear)?.id ?? null };
}

/** The criteria set whose indicator codes the rows name most. */
function chooseIndicators(batch: BatchContext, form: IndicatorMatrixForm, codes: string[]): Map<string, IndicatorRef> {
  let best = new Map<string, IndicatorRef>();
  let bestHits = 0;
  for (const setId of form.criteriaSets) {
    const rows = batch.db
      .prepare('SELECT i.id, i.code, i.kind FROM indicator i JOIN criterion c ON c.id = i.criterion_id WHERE c.set_id = ?')
      .all(setId) as IndicatorRef[];
    const byCode = new Map(rows.map((i) => [i.code, i]));
    const hits = codes.filter((c) => byCode.has(c)).length;
    if (hits > bestHits) [best, bestHits] = [byCode, hits];
  }
  return best;
}

type IndicatorValue = { field: 'value'; value: number | null } | { field: 'text'; value: Scalar };

function readValue(indicator: IndicatorRef, cell: ParsedCell | undefined, marks: MarkReader): Read<IndicatorValue> {
  if (!cell || cell.value === null) return { ok: true, value: { field: 'value', value: null } };
  if (indicator.kind === 'boolean') {
    const mark = marks.read(cell);
    return mark.ok ? { ok: true, value: { field: 'value', value: mark.value ? 1 : 0 } } : mark;
  }
  if (typeof cell.value === 'string' && marks.read(cell).ok) return { ok: true, value: { field: 'text', value: cell.value.trim() } };
  // A percentage cell holds 0.85 for 85%; indicators keep percentages as 85.
  if (typeof cell.value === 'number') return { ok: true, value: { field: 'value', value: cell.numFmt?.includes('%') ? Math.round(cell.value * 1e8) / 1e6 : cell.value } };
  const text = cell.text.replace(/%\s*$/, '');
  const number = readNumber({ ...cell, value: text, text });
  return number.ok ? { ok: true, value: { field: 'value', value: number.value } } : number;
}
