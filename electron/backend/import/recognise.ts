// Which form a workbook holds and on which sheet: form number and title words in the rows above the
// header, and a header block the definition's key column opens.
import type { FormDefinition } from './form-definition';
import { SheetGrid, type HeaderBlock } from './sheet-grid';
import { fold, matchesAny } from './text-match';
import type { ParsedWorkbook } from './workbook-model';

export interface Recognised {
  form: FormDefinition;
  grid: SheetGrid;
  header: HeaderBlock;
  title: string;
}

const FORM_NUMBER = /\b(?:bieu|phu luc|mau)\s*(?:so)?\s*:?\s*0*(\d{1,3})\b/g;

export function recognise(workbook: ParsedWorkbook, forms: readonly FormDefinition[]): Recognised | null {
  let best: (Recognised & { score: number }) | null = null;
  const sheets = [...workbook.sheets].sort((a, b) => Number(a.hidden) - Number(b.hidden));
  for (const sheet of sheets) {
    const grid = new SheetGrid(sheet);
    for (const form of forms) {
      const header = grid.findHeader(form.keyColumn);
      if (!header) continue;
      const title = grid.titleText(header.first);
      const numbers = formNumbers(title);
      const byNumber = form.recognise.formNumbers.some((n) => numbers.has(n));
      const byTitle = title.split('\n').some((line) => matchesAny(line, form.recognise.title));
      if (!byNumber && !byTitle) continue;
      const labels = [...header.labels.values()].map((parts) => parts.join(' '));
      const columns = form.columns.filter((rule) => labels.some((l) => matchesAny(l, rule.words))).length;
      const score = (byNumber ? 4 : 0) + (byTitle ? 2 : 0) + 2 * header.keyStrength + columns - (sheet.hidden ? 10 : 0);
      if (!best || score > best.score) best = { form, grid, header, title, score };
    }
  }
  return best;
}

function formNumbers(title: string): Set<number> {
  const out = new Set<number>();
  for (const m of fold(title).matchAll(FORM_NUMBER)) out.add(Number(m[1]));
  return out;
}
