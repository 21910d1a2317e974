// Biểu 03: villages the plan sets out to recognise, and in which year — a mark under a year column
// ("2025", "Năm 2026") or the year written in a "year expected" column. Villages are found by name within
// their commune (a commune column, or commune rows heading their villages); each target is a
// recognition_target row of the plan.
import { AppError } from '../errors';
import type { BatchContext } from './batch-context';
import type { BoundForm } from './bind-criteria-matrix';
import { MarkReader, readYear, titleYears } from './cell-values';
import { numberingColumn } from './columns';
import type { VillageTargetsForm } from './form-definition';
import type { Recognised } from './recognise';
import type { StageBuilder } from './stage-builder';
import { fold, matchesAny } from './text-match';

const YEAR = /\b((?:19|20)\d{2})\b/;

export function bindVillageTargets(batch: BatchContext, found: Recognised, form: VillageTargetsForm, out: StageBuilder): BoundForm {
  const { grid, header } = found;
  const keyCol = header.keyColumn;
  const sttCol = numberingColumn(header);
  const label = (col: number) => header.labels.get(col)?.at(-1) ?? '';
  const columns = [...header.labels.keys()].filter((c) => c !== keyCol && c !== sttCol);
  const communeCol = columns.find((c) => matchesAny(label(c), form.communeColumn)) ?? null;
  const yearCol = columns.find((c) => matchesAny(label(c), form.yearColumn)) ?? null;
  const yearCols = columns.filter((c) => c !== yearCol && c !== communeCol).flatMap((col) => {
    const year = YEAR.exec(label(col))?.[1];
    return year ? [{ col, year: Number(year) }] : [];
  });
  if (yearCol === null && yearCols.length === 0) throw new AppError('import.unknownForm');
  const firstYear = titleYears(found.title).plan ?? yearCols[0]?.year ?? batch.options.year ?? null;
  if (firstYear === null) throw new AppError('import.noYear');
  const plan = batch.plans.forYear(firstYear, grid.rowTexts(1)[0] ?? '');
  const level = form.levels.find((l) => matchesAny(found.title, l.words))?.level ?? 'ntm';
  const marks = new MarkReader(form.marks.met, form.marks.notMet);
  const existing = new Set(
    (batch.db.prepare('SELECT unit_id, year, level FROM recognition_target WHERE plan_id = ?').all(plan.id) as { unit_id: number; year: number; level: string }[]).map(
      (t) => `${t.unit_id}|${t.year}|${t.level}`,
    ),
  );

  let communeId: number | null = null;
  let communeName = '';
  for (const { row: r, key: name } of grid.bodyRows(header, keyCol, form.stopRows)) {
    if (!name || matchesAny(name, form.totalRows)) continue;
    const communeText = communeCol ? grid.text(r, communeCol) : isCommuneRow(name, sttCol ? grid.text(r, sttCol) : '', form) ? name : '';
    if (communeText) {
      const commune = batch.units.find(communeText);
      communeId = commune.id;
      communeName = communeText;
      if (commune.id === null) out.problem('error', r, communeCol ?? keyCol, commune.suggestions.length > 0 ? 'import.problem.unknownUnitSuggest' : 'import.problem.unknownUnit', { name: communeText, suggestions: commune.suggestions.join(', ') });
      else out.units.add(commune.id);
      if (!communeCol) continue;
    }
    if (communeId === null) continue;
    out.rows++;
    const village = batch.units.findVillage(communeId, name);
    if (village.id === null) {
      out.problem('error', r, keyCol, village.suggestions.length > 0 ? 'import.problem.unknownUnitSuggest' : 'import.problem.unknownUnit', { name: `${name} (${communeName})`, suggestions: village.suggestions.join(', ') });
      continue;
    }
    const years = new Set<number>();
    if (yearCol !== null) {
      const read = readYear(grid.cell(r, yearCol));
      if (!read.ok) out.problem('error', r, yearCol, read.key, read.params);
      else if (read.value !== null) years.add(read.value);
    }
    for (const { col, year } of yearCols) {
      const read = marks.read(grid.cell(r, col));
      if (!read.ok) out.problem('error', r, col, read.key, read.params);
      else if (read.value) years.add(year);
    }
    for (const year of years) {
      const place = { row: r, col: yearCol ?? keyCol, rowLabel: name, columnLabel: String(year) };
      const pending = batch.newRows.has('recognition_target', [plan.id, village.id, year, level]);
      if (existing.has(`${village.id}|${year}|${level}`) || pending) out.counts.same++;
      else out.insert('recognition_target', { plan_id: plan.id, unit_id: village.id, year, level }, place, year);
      existing.add(`${village.id}|${year}|${level}`);
    }
  }
  return { year: firstYear, planId: plan.id };
}

function isCommuneRow(name: string, stt: string, form: VillageTargetsForm): boolean {
  if (/^[IVXLC]+\.?$/.test(stt.trim())) return true;
  const folded = fold(name);
  return form.communeRows.some((group) => folded.startsWith(`${fold(group.join(' '))} `));
}
