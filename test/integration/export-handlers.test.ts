import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { openTestBackend } from '../helpers/backend';
import { seedExamples } from '../helpers/export-fixtures';

async function seeded() {
  const { backend } = await openTestBackend();
  const seed = await seedExamples(backend.document!.db);
  return { backend, seed };
}

async function firstSheet(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}

describe('export through the contract', () => {
  it('lists the forms a plan can export, with the province’s files that were imported', async () => {
    const { backend, seed } = await seeded();
    const forms = await backend.dispatch('export.forms', { planId: seed.planId });
    expect(forms.map((f) => [f.form, f.builtIn, f.perCommune, f.original?.fileName ?? null])).toEqual([
      ['bieu01', true, true, 'bieu01-tieu-chi-xa.xlsx'],
      ['bieu04', true, false, 'bieu04-nguon-luc.xlsx'],
      ['bieu05', true, true, 'bieu05-danh-muc-cong-trinh.xlsx'],
    ]);
    await backend.close();
  });

  it('hands the exported workbook out as a file to save', async () => {
    const { backend, seed } = await seeded();
    const result = await backend.dispatch('export.run', { form: 'bieu04', planId: seed.planId });
    expect(result.source).toBe('original');
    expect(result.file.name).toBe('bieu04-nguon-luc.xlsx');
    const builtin = await backend.dispatch('export.run', { form: 'bieu04', planId: seed.planId, layout: 'builtin' });
    expect(builtin.file.name).toBe('Bieu04_2025.xlsx');
    const sheet = await firstSheet(backend.files.read(builtin.file.fileId));
    expect(sheet.pageSetup.orientation).toBe('portrait');
    expect(sheet.pageSetup.paperSize).toBe(9);
    expect(sheet.pageSetup.fitToWidth).toBe(1);
    expect(sheet.pageSetup.printTitlesRow).toBe('8:9');
    await backend.close();
  });

  it('writes one workbook per commune, reporting progress, each with only its own commune', async () => {
    const { backend, seed } = await seeded();
    const events: { done: number; total: number; taskId: string }[] = [];
    backend.on((event, payload) => {
      if (event === 'progress') events.push(payload as (typeof events)[number]);
    });
    const { files, archive } = await backend.dispatch('export.batch', { form: 'bieu01', planId: seed.planId, taskId: 'batch-1' });
    expect(files).toHaveLength(12);
    expect(files.map((f) => f.name)).toContain('Bieu01_2025_Na-Tam.xlsx');
    // The same workbooks, byte for byte, in one .zip to save.
    expect(archive.name).toBe('Bieu01_2025_cac-xa.zip');
    const inArchive = unzipSync(backend.files.read(archive.fileId));
    expect(Object.keys(inArchive).sort()).toEqual(files.map((f) => f.name).sort());
    for (const f of files) expect(Buffer.compare(Buffer.from(inArchive[f.name]!), backend.files.read(f.fileId))).toBe(0);
    expect(events.map((e) => e.done)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(events.every((e) => e.total === 12 && e.taskId === 'batch-1')).toBe(true);
    const naTam = await firstSheet(backend.files.read(files.find((f) => f.name === 'Bieu01_2025_Na-Tam.xlsx')!.fileId));
    const names = naTam.getColumn(2).values.filter((v) => typeof v === 'string');
    expect(names).toContain('Nà Tăm');
    expect(names).not.toContain('Bản Bo');
    const total = naTam.getRow(11).getCell(22).value as { formula: string; result: number };
    expect(total.result).toBe(15);

    const projects = await backend.dispatch('export.batch', { form: 'bieu05', planId: seed.planId, unitIds: [seed.communeIds.get('Bản Hon')!] });
    const banHon = await firstSheet(backend.files.read(projects.files[0]!.fileId));
    const items = banHon.getColumn(3).values.filter((v) => v === 'Bản Hon');
    expect(items).toHaveLength(4);
    await backend.close();
  });

  it('says how many figures the province’s workbook has no cell for, and that untouched exports leave nothing out', async () => {
    const { backend, seed } = await seeded();
    const db = backend.document!.db;
    expect((await backend.dispatch('export.run', { form: 'bieu01', planId: seed.planId })).original?.notInForm).toBe(0);
    expect((await backend.dispatch('export.run', { form: 'bieu04', planId: seed.planId })).original?.notInForm).toBe(0);
    expect((await backend.dispatch('export.run', { form: 'bieu05', planId: seed.planId })).original?.notInForm).toBe(0);
    // A commune added after the import, meeting 3 criteria with a recognition year, and one more project.
    const commune = Number(db.prepare("INSERT INTO unit (kind, name, parent_id, ord) VALUES ('commune', 'Xã mới', ?, 99)").run(seed.districtId).lastInsertRowid);
    db.prepare("INSERT INTO criterion_mark (unit_id, criterion_id, year, kind, met) SELECT ?, id, 2024, 'actual', CASE WHEN no <= 3 THEN 1 ELSE 0 END FROM criterion WHERE set_id = 'xa-ntm-2021-2025'").run(commune);
    db.prepare("INSERT INTO unit_status (unit_id, year, kind, recognised_year) VALUES (?, 2024, 'actual', 2023)").run(commune);
    db.prepare("INSERT INTO project (plan_id, year, source_id, phase, name, plan_amount, ord) VALUES (?, 2025, ?, 'new', 'Công trình mới', 100, 99)").run(seed.planId, seed.sourceIds.get('central'));
    const b01 = await backend.dispatch('export.run', { form: 'bieu01', planId: seed.planId });
    expect(b01.original?.notInForm).toBe(3 + 1);
    const b05 = await backend.dispatch('export.run', { form: 'bieu05', planId: seed.planId });
    expect(b05.original?.notInForm).toBe(1);
    await backend.close();
  });

  it('reports what the checks find with the file, never instead of it', async () => {
    const { backend, seed } = await seeded();
    // A typed parent that disagrees with its parts (23,756): a finding, and the file is still produced.
    backend.document!.db.prepare('UPDATE resource_amount SET typed_total = 24000 WHERE plan_id = ? AND source_id = ?').run(seed.planId, seed.sourceIds.get('central'));
    const result = await backend.dispatch('export.run', { form: 'bieu04', planId: seed.planId, layout: 'builtin' });
    expect(result.file.size).toBeGreaterThan(0);
    expect(result.findings.some((f) => f.expected === 23756 && f.actual === 24000)).toBe(true);
    const sheet = await firstSheet(backend.files.read(result.file.fileId));
    // The typed figure is written as the province typed it, not silently replaced by the sum.
    expect(sheet.getRow(11).getCell(3).value).toBe(24000);
    await backend.close();
  });

  it('writes amounts with as many decimals as the document holds, totals adding up what is shown', async () => {
    const { backend, seed } = await seeded();
    const db = backend.document!.db;
    db.prepare('UPDATE resource_amount SET amount = 3973.46 WHERE plan_id = ? AND source_id = ?').run(seed.planId, seed.sourceIds.get('central_recurrent'));
    const result = await backend.dispatch('export.run', { form: 'bieu04', planId: seed.planId, layout: 'builtin' });
    const sheet = await firstSheet(backend.files.read(result.file.fileId));
    const recurrent = sheet.getRow(13).getCell(3);
    expect(recurrent.value).toBe(3973.46);
    expect(recurrent.numFmt).toBe('#,##0.00');
    expect((sheet.getRow(10).getCell(3).value as { result: number }).result).toBeCloseTo(205250.46, 6);
    await backend.close();
  });

  it('stops a per-commune export between communes when cancelled', async () => {
    const { backend, seed } = await seeded();
    backend.on((event, payload) => {
      if (event === 'progress' && (payload as { done: number }).done === 3) void backend.dispatch('tasks.cancel', { taskId: 'batch-2' });
    });
    await expect(backend.dispatch('export.batch', { form: 'bieu01', planId: seed.planId, taskId: 'batch-2' })).rejects.toMatchObject({ code: 'error.cancelled' });
    await backend.close();
  });

  it('refuses what cannot be produced, with the reason, and writes nothing', async () => {
    const { backend, seed } = await seeded();
    await expect(backend.dispatch('export.batch', { form: 'bieu04', planId: seed.planId })).rejects.toMatchObject({ code: 'export.error.notPerCommune' });
    await expect(backend.dispatch('export.run', { form: 'bieu09', planId: seed.planId })).rejects.toMatchObject({ code: 'export.error.unknownForm' });
    backend.document!.db.prepare("DELETE FROM workbook WHERE form = 'bieu05'").run();
    await expect(backend.dispatch('export.run', { form: 'bieu05', planId: seed.planId, layout: 'original' })).rejects.toMatchObject({
      code: 'export.error.noOriginal',
    });
    await backend.close();
  });
});
