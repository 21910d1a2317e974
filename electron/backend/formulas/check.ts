// A formula cell whose stored (cached) value disagrees with its formula — someone typed over a formula,
// or another program saved a stale result — becomes a finding located as 'Sheet!C8'.
import type { Finding } from '../../../shared/api/validation';
import { formatAmount } from '../../../shared/format/vi';
import { viText } from '../../../shared/rules/finding';
import { columnName } from '../export/a1';
import { evaluateFormulas, type CellValue, type FormulaResult, type SheetCells } from './evaluate';
import { resultKey } from './shortcut';

/** Equal as Excel shows them: to 15 significant digits. */
function sameResult(cached: CellValue, result: FormulaResult): boolean {
  if (typeof result === 'object' && result !== null) return typeof cached === 'string' && cached === result.error;
  if (typeof cached === 'number' && typeof result === 'number') return Number(cached.toPrecision(15)) === Number(result.toPrecision(15));
  return (cached ?? '') === (result ?? '');
}

const show = (v: FormulaResult): string => (typeof v === 'number' ? formatAmount(v, 6) : v === null ? '' : typeof v === 'object' ? v.error : String(v));

/** Findings for the formula cells of `sheets` whose `value` (the cached result) is not what the formula gives. */
export function checkFormulaCells(sheets: readonly SheetCells[]): Finding[] {
  const results = evaluateFormulas(sheets);
  const findings: Finding[] = [];
  for (const sheet of sheets) {
    for (const cell of sheet.cells) {
      if (cell.formula === undefined || cell.value === undefined) continue;
      const ref = resultKey(sheet.name, cell);
      const result = results.get(ref) ?? null;
      if (sameResult(cell.value, result)) continue;
      findings.push({
        severity: 'error',
        rule: 'template.formula',
        table: sheet.name,
        row: String(cell.row),
        column: columnName(cell.col),
        cell: ref,
        expected: typeof result === 'object' && result !== null ? result.error : result,
        actual: cell.value,
        message: viText('validation.msg.formula', { cell: ref, actual: show(cell.value), formula: `=${cell.formula.replace(/^=/, '')}`, expected: show(result) }),
      });
    }
  }
  return findings;
}
