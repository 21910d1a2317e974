// The legacy-encoded Biểu 01 twins read through the importer's one text function (cellText) with the fonts
// exceljs reports and the workbook default font, cell by cell against their Unicode twin.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cellText, type TextSource } from '../../electron/backend/import/cell-text';
import { readWorkbookDefaultFont } from '../../electron/backend/legacy/default-font';
import { FoundEncodings, type WorkbookEncoding } from '../../shared/legacy';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/legacy');

interface ReadWorkbook {
  /** "Sheet!A1" → text as the importer reads it. */
  texts: Map<string, string>;
  /** "Sheet!A1" → the text exactly as stored. */
  stored: Map<string, string>;
  encoding: WorkbookEncoding;
}

async function readTexts(name: string): Promise<ReadWorkbook> {
  const bytes = fs.readFileSync(path.join(fixtures, name));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const defaultFont = readWorkbookDefaultFont(new Uint8Array(bytes));
  const encodings = new FoundEncodings();
  const texts = new Map<string, string>();
  const stored = new Map<string, string>();
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        const source = textSource(cell.value);
        if (!source) return;
        const key = `${ws.name}!${cell.address}`;
        texts.set(key, cellText(source, { cellFont: cell.font?.name ?? null, defaultFont, encodings }));
        stored.set(key, source.runs ? source.runs.map((r) => r.text).join('') : (source.text ?? ''));
      }),
    );
  }
  return { texts, stored, encoding: encodings.summary };
}

function textSource(value: ExcelJS.CellValue): TextSource | null {
  if (typeof value === 'string') return { text: value };
  if (value && typeof value === 'object' && 'richText' in value) {
    return { runs: value.richText.map((run) => ({ text: run.text, fontName: run.font?.name })) };
  }
  return null;
}

const SHEET = 'Bieu 01';
const communeRows = Array.from({ length: 12 }, (_, i) => 9 + i);
const criterionColumns = 'CDEFGHIJKLMNOPQRSTU'.split('');

function communeNames(read: ReadWorkbook): string[] {
  return communeRows.map((r) => read.texts.get(`${SHEET}!B${r}`) ?? '');
}

function marksMet(read: ReadWorkbook, columns: string[]): number {
  return communeRows.reduce((n, r) => n + columns.filter((c) => read.texts.get(`${SHEET}!${c}${r}`) === 'đạt').length, 0);
}

describe.each([
  ['bieu01-tcvn3.xlsx', 'tcvn3'],
  ['bieu01-vni.xlsx', 'vni'],
] as const)('%s', (file, encoding) => {
  it('reads every title, header, commune name, mark and note exactly like its Unicode twin', async () => {
    const [legacy, twin] = await Promise.all([readTexts(file), readTexts('bieu01-unicode.xlsx')]);
    expect(twin.encoding).toBe('unicode');
    expect(legacy.encoding).toBe(encoding);
    expect([...legacy.texts.keys()].sort()).toEqual([...twin.texts.keys()].sort());
    for (const [address, text] of twin.texts) expect(legacy.texts.get(address), address).toBe(text);
    // The fixture really is legacy text: the stored commune names and title differ from what they read as.
    expect(legacy.stored.get(`${SHEET}!B9`)).not.toBe(twin.stored.get(`${SHEET}!B9`));
    expect(legacy.stored.get(`${SHEET}!A2`)).not.toBe(twin.stored.get(`${SHEET}!A2`));
  });

  it('gives the figures of the form: 12 Unicode commune names, 216 criteria met, criterion 11 met by 9', async () => {
    const legacy = await readTexts(file);
    const names = communeNames(legacy);
    expect(names).toHaveLength(12);
    expect(names).toContain('Bình Lư');
    expect(names).toContain('Tả Lèng');
    expect(names).toContain('Hồ Thầu');
    expect(new Set(names).size).toBe(12);
    expect(marksMet(legacy, criterionColumns)).toBe(216);
    expect(marksMet(legacy, [criterionColumns[10]!])).toBe(9);
    expect(legacy.texts.get(`${SHEET}!A1`)).toBe('ỦY BAN NHÂN DÂN HUYỆN TAM ĐƯỜNG');
  });
});

describe('mixed-fonts.xlsx', () => {
  it('reads each cell by its own fonts, run by run, and leaves ordinary fonts alone', async () => {
    const read = await readTexts('mixed-fonts.xlsx');
    const sheet = 'Mixed fonts';
    const rows = [...read.texts.keys()].filter((k) => k.startsWith(`${sheet}!C`)).map((k) => Number(k.slice(`${sheet}!C`.length)));
    expect(rows.length).toBeGreaterThanOrEqual(10);
    for (const r of rows) {
      const label = read.texts.get(`${sheet}!A${r}`);
      expect(read.texts.get(`${sheet}!B${r}`), label).toBe(read.texts.get(`${sheet}!C${r}`));
    }
    expect(read.texts.get(`${sheet}!B7`)).toBe('Tæng sè');
    expect(read.encoding).toBe('mixed');
  });
});
