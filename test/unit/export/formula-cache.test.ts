import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { refreshFormulaResults } from '../../../electron/backend/export/formula-cache';
import { shiftFormula } from '../../../electron/backend/export/formula-shift';
import { readPackage, readText } from '../../../electron/backend/export/package';
import { indexSheet, patchSheet, readCell, type CellWrite } from '../../../electron/backend/export/sheet-cells';
import { readSharedStrings } from '../../../electron/backend/export/shared-strings';

describe('moving a shared formula to a follower cell', () => {
  it.each([
    ['COUNTIF(C9:U9,"x")', 1, 0, 'COUNTIF(C10:U10,"x")'],
    ['SUM($B$2:B2)*$C1', 2, 1, 'SUM($B$2:C4)*$C3'],
    ["'Tổng hợp'!A1+Data!B$3", 1, 1, "'Tổng hợp'!B2+Data!C$3"],
    ['IF(A1="B2",LOG10(A1),0)', 3, 0, 'IF(A4="B2",LOG10(A4),0)'],
  ])('%s moved by %i rows and %i columns', (formula, rows, cols, expected) => {
    expect(shiftFormula(formula, rows, cols)).toBe(expected);
  });
});

describe('cached formula results after data cells change', () => {
  async function workbook(): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Biểu 04');
    const data = wb.addWorksheet('Data');
    ws.getCell('A1').value = 10;
    ws.getCell('A2').value = 20;
    ws.getCell('A3').value = 30;
    // Filled down in Excel: one shared formula, its followers carry no text.
    ws.getCell('B1').value = { formula: 'A1*2', result: 20, shareType: 'shared', ref: 'B1:B3' } as unknown as ExcelJS.CellValue;
    ws.getCell('B2').value = { sharedFormula: 'B1', result: 40 };
    ws.getCell('B3').value = { sharedFormula: 'B1', result: 60 };
    ws.getCell('C1').value = { formula: 'SUM(B1:B3)+Data!A1', result: 125 };
    ws.getCell('C2').value = { formula: 'NOSUCHFUNCTION(A1)', result: 7 };
    data.getCell('A1').value = 5;
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  it('recomputes followers of shared formulas and cross-sheet totals, keeping unknown functions’ results', async () => {
    const pkg = readPackage(await workbook());
    const strings = readSharedStrings(pkg);
    const part = 'xl/worksheets/sheet1.xml';
    const index = indexSheet(readText(pkg, part)!);
    const writes = new Map<string, CellWrite>([['A2', { kind: 'value', value: { type: 'number', value: 25 } }]]);
    const results = refreshFormulaResults(pkg, { part, index, writes, listed: ['C1'] }, strings);
    expect(Object.fromEntries(results)).toEqual({ B2: { kind: 'cached', result: 50 }, C1: { kind: 'cached', result: 135 } });
    const patched = indexSheet(patchSheet(index, new Map([...writes, ...results]), strings));
    expect(readCell(patched.cells.get('B2'), strings).value).toEqual({ type: 'number', value: 50 });
    expect(patched.xml.slice(patched.cells.get('B2')!.start, patched.cells.get('B2')!.end)).toMatch(/<f t="shared" si="0"\/><v>50<\/v>/);
    expect(readCell(patched.cells.get('C2'), strings).value).toEqual({ type: 'number', value: 7 });
  });
});
