import { describe, expect, it } from 'vitest';
import { parseMark } from '../../shared/domain/marks';
import { bounds, cellsOf, contains, extend } from '../../renderer/grid/excel/range';
import { parseTsv, toTsv } from '../../renderer/grid/excel/tsv';

describe('clipboard TSV', () => {
  it('reads what Excel puts on the clipboard: CRLF rows, a trailing newline, quoted cells', () => {
    expect(parseTsv('x\t\tĐạt\r\n1\t-\t✓\r\n')).toEqual([
      ['x', '', 'Đạt'],
      ['1', '-', '✓'],
    ]);
    expect(parseTsv('"Xã ""Bản"" Bo"\t"dòng 1\ndòng 2"\tx\n')).toEqual([['Xã "Bản" Bo', 'dòng 1\ndòng 2', 'x']]);
    expect(parseTsv('a\t\n\tb')).toEqual([
      ['a', ''],
      ['', 'b'],
    ]);
    expect(parseTsv('16,3')).toEqual([['16,3']]);
    // A quote in the middle of a cell is just a character.
    expect(parseTsv('5" ống\tx\r\n')).toEqual([['5" ống', 'x']]);
  });

  it('writes TSV that reads back the same', () => {
    const rows = [
      ['Xã "A"', 'x', ''],
      ['dòng\nhai', '16,3', 'tab\there'],
    ];
    expect(parseTsv(toTsv(rows))).toEqual(rows);
  });
});

describe('marks', () => {
  it('reads the marks offices write and refuses anything else', () => {
    for (const met of ['x', 'X', 'Đạt', 'đạt', 'ĐẠT', '1', '✓', ' x ', 'Đạt'.normalize('NFD')]) expect(parseMark(met), met).toBe(true);
    for (const not of ['', '0', '-', 'Chưa đạt', 'chưa  đạt', '  ']) expect(parseMark(not), not).toBe(false);
    for (const bad of ['2', 'y', 'Đạt chuẩn', '19']) expect(parseMark(bad), bad).toBeNull();
  });
});

describe('cell ranges', () => {
  it('extends with Shift+arrows inside the grid and lists its cells row by row', () => {
    let range = { anchor: { row: 2, col: 3 }, extent: { row: 2, col: 3 } };
    range = extend(range, 1, 0, 10, 5);
    range = extend(range, 0, -1, 10, 5);
    expect(bounds(range)).toEqual({ top: 2, bottom: 3, left: 2, right: 3 });
    expect(cellsOf(bounds(range))).toEqual([
      { row: 2, col: 2 },
      { row: 2, col: 3 },
      { row: 3, col: 2 },
      { row: 3, col: 3 },
    ]);
    expect(contains(range, 3, 3)).toBe(true);
    expect(contains(range, 4, 3)).toBe(false);
    expect(extend({ anchor: { row: 0, col: 0 }, extent: { row: 0, col: 0 } }, -1, -1, 10, 5).extent).toEqual({ row: 0, col: 0 });
  });
});
