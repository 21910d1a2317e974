// Biểu 05: investment projects under capital-source sections (I, II) and their continuing / new
// subsections (1, 2; "Dự án chuyển tiếp (6 công trình)"). Items become project rows of the plan's year;
// section and subsection figures (and their stated counts) are derived: checked, not stored.
import type { Scalar } from '../../../shared/api/edits';
import { TEXT_CELL } from '../forms/binding';
import type { BatchContext } from './batch-context';
import type { BoundForm } from './bind-criteria-matrix';
import { formatDecimals, readNumber } from './cell-values';
import { bindColumns, numberingColumn } from './columns';
import type { ProjectListForm } from './form-definition';
import type { Recognised } from './recognise';
import { numberingLevel, SourceMatcher, type DocumentSource } from './source-match';
import type { Place, StageBuilder } from './stage-builder';
import { fold, matchesAny } from './text-match';
import { planOfForm } from './plan-resolver';

const AMOUNTS = ['total_investment', 'allocated_before', 'plan_amount'] as const;

interface Group {
  row: number;
  label: string;
  items: number[];
  children: Group[];
}

interface ExistingProject {
  id: number;
  source_id: number;
  name: string;
  [field: string]: Scalar;
}

export function bindProjectList(batch: BatchContext, found: Recognised, form: ProjectListForm, out: StageBuilder): BoundForm {
  const { grid, header } = found;
  const keyCol = header.keyColumn;
  const sttCol = numberingColumn(header);
  const { year, plan } = planOfForm(batch, found);
  const columns = bindColumns(header, form.columns, new Set([keyCol, ...(sttCol ? [sttCol] : [])]));
  const matcher = new SourceMatcher(batch.db, form.sources);
  const existing = plan.created ? [] : (batch.db.prepare('SELECT * FROM project WHERE plan_id = ? AND year = ? ORDER BY ord, id').all(plan.id, year) as ExistingProject[]);
  const byName = new Map(existing.map((p) => [`${p.source_id}|${fold(p.name)}`, p]));
  const kept = new Set<number>();

  const totals: Group[] = [];
  const sections: Group[] = [];
  let section: (Group & { source: DocumentSource | undefined }) | null = null;
  let subsection: (Group & { phase: 'continuing' | 'new' | null }) | null = null;
  let ord = 0;

  for (const { row: r, key: name } of grid.bodyRows(header, keyCol, form.stopRows)) {
    if (!name) continue;
    const level = numberingLevel(sttCol ? grid.text(r, sttCol) : '');
    if (level === 0 && matchesAny(name, form.totalRows)) {
      totals.push({ row: r, label: name, items: [], children: [] });
      continue;
    }
    if (level === 1) {
      section = { row: r, label: name, items: [], children: [], source: matcher.deepest(name) };
      subsection = null;
      sections.push(section);
      totals.forEach((t) => t.children.push(section as Group));
      if (!section.source) out.problem('error', r, keyCol, 'import.problem.unknownSource', { label: name });
      continue;
    }
    const phase = matchesAny(name, form.phases.continuing) ? 'continuing' : matchesAny(name, form.phases.new) ? 'new' : null;
    if (level === 2 || (level === 0 && phase !== null)) {
      subsection = { row: r, label: name, items: [], children: [], phase };
      section?.children.push(subsection);
      continue;
    }
    out.rows++;
    if (!section?.source) continue;
    const phaseOfRow = subsection?.phase ?? null;
    if (phaseOfRow === null) {
      out.problem('error', r, keyCol, 'import.problem.unknownSource', { label: subsection?.label ?? name });
      continue;
    }
    subsection?.items.push(r);
    const values = readProject(out, columns, r, batch);
    if (!values) continue;
    const match = byName.get(`${section.source.id}|${fold(name)}`);
    const place = (col: number, columnLabel: string): Place => ({ row: r, col, rowLabel: name, columnLabel });
    const fields: Record<string, Scalar> = { phase: phaseOfRow, unit_id: values.unitId, period: values.period, note: values.note, ord: ord++, ...values.amounts };
    if (match && !kept.has(match.id)) {
      kept.add(match.id);
      for (const [field, value] of Object.entries(fields)) {
        const column = columnFor(columns, field);
        out.set({ table: 'project', key: [match.id], field }, value, place(column?.col ?? keyCol, column?.label ?? field), column ? boundOf(out, r, column.col, field) : null);
      }
      out.cells.add(r, keyCol, 'project', 'name', [match.id], TEXT_CELL);
    } else {
      const id = batch.nextId('project');
      out.insert('project', { id, plan_id: plan.id, year, source_id: section.source.id, name, ...fields }, place(keyCol, name), name);
      for (const field of ['name', ...Object.keys(fields)]) {
        const column = field === 'name' ? { col: keyCol } : columnFor(columns, field);
        if (column) out.cells.add(r, column.col, 'project', field, [id], boundOf(out, r, column.col, field));
      }
    }
  }
  for (const p of existing) if (!kept.has(p.id)) out.remove('project', [p.id], p.name, p.name);
  checkGroups(out, found, columns, totals.length > 0 ? totals : sections);
  return { year, planId: plan.id };
}

function columnFor(columns: ReturnType<typeof bindColumns>, field: string) {
  return columns.get(field === 'unit_id' ? 'commune' : field);
}

function boundOf(out: StageBuilder, row: number, col: number, field: string) {
  if ((AMOUNTS as readonly string[]).includes(field)) {
    const decimals = formatDecimals(out.grid.cell(row, col)?.numFmt);
    return { kind: 'number' as const, ...(decimals !== undefined ? { decimals } : {}) };
  }
  return { kind: 'text' as const };
}

function readProject(out: StageBuilder, columns: ReturnType<typeof bindColumns>, r: number, batch: BatchContext) {
  const amounts: Record<string, number | null> = {};
  let ok = true;
  for (const field of AMOUNTS) {
    const column = columns.get(field);
    if (!column) continue;
    const read = readNumber(out.grid.cell(r, column.col));
    if (read.ok) amounts[field] = read.value;
    else {
      out.problem('error', r, column.col, read.key, read.params);
      ok = false;
    }
  }
  let unitId: number | null = null;
  const commune = columns.get('commune');
  const communeName = commune ? out.grid.text(r, commune.col) : '';
  if (commune && communeName) {
    const unit = batch.units.find(communeName);
    if (unit.id === null) out.problem('warning', r, commune.col, unit.suggestions.length > 0 ? 'import.problem.unknownUnitSuggest' : 'import.problem.unknownUnit', { name: communeName, suggestions: unit.suggestions.join(', ') });
    else {
      unitId = unit.id;
      out.units.add(unit.id);
    }
  }
  const textOf = (field: string) => {
    const column = columns.get(field);
    return column ? out.grid.text(r, column.col) : '';
  };
  return ok ? { amounts, unitId, period: textOf('period'), note: textOf('note') } : null;
}

/** Subsection, section and total figures against their items; "(6 công trình)" against the count. */
function checkGroups(out: StageBuilder, found: Recognised, columns: ReturnType<typeof bindColumns>, tops: Group[]): void {
  const { grid } = found;
  const number = (row: number, col: number) => {
    const read = readNumber(grid.cell(row, col));
    return read.ok ? read.value : null;
  };
  const sumOf = (group: Group, col: number): number => {
    const own = group.items.reduce((n, r) => n + (number(r, col) ?? 0), 0);
    return Math.round((own + group.children.reduce((n, g) => n + sumOf(g, col), 0)) * 1e6) / 1e6;
  };
  const countOf = (group: Group): number => group.items.length + group.children.reduce((n, g) => n + countOf(g), 0);
  const visit = (group: Group) => {
    for (const field of AMOUNTS) {
      const column = columns.get(field);
      if (!column) continue;
      const stated = number(group.row, column.col);
      const expected = sumOf(group, column.col);
      if (stated !== null && Math.abs(stated - expected) >= 0.0005) out.mismatch({ row: group.row, col: column.col, rowLabel: group.label, columnLabel: column.label }, expected, stated, 'import.projectSum');
    }
    const count = /\((\d+)\s*(?:công trình|dự án|ct)\)/iu.exec(group.label)?.[1];
    if (count !== undefined && Number(count) !== countOf(group)) {
      out.mismatch({ row: group.row, col: found.header.keyColumn, rowLabel: group.label, columnLabel: grid.text(found.header.first, found.header.keyColumn) }, countOf(group), Number(count), 'import.projectCount');
    }
    group.children.forEach(visit);
  };
  tops.forEach(visit);
}
