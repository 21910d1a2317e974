// Row counts counted without the engine, and the engine given only the cells the other formulas reach, give
// exactly what HyperFormula gives over the whole workbook.
import { columnName, parseA1 } from '../../../electron/backend/export/a1';
import { describe, expect, it } from 'vitest';
import { evaluateFormulas, evaluateWithEngine, type CellValue, type SheetCells } from '../../../electron/backend/formulas/evaluate';
import { shortcut } from '../../../electron/backend/formulas/shortcut';

function sheet(name: string, cells: Record<string, CellValue | `=${string}`>): SheetCells {
  return {
    name,
    cells: Object.entries(cells).map(([a, v]) => ({ ...parseA1(a)!, ...(typeof v === 'string' && v.startsWith('=') ? { formula: v.slice(1) } : { value: v }) })),
  };
}

const sameAsEngine = (sheets: SheetCells[]) => expect(evaluateFormulas(sheets)).toEqual(evaluateWithEngine(sheets));

const MARKS = ['x', 'X', ' x', 'x ', 'đạt', 'Đạt', 'ĐẠT', 'Đạt'.normalize('NFD'), 'dat', 'Dat', 'đat', '®¹t', '®¹T', 'Ñaït', 1, 0, true, null, '', '1', 'TRUE', '#N/A'];

describe('formulas counted without the engine', () => {
  it.each(['x', 'X', 'đạt', 'Đạt', 'dat', '®¹t', 'ñaït', 'không đạt', ' x ', 'x x'])('COUNTIF(…,"%s") counts as HyperFormula does', (criterion) => {
    const cells: Record<string, CellValue | `=${string}`> = {};
    MARKS.forEach((mark, i) => (cells[`A${i + 1}`] = mark));
    cells.B1 = `=COUNTIF(A1:A${MARKS.length},"${criterion}")`;
    cells.B2 = `=countif( $A$${MARKS.length} : A1 , "${criterion}" )`;
    const sheets = [sheet('S', cells)];
    expect(shortcut(sheets).engine).toBeNull();
    sameAsEngine(sheets);
  });

  it.each(['1', '>0', '<>x', '=x', 'x*', '?', '~x', 'true', 'FALSE', '', ' ', '1/2/2020', '5%', '$5', '10:30', 'a""b'])('leaves COUNTIF(…,"%s") to the engine', (criterion) => {
    const cells: Record<string, CellValue | `=${string}`> = {};
    MARKS.forEach((mark, i) => (cells[`A${i + 1}`] = mark));
    cells.B1 = `=COUNTIF(A1:A${MARKS.length},"${criterion}")`;
    const sheets = [sheet('S', cells)];
    expect(shortcut(sheets).counted.size).toBe(0);
    sameAsEngine(sheets);
  });

  it('gives the engine only what the other formulas reach, fast counts as their results', () => {
    const cells: Record<string, CellValue | `=${string}`> = { A1: 'Xã', B1: 'TC1', C1: 'TC2' };
    for (let r = 2; r <= 40; r++) Object.assign(cells, { [`A${r}`]: `Xã ${r}`, [`B${r}`]: r % 3 ? 'x' : null, [`C${r}`]: 'x', [`D${r}`]: `=COUNTIF(B${r}:C${r},"x")` });
    Object.assign(cells, { B41: '=COUNTIF(B2:B40,"x")', D41: '=SUM(D2:D40)', D42: '=ROUND(AVERAGE(D2:D40),1)', D43: '=D41/B41+E1', E1: 0.5, F1: 'not reached', F2: '=F1&"!"' });
    const sheets = [sheet('Biểu 01', cells)];
    const plan = shortcut(sheets);
    expect(plan.engine).not.toBe('all');
    const engineCells = plan.engine === 'all' || plan.engine === null ? [] : (plan.engine[0]?.cells ?? []).map((c) => `${columnName(c.col)}${c.row}`);
    expect(engineCells).toContain('D2');
    expect(engineCells).toContain('E1');
    expect(engineCells).not.toContain('A2');
    expect(engineCells).not.toContain('B2');
    sameAsEngine(sheets);
  });

  it('follows references across sheets, chains of formulas and cycles', () => {
    const list = sheet('Danh sách', { A1: 'x', A2: 'x', A3: 'y', B1: '=COUNTIF(A1:A3,"x")', B2: '=B1*2', B3: '=B3+1' });
    const summary = sheet('Tổng hợp', { A1: "='Danh sách'!B2+'danh sách'!B1", A2: '=COUNTIF(A1:A1,"x")', A3: '=COUNTIF(A3:B3,"x")', A4: '=Missing!A1', A5: '=SUM(Z1:Z9)' });
    sameAsEngine([list, summary]);
  });

  it('sends the whole workbook to the engine when references cannot be read from the text', () => {
    for (const formula of ['SUM(A:A)', 'SUM(1:2)', 'INDIRECT("A1")', 'SUM(OFFSET(A1,1,0,2,1))', 'ISFORMULA(B1)', 'SUM(S:S!A1)', 'SUM(S!A1:S!A2)']) {
      const sheets = [sheet('S', { A1: 1, A2: 2, A3: 'x', B1: '=COUNTIF(A1:A3,"x")', C1: `=${formula}` })];
      expect(shortcut(sheets).engine).toBe('all');
      sameAsEngine(sheets);
    }
  });
});
