import fs from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { styleFontNames } from '../../electron/backend/export/cell-styles';
import { exportIntoOriginal } from '../../electron/backend/export/into-original';
import { readPackage, readText } from '../../electron/backend/export/package';
import { indexSheet, readCell } from '../../electron/backend/export/sheet-cells';
import { readSharedStrings } from '../../electron/backend/export/shared-strings';
import { openTestBackend } from '../helpers/backend';
import { exampleBytes, seedExamples, type ExampleForm } from '../helpers/export-fixtures';
import { rowWith, toCsvRows } from '../helpers/libreoffice';
import { changedEntries, entryText, sheetDiff } from '../helpers/xlsx-diff';

const SHEET = 'xl/worksheets/sheet1.xml';

async function seeded() {
  const { backend } = await openTestBackend();
  const db = backend.document!.db;
  const seed = await seedExamples(db);
  return { backend, db, seed };
}

function cellOf(bytes: Uint8Array, ref: string) {
  const pkg = readPackage(bytes);
  return readCell(indexSheet(readText(pkg, SHEET)!).cells.get(ref), readSharedStrings(pkg));
}

describe('export into the province’s own workbook', () => {
  it.each(['bieu01', 'bieu04', 'bieu05'] as ExampleForm[])('changes nothing in %s when the document holds what the file says', async (form) => {
    const { backend, db, seed } = await seeded();
    const original = exampleBytes(form);
    const out = exportIntoOriginal(db, original, seed.bindings[form]);
    expect(out.changedCells).toEqual([]);
    expect(changedEntries(original, out.bytes)).toEqual([]);
    await backend.close();
  });

  it('rewrites only the changed data cells of Biểu 04, numbers as numbers rounded as the form shows them', async () => {
    const { backend, db, seed } = await seeded();
    const planId = seed.planId;
    const recurrent = seed.sourceIds.get('central_recurrent')!;
    const community = seed.sourceIds.get('community')!;
    db.prepare('UPDATE resource_amount SET amount = 3973.6, investment = 120.25 WHERE plan_id = ? AND source_id = ?').run(planId, recurrent);
    db.prepare('UPDATE resource_amount SET amount = NULL WHERE plan_id = ? AND source_id = ?').run(planId, community);
    const original = exampleBytes('bieu04');
    // A binding that (wrongly) names the formula cell C8 as data: its formula stays.
    const binding = { ...seed.bindings.bieu04, cells: [...seed.bindings.bieu04.cells, { cell: 'C8', kind: 'number' as const, target: { table: 'resource_amount', key: [planId, 2025, recurrent], field: 'amount' } }] };
    const out = exportIntoOriginal(db, original, binding);

    expect(out.changedCells.sort()).toEqual(['C10', 'C15', 'D10']);
    expect(changedEntries(original, out.bytes)).toEqual([SHEET]);
    const diff = sheetDiff(entryText(original, SHEET), entryText(out.bytes, SHEET));
    // The totals' cached results follow: C8 = C9 + C10, C7 = C8 + C11 + C12 + C15.
    expect(out.recomputedFormulas.sort()).toEqual(['C7', 'C8']);
    expect(diff).toEqual({ outsideSame: true, rowsSame: true, cells: ['C10', 'C15', 'C7', 'C8', 'D10'] });
    expect(cellOf(out.bytes, 'C8')).toEqual({ value: { type: 'number', value: 19783 + 3974 }, formula: 'C9+C10', style: 8 });
    expect(cellOf(out.bytes, 'C7').value).toEqual({ type: 'number', value: 205251 });
    expect(cellOf(out.bytes, 'C10').value).toEqual({ type: 'number', value: 3974 });
    expect(cellOf(out.bytes, 'D10').value).toEqual({ type: 'number', value: 120 });
    expect(cellOf(out.bytes, 'C15').value).toEqual({ type: 'empty' });
    // The cell keeps its style (number format #,##0).
    expect(cellOf(out.bytes, 'C10').style).toBe(cellOf(original, 'C10').style);
    expect(entryText(out.bytes, SHEET)).toMatch(/<c r="C10" s="9"><v>3974<\/v><\/c>/);
    await backend.close();
  });

  it('writes marks the way the form does, reusing its shared strings, and new text inline so sharedStrings.xml stays as it was', async () => {
    const { backend, db, seed } = await seeded();
    const naTam = seed.communeIds.get('Nà Tăm')!;
    const c11 = (db.prepare("SELECT id FROM criterion WHERE set_id = 'xa-ntm-2021-2025' AND no = 11").get() as { id: number }).id;
    const c1 = (db.prepare("SELECT id FROM criterion WHERE set_id = 'xa-ntm-2021-2025' AND no = 1").get() as { id: number }).id;
    db.prepare("UPDATE criterion_mark SET met = 0 WHERE unit_id = ? AND criterion_id = ? AND kind = 'actual'").run(naTam, c1);
    db.prepare("UPDATE criterion_mark SET met = 1 WHERE unit_id = ? AND criterion_id = ? AND kind = 'actual'").run(naTam, c11);
    db.prepare("UPDATE unit_status SET note = '=1+1 chưa đạt' WHERE unit_id = ? AND kind = 'plan'").run(naTam);
    db.prepare("UPDATE unit_status SET note = '+84 Lai Châu' WHERE unit_id = ? AND kind = 'plan'").run(seed.communeIds.get('Bản Bo')!);
    const original = exampleBytes('bieu01');
    const out = exportIntoOriginal(db, original, seed.bindings.bieu01);

    expect(out.changedCells.sort()).toEqual(['C18', 'M18', 'Y10', 'Y18']);
    expect(changedEntries(original, out.bytes)).toEqual([SHEET]);
    const sheet = entryText(out.bytes, SHEET);
    expect(sheet).toContain('<c r="Y18" s="12" t="inlineStr"><is><t xml:space="preserve">=1+1 chưa đạt</t></is></c>');
    expect(sheet).toContain('<c r="Y10" s="12" t="inlineStr"><is><t xml:space="preserve">+84 Lai Châu</t></is></c>');
    expect(sheet).toMatch(/<c r="C18" s="10"\/>/);
    // "x" is already in the shared string table: the new mark points to it, as the other marks do.
    const x = readSharedStrings(readPackage(original)).indexOf('x');
    expect(sheet).toContain(`<c r="M18" s="10" t="s"><v>${x}</v></c>`);
    // Nà Tăm still meets 15 criteria; the communes meeting criteria 1 and 11 change.
    expect(out.recomputedFormulas.sort()).toEqual(['C21', 'M21']);
    expect(cellOf(out.bytes, 'C21').value).toEqual({ type: 'number', value: 11 });
    expect(cellOf(out.bytes, 'M21').value).toEqual({ type: 'number', value: 10 });
    expect(sheetDiff(entryText(original, SHEET), sheet)).toEqual({ outsideSame: true, rowsSame: true, cells: ['C18', 'C21', 'M18', 'M21', 'Y10', 'Y18'] });
    expect(cellOf(out.bytes, 'Y18').formula).toBeNull();
    await backend.close();
  });
});

describe('export into a legacy-font (TCVN3) workbook', () => {
  const LEGACY = 'test/fixtures/legacy/bieu01-tcvn3.xlsx';

  it('leaves cells whose TCVN3 text means what the document holds, writes marks as the form stores them and new text in Unicode with a Unicode font', async () => {
    const { backend, db, seed } = await seeded();
    const original = fs.readFileSync(LEGACY);
    const binding = { ...seed.bindings.bieu01, cells: seed.bindings.bieu01.cells.map((c) => (c.kind === 'mark' ? { ...c, markText: 'đạt' } : c)) };
    expect(exportIntoOriginal(db, original, binding).changedCells).toEqual([]);

    const naTam = seed.communeIds.get('Nà Tăm')!;
    const c11 = (db.prepare("SELECT id FROM criterion WHERE set_id = 'xa-ntm-2021-2025' AND no = 11").get() as { id: number }).id;
    db.prepare("UPDATE criterion_mark SET met = 1 WHERE unit_id = ? AND criterion_id = ? AND kind = 'actual'").run(naTam, c11);
    db.prepare("UPDATE unit_status SET note = 'Phấn đấu đạt chuẩn năm 2025' WHERE unit_id = ? AND kind = 'plan'").run(naTam);
    const out = exportIntoOriginal(db, original, binding);
    expect(out.changedCells.sort()).toEqual(['M18', 'Y18']);
    expect(changedEntries(original, out.bytes)).toEqual(['xl/styles.xml', SHEET]);

    const pkg = readPackage(out.bytes);
    const strings = readSharedStrings(pkg);
    const sheet = indexSheet(readText(pkg, SHEET)!);
    // The mark is the form's own stored "®¹t" (TCVN3 for "đạt"), so COUNTIF(…,"®¹t") still counts it.
    const mark = readCell(sheet.cells.get('M18'), strings);
    expect(mark.value).toEqual({ type: 'text', text: '®¹t' });
    const note = readCell(sheet.cells.get('Y18'), strings);
    expect(note.value).toEqual({ type: 'text', text: 'Phấn đấu đạt chuẩn năm 2025' });
    const fontOf = styleFontNames(readText(pkg, 'xl/styles.xml')!);
    expect(fontOf(note.style)).toBe('Times New Roman');
    expect(fontOf(readCell(indexSheet(readText(readPackage(original), SHEET)!).cells.get('Y18'), strings).style)).toMatch(/^\.Vn/);
    // Fonts and formats are only appended: every style the sheet already used keeps its index and look.
    const before = entryText(original, 'xl/styles.xml');
    const after = entryText(out.bytes, 'xl/styles.xml');
    expect(after.length).toBeGreaterThan(before.length);
    // COUNTIF(…,"®¹t") counts the new mark: Nà Tăm 16, criterion 11 met by 10, 217 in all, average 18.1.
    expect(out.recomputedFormulas.sort()).toEqual(['M21', 'V18', 'V21', 'V22']);
    expect(readCell(sheet.cells.get('V18'), strings).value).toEqual({ type: 'number', value: 16 });
    expect(readCell(sheet.cells.get('V22'), strings).value).toEqual({ type: 'number', value: 18.1 });
    expect(sheetDiff(entryText(original, SHEET), entryText(out.bytes, SHEET)).cells).toEqual(['M18', 'M21', 'V18', 'V21', 'V22', 'Y18']);
    await backend.close();
  });
});

describe('parts of the province’s workbook that exceljs would lose', () => {
  it('keeps cross-sheet list validations (extLst), drawings and charts, and LibreOffice’s fitToPage="true" exactly', async () => {
    const { backend, db, seed } = await seeded();
    const files = unzipSync(exampleBytes('bieu04'));
    const extLst =
      '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" allowBlank="1"><x14:formula1><xm:f>\'Danh mục\'!$A$1:$A$5</xm:f></x14:formula1><xm:sqref>E8:E15</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>';
    files[SHEET] = strToU8(strFromU8(files[SHEET]!).replace('</worksheet>', `${extLst}</worksheet>`));
    files['xl/drawings/drawing1.xml'] = strToU8('<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"/>');
    files['xl/charts/chart1.xml'] = strToU8('<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart/></c:chartSpace>');
    const original = zipSync(files);
    db.prepare('UPDATE resource_amount SET amount = 4000 WHERE plan_id = ? AND source_id = ?').run(seed.planId, seed.sourceIds.get('central_recurrent'));

    const out = exportIntoOriginal(db, original, seed.bindings.bieu04);
    expect(changedEntries(original, out.bytes)).toEqual([SHEET]);
    const after = entryText(out.bytes, SHEET);
    expect(after).toContain(extLst);
    expect(after).toContain('<pageSetUpPr fitToPage="true"/>');
    expect(sheetDiff(entryText(original, SHEET), after)).toEqual({ outsideSame: true, rowsSame: true, cells: ['C10', 'C7', 'C8'] });
    await backend.close();
  });
});

describe('a worksheet written with a namespace prefix (<x:row>, <x:c>)', () => {
  it('is read and patched in its own prefix, and LibreOffice reads the result', async () => {
    const { backend, db, seed } = await seeded();
    const files = unzipSync(exampleBytes('bieu04'));
    files[SHEET] = strToU8(
      strFromU8(files[SHEET]!)
        .replace('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"', 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"')
        .replace(/<(\/?)([a-zA-Z]+)(?=[\s>/])/g, '<$1x:$2'),
    );
    const original = zipSync(files);
    db.prepare('UPDATE resource_amount SET amount = 4000 WHERE plan_id = ? AND source_id = ?').run(seed.planId, seed.sourceIds.get('central_recurrent'));
    db.prepare("UPDATE resource_amount SET note = 'Bổ sung' WHERE plan_id = ? AND source_id = ?").run(seed.planId, seed.sourceIds.get('community'));
    const binding = { ...seed.bindings.bieu04, cells: [...seed.bindings.bieu04.cells, { cell: 'E15', kind: 'text' as const, target: { table: 'resource_amount', key: [seed.planId, 2025, seed.sourceIds.get('community')!], field: 'note' } }] };

    const out = exportIntoOriginal(db, original, binding);
    expect(out.changedCells.sort()).toEqual(['C10', 'E15']);
    const sheet = entryText(out.bytes, SHEET);
    expect(sheet).toContain('<x:c r="C10" s="9"><x:v>4000</x:v></x:c>');
    expect(sheet).toContain('<x:c r="E15" s="10" t="inlineStr"><x:is><x:t xml:space="preserve">Bổ sung</x:t></x:is></x:c>');
    expect(sheet).toMatch(/<x:c r="C7" s="8"><x:f aca="false">C8\+C11\+C12\+C15<\/x:f><x:v>205277<\/x:v><\/x:c>/);
    const rows = toCsvRows(out.bytes);
    expect(rowWith(rows, 1, 'Vốn sự nghiệp')[2]).toBe('4000');
    expect(rowWith(rows, 1, 'Cộng đồng dân cư tham gia đóng góp')[4]).toBe('Bổ sung');
    await backend.close();
  });
});
