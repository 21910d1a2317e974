import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { IMPORT_LIMITS } from '../../electron/backend/import/limits';
import { closeParser, parseWorkbook } from '../../electron/backend/import/parser';
import { corpus, EXAMPLE_FILES } from '../helpers/import';

afterAll(() => closeParser());

describe('parsing in a worker thread', () => {
  it('stops a parse that runs past the time limit, and the next file parses in a fresh worker', async () => {
    const bytes = fs.readFileSync(EXAMPLE_FILES[0] as string);
    await expect(parseWorkbook(bytes, 'xlsx', null, { ...IMPORT_LIMITS, parseTimeoutMs: 1 })).rejects.toMatchObject({ code: 'import.timeout' });
    const workbook = await parseWorkbook(bytes, 'xlsx', 'Calibri');
    expect(workbook.sheets.map((s) => [s.name, s.rowCount, s.columnCount])).toEqual([['Bieu 01', 27, 25]]);
    const v9 = workbook.sheets[0]?.cells.find((c) => c.row === 9 && c.col === 22);
    expect(v9).toMatchObject({ formula: 'COUNTIF(C9:U9,"x")', value: 19, font: 'Times New Roman' });
  });

  it('reads a legacy .xls in its own hardened worker', async () => {
    const workbook = await parseWorkbook(fs.readFileSync(corpus('bieu01-legacy.xls')), 'xls', null);
    expect(workbook.format).toBe('xls');
    const names = workbook.sheets[0]?.cells.filter((c) => c.col === 2 && c.row >= 5 && c.row <= 8).map((c) => c.text);
    expect(names).toEqual(['Bình Lư', 'Bản Bo', 'Khun Há', 'Nà Tăm']);
  });

  it('refuses a sheet with a cell beyond the row cap', async () => {
    await expect(parseWorkbook(fs.readFileSync(corpus('far-cell.xlsx')), 'xlsx', null)).rejects.toMatchObject({ code: 'import.tooManyRows' });
  });
});
