import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { unicodeStyles } from '../../electron/backend/legacy/unicode-styles';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/legacy');
const SHEET_PART = 'xl/worksheets/sheet1.xml';

function unzipFixture(name: string): Record<string, Uint8Array> {
  return unzipSync(new Uint8Array(fs.readFileSync(path.join(fixtures, name))));
}

function styleOf(sheetXml: string, address: string): number {
  const tag = new RegExp(`<c r="${address}"[^>]*>`).exec(sheetXml)?.[0] ?? '';
  return Number(/\ss="(\d+)"/.exec(tag)?.[1] ?? 0);
}

/** Gives each listed cell its Unicode twin style, writes Unicode text into it, and reads the fonts back with exceljs. */
async function rewriteCells(name: string, cells: Record<string, string>): Promise<{ wb: ExcelJS.Workbook; styles: ReturnType<typeof unicodeStyles> }> {
  const files = unzipFixture(name);
  const styles = unicodeStyles(strFromU8(files['xl/styles.xml']!));
  let sheet = strFromU8(files[SHEET_PART]!);
  for (const [address, text] of Object.entries(cells)) {
    const style = styles.styleFor(styleOf(sheet, address));
    sheet = sheet.replace(new RegExp(`<c r="${address}"[^>]*?(?:/>|>[\\s\\S]*?</c>)`), `<c r="${address}" s="${style}" t="inlineStr"><is><t>${text}</t></is></c>`);
  }
  files['xl/styles.xml'] = strToU8(styles.xml());
  files[SHEET_PART] = strToU8(sheet);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(zipSync(files)) as unknown as ArrayBuffer);
  return { wb, styles };
}

describe('unicodeStyles', () => {
  it('gives changed cells of a TCVN3 form Times New Roman of the same size and weight', async () => {
    const before = new ExcelJS.Workbook();
    await before.xlsx.readFile(path.join(fixtures, 'bieu01-tcvn3.xlsx'));
    const was = before.getWorksheet('Bieu 01')!;
    const { wb, styles } = await rewriteCells('bieu01-tcvn3.xlsx', { A2: 'KẾT QUẢ NĂM 2026', B9: 'Bình Lư', C9: 'đạt' });
    const ws = wb.getWorksheet('Bieu 01')!;
    expect(styles.changed).toBe(true);
    expect(ws.getCell('A2').value).toBe('KẾT QUẢ NĂM 2026');
    expect(ws.getCell('A2').font).toMatchObject({ name: 'Times New Roman', size: was.getCell('A2').font!.size, bold: true });
    expect(ws.getCell('B9').font).toMatchObject({ name: 'Times New Roman', size: was.getCell('B9').font!.size });
    expect(ws.getCell('B9').font?.bold).toBeFalsy();
    // A mark cell without a style was drawn in the default .VnTime: it gets a style of its own.
    expect(ws.getCell('C9').font).toMatchObject({ name: 'Times New Roman', size: 12 });
    // Untouched cells keep their legacy font and text.
    expect(ws.getCell('A1').font?.name).toBe('.VnTimeH');
    expect(ws.getCell('B10').font?.name).toBe('.VnTime');
    expect(ws.getCell('B10').value).toBe(was.getCell('B10').value);
    expect(ws.getCell('A2').alignment).toEqual(was.getCell('A2').alignment);
  });

  it('keeps styles whose font is already Unicode, and answers the same twin for the same style', () => {
    const files = unzipFixture('bieu01-unicode.xlsx');
    const sheet = strFromU8(files[SHEET_PART]!);
    const xml = strFromU8(files['xl/styles.xml']!);
    const styles = unicodeStyles(xml);
    const style = styleOf(sheet, 'B9');
    expect(styles.styleFor(style)).toBe(style);
    expect(styles.changed).toBe(false);
    expect(styles.xml()).toBe(xml);

    const legacy = unicodeStyles(strFromU8(unzipFixture('bieu01-vni.xlsx')['xl/styles.xml']!));
    const twin = legacy.styleFor(style);
    expect(twin).not.toBe(style);
    expect(legacy.styleFor(style)).toBe(twin);
  });

  it('updates the counts of fonts and cell formats', () => {
    const xml =
      '<styleSheet><fonts count="1"><font><sz val="13"/><b/><charset val="1"/><name val="VNI-Times"/></font></fonts>' +
      '<cellXfs count="1"><xf numFmtId="0" fontId="0" applyFont="0"/></cellXfs></styleSheet>';
    const styles = unicodeStyles(xml);
    expect(styles.styleFor(0)).toBe(1);
    expect(styles.xml()).toBe(
      '<styleSheet><fonts count="2"><font><sz val="13"/><b/><charset val="1"/><name val="VNI-Times"/></font><font><sz val="13"/><b/><name val="Times New Roman"/></font></fonts>' +
        '<cellXfs count="2"><xf numFmtId="0" fontId="0" applyFont="0"/><xf numFmtId="0" fontId="1" applyFont="1"/></cellXfs></styleSheet>',
    );
  });
});
