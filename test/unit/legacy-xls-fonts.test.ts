// Old .xls forms: the fonts SheetJS does not expose, read from the BIFF8 records, decode text as in an .xlsx.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cellText } from '../../electron/backend/import/cell-text';
import { readXlsFonts, type XlsFonts } from '../../electron/backend/legacy/xls-fonts';
import { FoundEncodings } from '../../shared/legacy';

interface SheetJs {
  read(data: Buffer, options: { type: 'buffer' }): { SheetNames: string[]; Sheets: Record<string, Record<string, { t: string; v: unknown }>> };
  utils: { decode_cell(address: string): { r: number; c: number } };
}
const XLSX = createRequire(import.meta.url)('xlsx') as SheetJs;
const fixtures = path.resolve(import.meta.dirname, '../fixtures/legacy');
const bytesOf = (name: string) => new Uint8Array(fs.readFileSync(path.join(fixtures, name)));

/** "Sheet!A1" → the text of every string cell, read by SheetJS and decoded with the fonts of the BIFF records. */
function readXlsTexts(name: string): { texts: Map<string, string>; fonts: XlsFonts; encodings: FoundEncodings } {
  const bytes = bytesOf(name);
  const fonts = readXlsFonts(bytes);
  if (!fonts) throw new Error(`${name}: no BIFF8 fonts`);
  const book = XLSX.read(Buffer.from(bytes), { type: 'buffer' });
  const encodings = new FoundEncodings();
  const texts = new Map<string, string>();
  for (const sheet of book.SheetNames) {
    for (const [address, cell] of Object.entries(book.Sheets[sheet]!)) {
      if (address.startsWith('!') || cell.t !== 's' || typeof cell.v !== 'string') continue;
      const { r, c } = XLSX.utils.decode_cell(address);
      const found = fonts.cell(sheet, r + 1, c + 1);
      const source = found?.runs ? { runs: found.runs } : { text: cell.v };
      texts.set(`${sheet}!${address}`, cellText(source, { cellFont: found?.cellFont ?? null, defaultFont: fonts.defaultFont, encodings }));
    }
  }
  return { texts, fonts, encodings };
}

async function readXlsxTexts(name: string): Promise<Map<string, string>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(path.join(fixtures, name)) as unknown as ArrayBuffer);
  const texts = new Map<string, string>();
  for (const ws of wb.worksheets) {
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.String) texts.set(`${ws.name}!${cell.address}`, cell.value as string);
      }),
    );
  }
  return texts;
}

describe('readXlsFonts', () => {
  it.each([
    ['bieu01-tcvn3.xls', 'tcvn3', '.VnTime'],
    ['bieu01-vni.xls', 'vni', 'VNI-Times'],
  ])('%s reads like the Unicode twin', async (file, encoding, defaultFont) => {
    const { texts, fonts, encodings } = readXlsTexts(file);
    const twin = await readXlsxTexts('bieu01-unicode.xlsx');
    expect(fonts.defaultFont).toBe(defaultFont);
    expect(encodings.summary).toBe(encoding);
    expect(texts.size).toBeGreaterThan(50);
    for (const [address, text] of texts) expect(text, address).toBe(twin.get(address));
    expect(texts.get('Bieu 01!A1')).toBe('ỦY BAN NHÂN DÂN HUYỆN TAM ĐƯỜNG');
    expect(texts.get('Bieu 01!B9')).toBe('Bình Lư');
    expect(texts.get('Bieu 01!C9')).toBe('đạt');
  });

  it('keeps rich-text runs with their fonts and reads shared strings that spill into CONTINUE records', () => {
    const { texts, fonts, encodings } = readXlsTexts('mixed-fonts.xls');
    expect(fonts.cell('Mixed fonts', 5, 2)?.runs?.map((run) => run.fontName)).toEqual(['.VnTime', 'VNI-Times', 'Times New Roman']);
    const rows = [...texts.keys()].filter((key) => /!C\d+$/.test(key));
    expect(rows.length).toBeGreaterThanOrEqual(90);
    for (const key of rows) {
      const legacy = key.replace(/!C(\d+)$/, '!B$1');
      expect(texts.get(legacy), legacy).toBe(texts.get(key));
    }
    expect(encodings.summary).toBe('mixed');
  });

  it('gives null for a file that is not an .xls', () => {
    expect(readXlsFonts(bytesOf('bieu01-tcvn3.xlsx'))).toBeNull();
  });
});
