import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { columnName } from '../../../electron/backend/export/a1';
import { checkFormulaCells } from '../../../electron/backend/formulas/check';
import { evaluateFormulas, type SheetCells } from '../../../electron/backend/formulas/evaluate';
import { sheetCellsOf } from '../../../electron/backend/formulas/workbook-cells';
import { EXAMPLES_DIR } from '../../helpers/examples';

const EXAMPLES = EXAMPLES_DIR;

async function readSheets(file: string): Promise<SheetCells[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return sheetCellsOf(wb);
}

describe('formulas of the provincial forms', () => {
  it.each(['bieu01-tieu-chi-xa.xlsx', 'bieu04-nguon-luc.xlsx', 'bieu05-danh-muc-cong-trinh.xlsx'])('%s: every cached value is what its formula gives', async (file) => {
    const sheets = await readSheets(path.join(EXAMPLES, file));
    const formulas = sheets.flatMap((s) => s.cells.filter((c) => c.formula !== undefined));
    expect(formulas.length).toBeGreaterThanOrEqual(3);
    expect(checkFormulaCells(sheets)).toEqual([]);
  });

  it('Biểu 01: the COUNTIF of each commune and the total of criteria met are reproduced', async () => {
    const sheets = await readSheets(path.join(EXAMPLES, 'bieu01-tieu-chi-xa.xlsx'));
    const results = [...evaluateFormulas(sheets).values()].filter((v): v is number => typeof v === 'number');
    // 12 communes; 9 meet 19/19 (Nà Tăm 15, Giang Ma 14, Tả Lèng 16); 216 criteria met in all.
    expect(results.filter((v) => v === 19).length).toBeGreaterThanOrEqual(9);
    expect(results).toContain(216);
  });

  it('a value typed over a formula becomes a finding at its cell, with both figures', async () => {
    const sheets = await readSheets(path.join(EXAMPLES, 'bieu04-nguon-luc.xlsx'));
    const sheet = sheets[0] as SheetCells;
    const cell = sheet.cells.find((c) => c.formula !== undefined && typeof c.value === 'number' && c.value > 1000) as { row: number; col: number; formula: string; value: number };
    const address = `${columnName(cell.col)}${cell.row}`;
    const typedOver = { ...sheets[0]!, cells: sheet.cells.map((c) => (c === cell ? { ...cell, value: cell.value + 300 } : c)) };
    const findings = checkFormulaCells([typedOver, ...sheets.slice(1)]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error', rule: 'template.formula', cell: `${sheet.name}!${address}`, expected: cell.value, actual: cell.value + 300 });
    expect(findings[0]?.message).toContain(`=${cell.formula}`);
  });
});
