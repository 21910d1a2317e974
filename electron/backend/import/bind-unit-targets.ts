// Biểu 02: one row per commune; per target indicator (named by header words: income, poverty rate ...)
// a column with the value at the end of last year and one with the target for the plan year. Each
// commune's indicator is one target_indicator row of the plan, found by (commune, code) or added.
import type { Scalar } from '../../../shared/api/edits';
import { AppError } from '../errors';
import { NUMBER_CELL } from '../forms/binding';
import type { BatchContext } from './batch-context';
import type { BoundForm } from './bind-criteria-matrix';
import { readNumber } from './cell-values';
import { numberingColumn } from './columns';
import type { UnitTargetsForm } from './form-definition';
import type { Recognised } from './recognise';
import type { StageBuilder } from './stage-builder';
import { matchesAny } from './text-match';
import { planOfForm } from './plan-resolver';

interface TargetColumn {
  col: number;
  indicator: UnitTargetsForm['indicators'][number];
  field: 'value_prev' | 'target';
  label: string;
}

export function bindUnitTargets(batch: BatchContext, found: Recognised, form: UnitTargetsForm, out: StageBuilder): BoundForm {
  const { grid, header } = found;
  const keyCol = header.keyColumn;
  const sttCol = numberingColumn(header);
  const { year, plan } = planOfForm(batch, found);
  const columns = targetColumns(found, form, year, sttCol);
  if (columns.length === 0) throw new AppError('import.unknownForm');
  const stored = new Map<string, number>();
  if (!plan.created) {
    for (const r of batch.db.prepare('SELECT id, unit_id, code FROM target_indicator WHERE plan_id = ?').all(plan.id) as { id: number; unit_id: number | null; code: string }[]) {
      stored.set(`${r.unit_id}|${r.code}`, r.id);
    }
  }
  const added = new Map<string, number>();

  for (const { row: r, key: name } of grid.bodyRows(header, keyCol, form.stopRows)) {
    if (!name || matchesAny(name, form.totalRows)) continue;
    out.rows++;
    const unit = batch.units.find(name);
    if (unit.id === null) {
      out.problem('error', r, keyCol, unit.suggestions.length > 0 ? 'import.problem.unknownUnitSuggest' : 'import.problem.unknownUnit', { name, suggestions: unit.suggestions.join(', ') });
      continue;
    }
    out.units.add(unit.id);
    for (const column of columns) {
      const read = readNumber(grid.cell(r, column.col));
      if (!read.ok) {
        out.problem('error', r, column.col, read.key, read.params);
        continue;
      }
      const key = `${unit.id}|${column.indicator.code}`;
      let id = stored.get(key) ?? added.get(key);
      const place = { row: r, col: column.col, rowLabel: name, columnLabel: column.label };
      if (id === undefined) {
        if (read.value === null) continue;
        id = batch.nextId('target_indicator');
        added.set(key, id);
        const row: Record<string, Scalar> = { id, plan_id: plan.id, unit_id: unit.id, code: column.indicator.code, label: column.indicator.label, unit: column.indicator.unit, ord: form.indicators.indexOf(column.indicator) };
        row[column.field] = read.value;
        out.insert('target_indicator', row, place, read.value);
        out.cells.add(r, column.col, 'target_indicator', column.field, [id], NUMBER_CELL);
        continue;
      }
      out.set({ table: 'target_indicator', key: [id], field: column.field }, read.value, place, NUMBER_CELL);
    }
  }
  return { year, planId: plan.id };
}

/** Indicator columns: the indicator by its header words, the side by a sub-header or a year (the plan year is the target). */
function targetColumns(found: Recognised, form: UnitTargetsForm, planYear: number, sttCol: number | null): TargetColumn[] {
  const out: TargetColumn[] = [];
  for (const [col, parts] of found.header.labels) {
    if (col === found.header.keyColumn || col === sttCol) continue;
    const indicator = form.indicators.find((i) => parts.some((p) => matchesAny(p, i.words)));
    if (!indicator) continue;
    const side = parts.filter((p) => !matchesAny(p, indicator.words)).join(' ');
    const years = [...side.matchAll(/\b(19|20)\d{2}\b/g)].map((m) => Number(m[0]));
    const field = matchesAny(side, form.sides.target) || years.includes(planYear) ? 'target' : matchesAny(side, form.sides.previous) || years.some((y) => y < planYear) ? 'value_prev' : 'target';
    if (out.some((c) => c.indicator === indicator && c.field === field)) continue;
    out.push({ col, indicator, field, label: `${indicator.label} — ${parts.at(-1)}` });
  }
  return out;
}
