// Exported workbooks opened by another program: LibreOffice's CSV shows the document's numbers (formula
// results included) and its PDF keeps the form's print setup.
import { describe, expect, it } from 'vitest';
import { exportForm } from '../../electron/backend/export/export-form';
import { openTestBackend } from '../helpers/backend';
import { seedExamples } from '../helpers/export-fixtures';
import { rowWith, toCsvRows, toPdf } from '../helpers/libreoffice';
import { entryText } from '../helpers/xlsx-diff';

async function seeded() {
  const { backend } = await openTestBackend();
  const db = backend.document!.db;
  const seed = await seedExamples(db);
  return { backend, db, seed };
}

describe('built-in layouts read back by LibreOffice', () => {
  it('Biểu 01 shows each commune’s criteria met, the communes meeting each criterion and the average', async () => {
    const { backend, db, seed } = await seeded();
    const out = await exportForm(db, { form: 'bieu01', planId: seed.planId, layout: 'builtin' });
    expect(out.source).toBe('builtin');
    const rows = toCsvRows(out.bytes);
    expect(rows[0]?.[0]).toBe('ỦY BAN NHÂN DÂN HUYỆN TAM ĐƯỜNG');
    expect(rows.some((r) => r.includes('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'))).toBe(true);
    expect(rows.some((r) => r.includes('Độc lập - Tự do - Hạnh phúc'))).toBe(true);
    expect(rows.some((r) => r.includes('Biểu số 01'))).toBe(true);
    // Columns: STT, name, 19 criteria, total met (21), recognised (22), plan (23), note (24).
    expect(rowWith(rows, 1, 'Nà Tăm')[21]).toBe('15');
    expect(rowWith(rows, 1, 'Giang Ma')[21]).toBe('14');
    expect(rowWith(rows, 1, 'Tả Lèng')[21]).toBe('16');
    expect(rowWith(rows, 1, 'Bình Lư')[22]).toBe('2016');
    expect(rowWith(rows, 1, 'Nà Tăm')[24]).toBe('Đăng ký đạt chuẩn năm 2025');
    const meeting = rowWith(rows, 1, 'Số xã đạt');
    expect(meeting[2 + 10]).toBe('9');
    expect(meeting[21]).toBe('216');
    expect(Number(rowWith(rows, 1, 'Bình quân tiêu chí/xã')[21])).toBe(18);
    expect(rows.filter((r) => r[21] === '19').length).toBe(9);
    await backend.close();
  });

  it('Biểu 04 shows every source and the totals that add up its parts', async () => {
    const { backend, db, seed } = await seeded();
    const rows = toCsvRows((await exportForm(db, { form: 'bieu04', planId: seed.planId, layout: 'builtin' })).bytes);
    expect(rowWith(rows, 1, 'TỔNG NGUỒN LỰC').slice(2, 4)).toEqual(['205250', '112694']);
    expect(rowWith(rows, 1, 'Vốn ngân sách Trung ương trực tiếp đầu tư').slice(2, 4)).toEqual(['23756', '19783']);
    expect(rowWith(rows, 1, 'Vốn sự nghiệp')[2]).toBe('3973');
    expect(rowWith(rows, 1, 'Vốn ngân sách địa phương').slice(2, 4)).toEqual(['74135', '39767']);
    expect(rowWith(rows, 1, 'Vốn lồng ghép')[2]).toBe('107359');
    expect(rowWith(rows, 1, 'Vốn Chương trình MTQG giảm nghèo bền vững')[2]).toBe('13394');
    expect(rowWith(rows, 1, 'Cộng đồng dân cư tham gia đóng góp')[2]).toBe('0');
    expect(rows.some((r) => r.includes('Đơn vị tính: triệu đồng'))).toBe(true);
    await backend.close();
  });

  it('Biểu 05 lists 6 continuing and 20 new projects with the year’s plan of 19,783', async () => {
    const { backend, db, seed } = await seeded();
    const rows = toCsvRows((await exportForm(db, { form: 'bieu05', planId: seed.planId, layout: 'builtin' })).bytes);
    expect(rowWith(rows, 1, 'TỔNG CỘNG').slice(4, 7)).toEqual(['28371', '5940', '19783']);
    expect(rowWith(rows, 1, 'Dự án chuyển tiếp (6 công trình)')[6]).toBe('6120');
    expect(rowWith(rows, 1, 'Dự án khởi công mới (20 công trình)')[6]).toBe('13663');
    expect(rowWith(rows, 0, '2.20')[1]).toBe('Nhà văn hóa bản Cò Lá, xã Bản Giang');
    await backend.close();
  });
});

describe('the province’s own workbook read back by LibreOffice', () => {
  it('shows the changed amounts and the totals computed from them', async () => {
    const { backend, db, seed } = await seeded();
    db.prepare('UPDATE resource_amount SET amount = 4000 WHERE plan_id = ? AND source_id = ?').run(seed.planId, seed.sourceIds.get('central_recurrent'));
    const out = await exportForm(db, { form: 'bieu04', planId: seed.planId });
    expect(out.source).toBe('original');
    expect(out.original).toEqual({ fileName: 'bieu04-nguon-luc.xlsx', changedCells: 1 });
    const rows = toCsvRows(out.bytes);
    expect(rowWith(rows, 1, 'Vốn sự nghiệp')[2]).toBe('4000');
    expect(rowWith(rows, 1, 'Vốn ngân sách Trung ương trực tiếp đầu tư')[2]).toBe('23783');
    expect(rowWith(rows, 1, 'TỔNG NGUỒN LỰC')[2]).toBe('205277');
    await backend.close();
  });
});

describe('print setup kept in PDF', () => {
  it('the built-in Biểu 01 prints on A4 landscape with its header rows repeated on every page', async () => {
    const { backend, db, seed } = await seeded();
    const insert = db.prepare("INSERT INTO unit (kind, name, parent_id, ord) VALUES ('commune', ?, ?, ?)");
    for (let i = 1; i <= 60; i++) insert.run(`Xã thử ${i}`, seed.districtId, 100 + i);
    const pdf = toPdf((await exportForm(db, { form: 'bieu01', planId: seed.planId, layout: 'builtin' })).bytes);
    expect(pdf.pages).toBeGreaterThan(1);
    expect(pdf.width).toBeGreaterThan(pdf.height);
    expect(Math.round(pdf.width)).toBe(842);
    for (let page = 1; page <= pdf.pages; page++) expect(pdf.text(page)).toContain('Tên xã');
    expect(pdf.text(pdf.pages)).toContain('NGƯỜI LẬP BIỂU');
    await backend.close();
  });

  it('the province’s Biểu 01, exported with changes, still prints landscape with its print titles', async () => {
    const { backend, db, seed } = await seeded();
    db.prepare("UPDATE unit_status SET note = 'Đã rà soát' WHERE kind = 'plan'").run();
    const out = await exportForm(db, { form: 'bieu01', planId: seed.planId });
    expect(out.original?.changedCells).toBe(12);
    const pdf = toPdf(out.bytes);
    expect(pdf.width).toBeGreaterThan(pdf.height);
    expect(pdf.text(1)).toContain('Đã rà soát');
    expect(entryText(out.bytes, 'xl/workbook.xml')).toContain('_xlnm.Print_Titles');
    await backend.close();
  });
});
