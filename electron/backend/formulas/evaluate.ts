// Evaluate the formulas of a workbook with HyperFormula (GPL-3.0, licence key 'gpl-v3'), Excel's
// rounding restored. Values are fed typed (text stays text: HyperFormula would otherwise read '5' as 5
// and '10%' as 0.1), and results come back per formula cell as 'Sheet!A1'. Row counts are counted without the
// engine, and the engine gets only the cells the other formulas reach (see shortcut.ts).
import { DetailedCellError, HyperFormula, type RawCellContent } from 'hyperformula';
import { useExcelRounding } from './rounding-plugin';
import { resultKey, shortcut } from './shortcut';

export type CellValue = string | number | boolean | null;
export type FormulaResult = CellValue | { error: string };

/** A non-empty cell at its 1-based place: a typed value, or a formula with the result the file cached (none: not compared). */
export interface PlacedCell {
  row: number;
  col: number;
  value?: CellValue;
  formula?: string;
}

export interface SheetCells {
  name: string;
  /** One cell per place, in any order. */
  cells: readonly PlacedCell[];
}

/** HyperFormula's default is 40,000 rows; forms with every commune of a province stay well under this. */
const MAX_ROWS = 1_048_576;

function content(cell: PlacedCell): RawCellContent {
  if (cell.formula !== undefined) return cell.formula.startsWith('=') ? cell.formula : `=${cell.formula}`;
  const value = cell.value ?? null;
  return typeof value === 'string' ? `'${value}` : value;
}

/** Every formula cell's result, keyed 'Sheet!A1'. */
export function evaluateFormulas(sheets: readonly SheetCells[]): Map<string, FormulaResult> {
  const { counted, engine } = shortcut(sheets);
  if (engine === null) return counted;
  const results = evaluateWithEngine(engine === 'all' ? sheets : engine);
  for (const [ref, result] of counted) if (!results.has(ref)) results.set(ref, result);
  return results;
}

/** Every formula cell's result from HyperFormula over all the cells given (the reference the shortcut keeps to). */
export function evaluateWithEngine(sheets: readonly SheetCells[]): Map<string, FormulaResult> {
  useExcelRounding();
  const data: Record<string, RawCellContent[][]> = {};
  for (const sheet of sheets) {
    const grid: RawCellContent[][] = [];
    for (const cell of sheet.cells) {
      const line = (grid[cell.row - 1] ??= []);
      line[cell.col - 1] = content(cell);
    }
    for (let r = 0; r < grid.length; r++) grid[r] = Array.from(grid[r] ?? [], (v) => v ?? null);
    data[sheet.name] = grid;
  }
  const hf = HyperFormula.buildFromSheets(data, { licenseKey: 'gpl-v3', maxRows: MAX_ROWS, useArrayArithmetic: false });
  try {
    const results = new Map<string, FormulaResult>();
    for (const sheet of sheets) {
      const sheetId = hf.getSheetId(sheet.name) as number;
      for (const cell of sheet.cells) {
        if (cell.formula === undefined) continue;
        const value = hf.getCellValue({ sheet: sheetId, row: cell.row - 1, col: cell.col - 1 });
        results.set(resultKey(sheet.name, cell), value instanceof DetailedCellError ? { error: value.value } : value);
      }
    }
    return results;
  } finally {
    hf.destroy();
  }
}
