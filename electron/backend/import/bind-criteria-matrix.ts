// Biểu 01 and its kin: communes × criteria, marks meaning met / not met, the year recognised, the planned
// number of criteria and a note per commune. Footer counts and the criteria-met column are derived:
// checked against the marks, never stored.
import { TEXT_CELL, type CellTarget } from '../forms/binding';
import { AppError } from '../errors';
import type { BatchContext } from './batch-context';
import { countedMark, MarkReader, readNumber, readYear, titleYears } from './cell-values';
import { bindColumns, numberingColumn } from './columns';
import type { CriteriaMatrixForm } from './form-definition';
import type { Recognised } from './recognise';
import type { KeyedField, StageBuilder } from './stage-builder';
import { fold, matchesAny } from './text-match';

export interface BoundForm {
  year: number;
  planId: number | null;
  markText?: string;
}

/** A column of marks and how many communes meet its criterion. */
interface MarkColumn {
  col: number;
  criterion: CriterionRef;
  met: number;
}

interface CriterionRef {
  id: number;
  no: number;
  code: string;
  name: string;
}

const ROMAN = /^[ivxlc]+\.?$/i;

export function bindCriteriaMatrix(batch: BatchContext, found: Recognised, form: CriteriaMatrixForm, out: StageBuilder): BoundForm {
  const { grid, header } = found;
  const keyCol = header.keyColumn;
  const sttCol = numberingColumn(header);
  const criteria = chooseCriteria(batch, found, form);
  if (criteria.columns.size === 0) throw new AppError('import.unknownForm');
  if (criteria.missing.length > 0) out.problem('error', header.first, keyCol, 'import.problem.missingCriteria', { list: criteria.missing.join(', ') });

  const years = titleYears(found.title);
  const statusYear = years.status ?? (years.plan ? years.plan - 1 : null) ?? batch.options.year ?? null;
  if (statusYear === null) throw new AppError('import.noYear');
  const planYear = years.plan ?? statusYear + 1;

  const taken = new Set([keyCol, ...criteria.columns.keys(), ...(sttCol ? [sttCol] : [])]);
  const columns = bindColumns(header, form.columns, taken);
  const marks = new MarkReader(form.marks.met, form.marks.notMet);
  const markText = formMark(found, marks);
  const met = out.keyedField('criterion_mark', 'met', [statusYear, 'actual'], { kind: 'mark', markText });

  const communes: { row: number; unitId: number; met: number }[] = [];
  // Walked once per commune: an array, so no entry is made per mark.
  const markColumns = [...criteria.columns].map(([col, criterion]): MarkColumn => ({ col, criterion, met: 0 }));
  const seen = new Map<number, number>();
  const footer: { row: number; kind: 'count' | 'average'; label: string }[] = [];
  let district: number | null = null;

  for (const { row: r, key: name } of grid.bodyRows(header, keyCol, form.stopRows)) {
    if (!name) continue;
    if (matchesAny(name, form.averageRows)) footer.push({ row: r, kind: 'average', label: name });
    else if (matchesAny(name, form.countRows) || matchesAny(name, form.totalRows)) footer.push({ row: r, kind: 'count', label: name });
    else if (isSection(name, sttCol ? grid.text(r, sttCol) : '', form)) district = batch.units.district(name);
    else {
      out.rows++;
      const unit = batch.units.find(name, district);
      if (unit.id === null) {
        if (unit.suggestions.length > 0) out.problem('error', r, keyCol, 'import.problem.unknownUnitSuggest', { name, suggestions: unit.suggestions.join(', ') });
        else out.problem('error', r, keyCol, 'import.problem.unknownUnit', { name });
        continue;
      }
      const first = seen.get(unit.id);
      if (first !== undefined) {
        out.problem('error', r, keyCol, 'import.problem.duplicateUnit', { name, first });
        continue;
      }
      seen.set(unit.id, r);
      out.units.add(unit.id);
      communes.push({ row: r, unitId: unit.id, met: stageMarks(out, met, marks, markColumns, r, unit.id, name) });
      bindStatus(out, columns, r, name, unit.id, statusYear, planYear);
    }
  }

  checkDerived(out, found, columns.get('metCount')?.col ?? null, markColumns, communes, footer);
  return { year: statusYear, planId: batch.plans.existing(planYear)?.id ?? null, markText };
}

/** One commune’s marks staged; how many it meets. */
function stageMarks(out: StageBuilder, met: KeyedField, marks: MarkReader, markColumns: MarkColumn[], r: number, unitId: number, name: string): number {
  let count = 0;
  for (const column of markColumns) {
    const read = marks.read(out.grid.cell(r, column.col));
    if (!read.ok) {
      out.problem('error', r, column.col, read.key, read.params);
      continue;
    }
    if (read.value) {
      count++;
      column.met++;
    }
    out.setKeyed(met, unitId, column.criterion.id, read.value, r, column.col, name, column.criterion.code);
  }
  return count;
}

/** The criteria set whose criteria the header names: all of them if one set fits, else the one naming most. */
function chooseCriteria(batch: BatchContext, found: Recognised, form: CriteriaMatrixForm): { columns: Map<number, CriterionRef>; missing: string[] } {
  let best: { columns: Map<number, CriterionRef>; missing: string[]; complete: boolean } | null = null;
  for (const setId of form.criteriaSets) {
    const criteria = batch.db.prepare('SELECT id, no, code, name FROM criterion WHERE set_id = ? ORDER BY no').all(setId) as CriterionRef[];
    if (criteria.length === 0) continue;
    const columns = criterionColumns(found, criteria);
    const named = new Set([...columns.values()].map((c) => c.no));
    const missing = criteria.filter((c) => !named.has(c.no)).map((c) => c.code);
    const candidate = { columns, missing, complete: missing.length === 0 && columns.size === criteria.length };
    if (!best || (candidate.complete && !best.complete) || (candidate.complete === best.complete && columns.size > best.columns.size)) best = candidate;
  }
  return best ?? { columns: new Map(), missing: [] };
}

/** Columns naming a criterion: `11`, `TC11`, `Tiêu chí 11`, `11. Nghèo đa chiều` or the criterion's name; the lowest header row decides. */
function criterionColumns(found: Recognised, criteria: CriterionRef[]): Map<number, CriterionRef> {
  const byNo = new Map(criteria.map((c) => [c.no, c]));
  const byName = new Map(criteria.map((c) => [nameKey(c.name), c]));
  const columns = new Map<number, CriterionRef>();
  const used = new Set<number>();
  for (const [col, parts] of found.header.labels) {
    if (col === found.header.keyColumn) continue;
    for (const part of [...parts].reverse()) {
      const criterion = criterionOf(part, byNo, byName);
      if (criterion === undefined) continue;
      if (!used.has(criterion.no)) {
        used.add(criterion.no);
        columns.set(col, criterion);
      }
      break;
    }
  }
  return columns;
}

function criterionOf(label: string, byNo: Map<number, CriterionRef>, byName: Map<string, CriterionRef>): CriterionRef | undefined {
  const folded = fold(label);
  const numbered = /^(?:tc|tieu chi)?\s*(?:so)?\s*0?(\d{1,2})(?:\s*[.):-]\s*(.*))?$/.exec(folded);
  if (numbered) {
    const criterion = byNo.get(Number(numbered[1]));
    if (criterion) return criterion;
  }
  return byName.get(nameKey(label));
}

function nameKey(name: string): string {
  return fold(name).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function isSection(name: string, stt: string, form: CriteriaMatrixForm): boolean {
  if (ROMAN.test(stt.trim())) return true;
  const folded = fold(name).replace(/^(?:[ivxlc]+|\d+)[.)]\s*/, '');
  return form.sectionRows.some((group) => folded.startsWith(fold(group.join(' '))));
}

/** The mark this form counts in its COUNTIF formulas (the export writes the same), else "x". */
function formMark(found: Recognised, marks: MarkReader): string {
  for (const cell of found.grid.formulaCells()) {
    const mark = cell.formula ? countedMark(cell.formula) : null;
    if (mark) {
      marks.addMet(mark);
      return mark;
    }
  }
  return 'x';
}

const WHOLE_NUMBER_CELL = Object.freeze({ kind: 'number', decimals: 0 } as const);

function bindStatus(out: StageBuilder, columns: ReturnType<typeof bindColumns>, r: number, name: string, unitId: number, statusYear: number, planYear: number): void {
  const recognised = columns.get('recognisedYear');
  if (recognised) {
    const read = readYear(out.grid.cell(r, recognised.col));
    if (read.ok) out.set(statusTarget(unitId, statusYear, 'actual', 'recognised_year'), read.value, { row: r, col: recognised.col, rowLabel: name, columnLabel: recognised.label }, WHOLE_NUMBER_CELL);
    else out.problem('error', r, recognised.col, read.key, read.params);
  }
  const planned = columns.get('plannedCount');
  if (planned) {
    const read = readNumber(out.grid.cell(r, planned.col));
    if (read.ok && (read.value === null || Number.isInteger(read.value))) {
      out.set(statusTarget(unitId, planYear, 'plan', 'planned_count'), read.value, { row: r, col: planned.col, rowLabel: name, columnLabel: planned.label }, WHOLE_NUMBER_CELL);
    } else if (read.ok) out.problem('error', r, planned.col, 'import.problem.badNumber', { text: out.grid.text(r, planned.col) });
    else out.problem('error', r, planned.col, read.key, read.params);
  }
  const note = columns.get('note');
  if (note) out.set(statusTarget(unitId, statusYear, 'actual', 'note'), out.grid.text(r, note.col), { row: r, col: note.col, rowLabel: name, columnLabel: note.label }, TEXT_CELL);
}

function statusTarget(unitId: number, year: number, kind: 'actual' | 'plan', field: string): CellTarget {
  return { table: 'unit_status', key: [unitId, year, kind], field };
}

/** Criteria met per commune, communes per criterion and the average, as the form states them, against the marks. */
function checkDerived(
  out: StageBuilder,
  found: Recognised,
  metCol: number | null,
  markColumns: MarkColumn[],
  communes: { row: number; unitId: number; met: number }[],
  footer: { row: number; kind: 'count' | 'average'; label: string }[],
): void {
  const { grid } = found;
  const metLabel = metCol ? (found.header.labels.get(metCol)?.at(-1) ?? '') : '';
  const stated = (row: number, col: number): number | null => {
    const read = readNumber(grid.cell(row, col));
    return read.ok ? read.value : null;
  };
  if (metCol) {
    for (const c of communes) {
      const value = stated(c.row, metCol);
      if (value !== null && value !== c.met) out.mismatch({ row: c.row, col: metCol, rowLabel: grid.text(c.row, found.header.keyColumn), columnLabel: metLabel }, c.met, value, 'import.metCount');
    }
  }
  const total = communes.reduce((n, c) => n + c.met, 0);
  for (const f of footer) {
    if (f.kind === 'count') {
      for (const { col, criterion, met: expected } of markColumns) {
        const value = stated(f.row, col);
        if (value !== null && value !== expected) out.mismatch({ row: f.row, col, rowLabel: f.label, columnLabel: criterion.code }, expected, value, 'import.countPerCriterion');
      }
      const value = metCol ? stated(f.row, metCol) : null;
      if (metCol && value !== null && value !== total) out.mismatch({ row: f.row, col: metCol, rowLabel: f.label, columnLabel: metLabel }, total, value, 'import.countTotal');
    } else if (metCol && communes.length > 0) {
      const value = stated(f.row, metCol);
      const expected = Math.round((total / communes.length) * 10) / 10;
      if (value !== null && Math.abs(value - expected) >= 0.05) out.mismatch({ row: f.row, col: metCol, rowLabel: f.label, columnLabel: metLabel }, expected, value, 'import.average');
    }
  }
}
