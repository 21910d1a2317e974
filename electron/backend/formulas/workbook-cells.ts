// The cells of an exceljs workbook as the formula evaluator takes them: typed values, and formulas
// with the result the file stored for them (none when the file saved the formula without one).
import ExcelJS from 'exceljs';
import type { CellValue, PlacedCell, SheetCells } from './evaluate';

export function sheetCellsOf(workbook: ExcelJS.Workbook): SheetCells[] {
  return workbook.worksheets.map((ws) => {
    const cells: PlacedCell[] = [];
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        const place = { row: Number(cell.row), col: Number(cell.col) };
        if (cell.formula) {
          const result = (cell.value as { result?: unknown }).result;
          cells.push(result === undefined ? { ...place, formula: cell.formula } : { ...place, formula: cell.formula, value: scalar(result) });
        } else cells.push({ ...place, value: scalar(cell.value) });
      }),
    );
    return { name: ws.name, cells };
  });
}

function scalar(raw: unknown): CellValue {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number' || typeof raw === 'string' || typeof raw === 'boolean') return raw;
  if (raw instanceof Date) return raw.toISOString();
  if (typeof raw === 'object' && 'richText' in raw) return (raw as { richText: { text: string }[] }).richText.map((r) => r.text).join('');
  if (typeof raw === 'object' && 'error' in raw) return String((raw as { error: unknown }).error);
  if (typeof raw === 'object' && 'text' in raw) return String((raw as { text: unknown }).text);
  return String(raw);
}
