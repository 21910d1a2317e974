// Exported workbooks opened by another program: LibreOffice's CSV shows the document's numbers (formula
// results included) and its PDF keeps the form's print setup.
import { describe, expect, it } from 'vitest';
import { exportForm } from '../../electron/backend/export/export-form';
import { openTestBackend } from '../helpers/backend';
import type Database from 'better-sqlite3';
import { seedExamples, type SeededExamples } from '../helpers/export-fixtures';
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
    expect(out.original).toEqual({ fileName: 'bieu04-nguon-luc.xlsx', changedCells: 1, notInForm: 0 });
    const rows = toCsvRows(out.bytes);
    expect(rowWith(rows, 1, 'Vốn sự nghiệp')[2]).toBe('4000');
    expect(rowWith(rows, 1, 'Vốn ngân sách Trung ương trực tiếp đầu tư')[2]).toBe('23783');
    expect(rowWith(rows, 1, 'TỔNG NGUỒN LỰC')[2]).toBe('205277');
    await backend.close();
  });

  it('shows changed marks and project amounts with the counts and sums computed from them', async () => {
    const { backend, db, seed } = await seeded();
    const c11 = (db.prepare("SELECT id FROM criterion WHERE set_id = 'xa-ntm-2021-2025' AND no = 11").get() as { id: number }).id;
    db.prepare("UPDATE criterion_mark SET met = 1 WHERE unit_id = ? AND criterion_id = ? AND kind = 'actual'").run(seed.communeIds.get('Nà Tăm'), c11);
    db.prepare("UPDATE project SET plan_amount = 1000 WHERE name LIKE 'Chợ nông thôn bản Cò Lá%'").run();
    const b01 = toCsvRows((await exportForm(db, { form: 'bieu01', planId: seed.planId })).bytes);
    expect(rowWith(b01, 1, 'Nà Tăm')[21]).toBe('16');
    expect(rowWith(b01, 1, 'Số xã đạt')[12]).toBe('10');
    expect(rowWith(b01, 1, 'Số xã đạt')[21]).toBe('217');
    expect(rowWith(b01, 1, 'Bình quân tiêu chí/xã')[21]).toBe('18.1');
    const b05 = toCsvRows((await exportForm(db, { form: 'bieu05', planId: seed.planId })).bytes);
    expect(rowWith(b05, 0, '1.4')[6]).toBe('1000');
    expect(rowWith(b05, 1, 'Dự án chuyển tiếp (6 công trình)')[6]).toBe(String(6120 - 642 + 1000));
    expect(rowWith(b05, 1, 'TỔNG CỘNG')[6]).toBe(String(19783 - 642 + 1000));
    await backend.close();
  });
});

const A4 = { short: 595, long: 842 };

describe('print setup kept in PDF', () => {
  /** Enough communes and projects that the built-in forms run over several pages. */
  function lengthen(db: Database.Database, seed: SeededExamples) {
    const unit = db.prepare("INSERT INTO unit (kind, name, parent_id, ord) VALUES ('commune', ?, ?, ?)");
    const project = db.prepare(
      "INSERT INTO project (plan_id, year, source_id, phase, name, unit_id, total_investment, plan_amount, ord) VALUES (?, 2025, ?, 'new', ?, ?, 500, 400, ?)",
    );
    for (let i = 1; i <= 60; i++) {
      const id = unit.run(`Xã thử ${i}`, seed.districtId, 100 + i).lastInsertRowid;
      project.run(seed.planId, seed.sourceIds.get('central'), `Đường giao thông thử số ${i}`, id, 100 + i);
    }
  }

  it.each([
    ['bieu01', 'landscape'],
    ['bieu04', 'portrait'],
    ['bieu05', 'landscape'],
  ] as const)('the built-in %s prints on A4 %s with its header rows repeated on every page', async (form, orientation) => {
    const { backend, db, seed } = await seeded();
    lengthen(db, seed);
    const pdf = toPdf((await exportForm(db, { form, planId: seed.planId, layout: 'builtin' })).bytes);
    expect([Math.round(pdf.width), Math.round(pdf.height)]).toEqual(orientation === 'landscape' ? [A4.long, A4.short] : [A4.short, A4.long]);
    if (form !== 'bieu04') expect(pdf.pages).toBeGreaterThan(1);
    for (let page = 1; page <= pdf.pages; page++) expect(pdf.text(page)).toContain('STT');
    expect(pdf.text(pdf.pages)).toContain('NGƯỜI LẬP BIỂU');
    await backend.close();
  });

  it.each([
    ['bieu01', 'landscape'],
    ['bieu04', 'portrait'],
    ['bieu05', 'landscape'],
  ] as const)('the province’s %s, exported with changes, still prints on A4 %s with its print titles', async (form, orientation) => {
    const { backend, db, seed } = await seeded();
    db.prepare("UPDATE unit_status SET note = 'Đã rà soát' WHERE kind = 'plan'").run();
    db.prepare('UPDATE resource_amount SET amount = 4000 WHERE plan_id = ? AND source_id = ?').run(seed.planId, seed.sourceIds.get('central_recurrent'));
    db.prepare("UPDATE project SET note = 'Đã rà soát' WHERE name LIKE 'Chợ nông thôn%'").run();
    const out = await exportForm(db, { form, planId: seed.planId });
    expect(out.source).toBe('original');
    expect(out.original?.changedCells).toBeGreaterThan(0);
    const pdf = toPdf(out.bytes);
    expect([Math.round(pdf.width), Math.round(pdf.height)]).toEqual(orientation === 'landscape' ? [A4.long, A4.short] : [A4.short, A4.long]);
    // #,##0 shows with the thousands separator of LibreOffice's locale.
    expect(pdf.text(1)).toMatch(form === 'bieu04' ? /4[.,]000/ : /Đã rà soát/);
    expect(entryText(out.bytes, 'xl/workbook.xml')).toContain('_xlnm.Print_Titles');
    await backend.close();
  });
});
