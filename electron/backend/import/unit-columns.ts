// Forms with one column per commune (the sub-criteria matrix, Biểu 07): the commune is the lowest header
// that is not a side ("Hiện trạng", "Kế hoạch"); headers the definition lists as other columns (unit of
// measure, totals, notes) are not communes.
import type { WordGroups } from './form-definition';
import type { BatchContext } from './batch-context';
import type { Recognised } from './recognise';
import type { StageBuilder } from './stage-builder';
import { matchesAny } from './text-match';

export interface UnitColumn {
  col: number;
  unitId: number;
  name: string;
  /** Under a "plan" side header (else the status at 31/12). */
  plan: boolean;
}

export function unitColumns(
  batch: BatchContext,
  found: Recognised,
  skip: ReadonlySet<number>,
  words: { other: WordGroups; plan?: WordGroups; sides?: WordGroups },
  out: StageBuilder,
): UnitColumn[] {
  const columns: UnitColumn[] = [];
  const isSide = (p: string) => (words.sides ? matchesAny(p, words.sides) : false) || (words.plan ? matchesAny(p, words.plan) : false);
  for (const [col, parts] of found.header.labels) {
    if (skip.has(col) || col === found.header.keyColumn || parts.some((p) => matchesAny(p, words.other))) continue;
    const name = parts.filter((p) => !isSide(p)).at(-1);
    if (!name) continue;
    const plan = words.plan ? parts.some((p) => p !== name && matchesAny(p, words.plan as WordGroups)) : false;
    const unit = batch.units.find(name);
    if (unit.id === null) {
      out.problem('error', found.header.first, col, unit.suggestions.length > 0 ? 'import.problem.unknownUnitSuggest' : 'import.problem.unknownUnit', { name, suggestions: unit.suggestions.join(', ') });
      continue;
    }
    columns.push({ col, unitId: unit.id, name, plan });
  }
  return columns;
}
