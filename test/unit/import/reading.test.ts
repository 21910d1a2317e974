import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cellText, resolvedFont } from '../../../electron/backend/import/cell-text';
import { countedMark, formatDecimals, MarkReader, readNumber, titleYears } from '../../../electron/backend/import/cell-values';
import { checkPackage } from '../../../electron/backend/import/package-check';
import { matchesAny } from '../../../electron/backend/import/text-match';
import { unitKey } from '../../../electron/backend/import/unit-directory';
import type { ParsedCell } from '../../../electron/backend/import/workbook-model';
import { corpus, EXAMPLE_FILES } from '../../helpers/import';

const cell = (value: ParsedCell['value']): ParsedCell => ({ row: 1, col: 1, text: value === null ? '' : String(value), value });

describe('cellText', () => {
  it('joins rich-text runs and normalises to NFC', () => {
    const fonts = { cellFont: 'Times New Roman', defaultFont: 'Calibri' };
    expect(cellText({ runs: [{ text: 'Xã ' }, { text: 'Ba\u0309n Bo', fontName: 'Arial' }] }, fonts)).toBe('Xã Bản Bo');
    expect(cellText({ text: 'Nu\u0300ng Na\u0300ng' }, fonts)).toBe('Nùng Nàng');
  });

  it('gives a decoder the font the text is drawn in: the run’s, else the cell style’s, else the workbook default', () => {
    expect(resolvedFont({ text: 'a', fontName: '.VnTime' }, { cellFont: 'Arial', defaultFont: 'Calibri' })).toBe('.VnTime');
    expect(resolvedFont({ text: 'a' }, { cellFont: 'VNI-Times', defaultFont: 'Calibri' })).toBe('VNI-Times');
    expect(resolvedFont(undefined, { cellFont: null, defaultFont: 'Calibri' })).toBe('Calibri');
  });
});

describe('reading values the way offices type them', () => {
  it('reads Vietnamese and English numbers and calls the ambiguous ones problems', () => {
    expect(readNumber(cell('19.783'))).toEqual({ ok: true, value: 19783 });
    expect(readNumber(cell('3.973,5'))).toEqual({ ok: true, value: 3973.5 });
    expect(readNumber(cell('3973.5'))).toEqual({ ok: true, value: 3973.5 });
    expect(readNumber(cell(205250))).toEqual({ ok: true, value: 205250 });
    expect(readNumber(cell('-'))).toEqual({ ok: true, value: null });
    expect(readNumber(cell('19,783'))).toMatchObject({ ok: false, key: 'import.problem.ambiguousNumber', params: { a: '19.783', b: '19,783' } });
    expect(readNumber(cell('mười'))).toMatchObject({ ok: false, key: 'import.problem.badNumber' });
  });

  it('reads marks in any case and refuses the unknown ones', () => {
    const marks = new MarkReader(['x', 'đạt', '✓', '1'], ['', '-', '0', 'chưa đạt']);
    expect(['x', 'X', 'Đạt', 'ĐẠT', '✓', 1].map((v) => marks.read(cell(v)))).toEqual(Array(6).fill({ ok: true, value: true }));
    expect(['Chưa đạt', '-', 0, null].map((v) => marks.read(cell(v)))).toEqual(Array(4).fill({ ok: true, value: false }));
    expect(marks.read(cell('có lẽ'))).toMatchObject({ ok: false, key: 'import.problem.badMark' });
    marks.addMet('Đ');
    expect(marks.read(cell('đ'))).toEqual({ ok: true, value: true });
  });

  it('finds the mark a form counts, the decimals it shows and the years its title states', () => {
    expect(countedMark('COUNTIF(C9:U9,"x")')).toBe('x');
    expect(countedMark('COUNTIF(C9:U9,"Đạt")')).toBe('Đạt');
    expect(countedMark('COUNTIF(C9:U9,"<>")')).toBeNull();
    expect([formatDecimals('#,##0'), formatDecimals('#,##0.00'), formatDecimals(undefined)]).toEqual([0, 2, undefined]);
    expect(titleYears('KẾT QUẢ ... ĐẾN 31/12/2024 VÀ KẾ HOẠCH NĂM 2025\n(Kèm theo Kế hoạch số /KH-UBND ngày / /2025)')).toEqual({ status: 2024, plan: 2025 });
    expect(titleYears('DỰ KIẾN NGUỒN LỰC ... NĂM 2025')).toEqual({ status: null, plan: 2025 });
    expect(titleYears('GIAI ĐOẠN 2021-2025')).toEqual({ status: null, plan: null });
  });

  it('matches commune names after NFC, case folding, trimming and dropping prefixes', () => {
    const key = unitKey('Bản Bo');
    expect(['Xã Bản Bo', '  BẢN  BO ', 'xã bản bo', 'Ba\u0309n Bo', 'Thị trấn Bản Bo', 'Phường Bản Bo'].map(unitKey)).toEqual(Array(6).fill(key));
    expect(unitKey('Bản Bó')).not.toBe(key);
  });

  it('matches header words on word boundaries, without case or diacritics', () => {
    expect(matchesAny('Tên xã', [['xã']])).toBe(true);
    expect(matchesAny('TEN XA', [['tên xã']])).toBe(true);
    expect(matchesAny('Địa điểm xây dựng', [['xã']])).toBe(false);
    expect(matchesAny('Trong đó: vốn đầu tư', [['trong đó', 'đầu tư']])).toBe(true);
  });
});

describe('package checks', () => {
  it('names each sheet’s part and the default font of an xlsx', () => {
    expect(checkPackage(fs.readFileSync(EXAMPLE_FILES[0] as string))).toEqual({ format: 'xlsx', sheetParts: { 'Bieu 01': 'xl/worksheets/sheet1.xml' }, defaultFont: 'Calibri' });
  });

  it('tells a legacy .xls from a password-protected package', () => {
    expect(checkPackage(fs.readFileSync(corpus('bieu01-legacy.xls'))).format).toBe('xls');
    expect(() => checkPackage(fs.readFileSync(corpus('encrypted.xlsx')))).toThrow(expect.objectContaining({ code: 'import.encrypted' }));
  });

  it('refuses packages beyond the caps from the central directory alone', () => {
    const bytes = fs.readFileSync(EXAMPLE_FILES[0] as string);
    const limits = { maxFileBytes: 1e9, maxZipEntries: 3, maxUncompressedBytes: 1e9, maxRows: 1, maxColumns: 1, maxCells: 1, parseTimeoutMs: 1, workerHeapMb: 1 };
    expect(() => checkPackage(bytes, limits)).toThrow(expect.objectContaining({ code: 'import.tooManyEntries' }));
    expect(() => checkPackage(bytes, { ...limits, maxZipEntries: 1000, maxUncompressedBytes: 10_000 })).toThrow(expect.objectContaining({ code: 'import.tooLargeUnpacked' }));
    expect(() => checkPackage(bytes, { ...limits, maxFileBytes: 100 })).toThrow(expect.objectContaining({ code: 'import.tooLarge' }));
  });
});
