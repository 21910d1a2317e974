import { parseA1 } from '../../../electron/backend/export/a1';
import { describe, expect, it } from 'vitest';
import { excelRound } from '../../../electron/backend/formulas/excel-round';
import { evaluateFormulas, type CellValue, type SheetCells } from '../../../electron/backend/formulas/evaluate';

function sheet(name: string, cells: Record<string, CellValue | `=${string}`>): SheetCells {
  return {
    name,
    cells: Object.entries(cells).map(([a, v]) => ({ ...parseA1(a)!, ...(typeof v === 'string' && v.startsWith('=') ? { formula: v.slice(1) } : { value: v }) })),
  };
}

const one = (formula: string, cells: Record<string, CellValue> = {}) => evaluateFormulas([sheet('S', { ...cells, Z1: `=${formula}` })]).get('S!Z1');

describe('Excel rounding', () => {
  // Excel's own results (the HyperFormula built-ins give 1, 0,28, 109 and 2,67).
  it.each([
    ['ROUND(1.005,2)', 1.01],
    ['ROUND(0.285,2)', 0.29],
    ['ROUND(21.9/0.2,0)', 110],
    ['ROUND(2.675,2)', 2.68],
    ['ROUND(-2.5,0)', -3],
    ['ROUND(1234.5,-2)', 1200],
    ['ROUND(3973.5,0)', 3974],
    ['ROUND(16.25,1)', 16.3],
    ['ROUND(0,2)', 0],
    ['ROUNDUP(3.2,0)', 4],
    ['ROUNDUP(-3.2,0)', -4],
    ['ROUNDUP(0.1*3,1)', 0.3],
    ['ROUNDUP(1.001,2)', 1.01],
    ['ROUNDDOWN(-3.7,0)', -3],
    ['ROUNDDOWN(2.675,2)', 2.67],
    ['ROUNDDOWN(0.7*3,1)', 2.1],
    ['TRUNC(8.9)', 8],
    ['ROUND(2.5)', 3],
  ])('%s = %s', (formula, excel) => {
    expect(one(formula)).toBe(excel);
  });

  it('rounds the same outside the engine (for code that rounds amounts itself)', () => {
    expect([excelRound(1.005, 2, 'half'), excelRound(-0.285, 2, 'half'), excelRound(1.1, 0, 'up'), excelRound(-1.9, 0, 'down')]).toEqual([1.01, -0.29, 2, -1]);
  });
});

describe('template formulas', () => {
  const marks = sheet('Biểu 01', {
    A1: 'Xã', B1: 'TC1', C1: 'TC2', D1: 'Tổng',
    A2: 'Bản Bo', B2: 'x', C2: 'x', D2: '=COUNTIF(B2:C2,"x")',
    A3: 'Nà Tăm', B3: 'x', C3: null, D3: '=COUNTIF(B3:C3,"x")',
    A4: 'Số xã đạt', B4: '=COUNTA(B2:B3)', C4: '=COUNTIF(C2:C3,"X")', D4: '=AVERAGE(D2:D3)',
  });

  it('evaluates COUNTIF (case-insensitive, like Excel), COUNTA and AVERAGE', () => {
    const r = evaluateFormulas([marks]);
    expect([r.get('Biểu 01!D2'), r.get('Biểu 01!D3'), r.get('Biểu 01!B4'), r.get('Biểu 01!C4'), r.get('Biểu 01!D4')]).toEqual([2, 1, 2, 1, 1.5]);
  });

  it('keeps typed text as text: "5" and "10%" are not numbers', () => {
    expect(one('SUM(A1:A3)', { A1: '5', A2: '10%', A3: 7 })).toBe(7);
    expect(one('COUNTA(A1:A3)', { A1: '5', A2: '10%', A3: 7 })).toBe(3);
  });

  it('evaluates SUM, SUMIF, IF and references to another sheet whose name has spaces and accents', () => {
    const list = sheet('Danh sách', { A1: 'I', B1: 19783, A2: 'II', B2: 3973.5, A3: 'I', B3: 100 });
    const summary = sheet('Tổng hợp', {
      A1: "=SUM('Danh sách'!B1:B3)",
      A2: "=SUMIF('Danh sách'!A1:A3,\"I\",'Danh sách'!B1:B3)",
      A3: '=IF(A1>20000,"vượt","đủ")',
      A4: '=ROUND(A1,0)',
      A5: '=A1/0',
    });
    const r = evaluateFormulas([list, summary]);
    expect([r.get('Tổng hợp!A1'), r.get('Tổng hợp!A2'), r.get('Tổng hợp!A3'), r.get('Tổng hợp!A4'), r.get('Tổng hợp!A5')]).toEqual([23856.5, 19883, 'vượt', 23857, { error: '#DIV/0!' }]);
  });

  it('reaches rows beyond HyperFormula\'s default limit of 40,000', () => {
    const cells: Record<string, CellValue | `=${string}`> = { A50000: 3, B1: '=SUM(A1:A50000)' };
    expect(evaluateFormulas([sheet('S', cells)]).get('S!B1')).toBe(3);
  });
});
