import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Binding } from '../../electron/backend/forms/binding';
import { closeParser } from '../../electron/backend/import/parser';
import { runCli } from '../../electron/cli/run';
import { openTestBackend } from '../helpers/backend';
import { EXAMPLE_FILES, corpus, importFiles, previewFiles } from '../helpers/import';
import { tempDir } from '../helpers/temp';

afterAll(() => closeParser());

describe('the three example forms', () => {
  it('import in one batch with the figures of the plan and a report per file', async () => {
    const { backend } = await openTestBackend();
    const progress: number[] = [];
    backend.on((event, payload) => {
      if (event === 'progress') progress.push((payload as { done: number }).done);
    });
    const files = await importFiles(backend, EXAMPLE_FILES);
    expect(files.map((f) => [f.file, f.status, f.form, f.year])).toEqual([
      ['bieu01-tieu-chi-xa.xlsx', 'staged', 'bieu01', 2024],
      ['bieu04-nguon-luc.xlsx', 'staged', 'bieu04', 2025],
      ['bieu05-danh-muc-cong-trinh.xlsx', 'staged', 'bieu05', 2025],
    ]);
    expect(files.flatMap((f) => f.problems)).toEqual([]);
    expect(files.flatMap((f) => f.findings)).toEqual([]);
    expect(files[0]?.newUnits).toHaveLength(12);
    expect(progress).toEqual([0, 1, 2, 3]);

    const summary = await backend.dispatch('summary.get', {});
    expect(summary.units.communes).toBe(12);
    const status = summary.matrix.find((m) => m.year === 2024 && m.kind === 'actual');
    expect(status).toMatchObject({ communes: 12, met: 216, average: 18, fullyMet: 9 });
    expect(status?.perCriterion['11']).toBe(9);

    const db = backend.document!.db;
    const metOf = (name: string) =>
      (db.prepare("SELECT sum(m.met) AS n FROM criterion_mark m JOIN unit u ON u.id = m.unit_id WHERE u.name = ? AND m.year = 2024 AND m.kind = 'actual'").get(name) as { n: number }).n;
    expect([metOf('Nà Tăm'), metOf('Giang Ma'), metOf('Tả Lèng')]).toEqual([15, 14, 16]);

    const resources = summary.resources.find((r) => r.year === 2025);
    expect(resources?.total).toBe(205250);
    expect(resources?.bySource).toMatchObject({ I: 23756, 'I.1': 19783, 'I.2': 3973, II: 74135, III: 107359, 'III.1': 13394, 'III.2': 93965, IV: 0 });

    const projects = summary.projects.find((p) => p.year === 2025);
    expect(projects).toMatchObject({ count: 26, continuing: 6, new: 20, plan: 19783 });
    await backend.close();
  });

  it('keeps each original workbook with a binding export can write back through', async () => {
    const { backend } = await openTestBackend();
    await importFiles(backend, EXAMPLE_FILES);
    const rows = backend.document!.db.prepare('SELECT form, sheet, file_name, sha256, bytes, binding, plan_id FROM workbook ORDER BY id').all() as {
      form: string;
      sheet: string;
      file_name: string;
      sha256: string;
      bytes: Buffer;
      binding: string;
      plan_id: number | null;
    }[];
    expect(rows.map((r) => [r.form, r.sheet])).toEqual([
      ['bieu01', 'Bieu 01'],
      ['bieu04', 'Bieu 04'],
      ['bieu05', 'Bieu 05'],
    ]);
    rows.forEach((row, i) => {
      const original = fs.readFileSync(EXAMPLE_FILES[i] as string);
      expect(Buffer.compare(row.bytes, original)).toBe(0);
      expect(row.sha256).toBe(crypto.createHash('sha256').update(original).digest('hex'));
    });
    const matrix = Binding.parse(JSON.parse(rows[0]!.binding));
    expect(matrix).toMatchObject({ form: 'bieu01', sheetPart: 'xl/worksheets/sheet1.xml', year: 2024, encoding: 'unicode' });
    const c9 = matrix.cells.find((c) => c.cell === 'C9');
    expect(c9).toMatchObject({ kind: 'mark', markText: 'x', target: { table: 'criterion_mark', field: 'met' } });
    expect(matrix.formulaCells).toContain('V9');
    expect(matrix.formulaCells).toContain('C21');

    const resources = Binding.parse(JSON.parse(rows[1]!.binding));
    expect(resources.planId).toBe(rows[1]!.plan_id);
    expect(resources.cells.find((c) => c.cell === 'C9')).toMatchObject({ kind: 'number', decimals: 0, target: { table: 'resource_amount', field: 'amount' } });
    // Derived parents are not written back: their formulas are.
    expect(resources.cells.find((c) => c.cell === 'C8')).toBeUndefined();
    expect(resources.formulaCells).toEqual(expect.arrayContaining(['C7', 'C8', 'C12']));

    const projects = Binding.parse(JSON.parse(rows[2]!.binding));
    const plan = projects.cells.find((c) => c.cell === 'G10');
    expect(plan?.target.table).toBe('project');
    const stored = backend.document!.db.prepare('SELECT plan_amount FROM project WHERE id = ?').get(plan?.target.key[0]) as { plan_amount: number };
    expect(stored.plan_amount).toBe(1129);
    await backend.close();
  });

  it('is one undo step, and importing the same files again changes nothing', async () => {
    const { backend } = await openTestBackend();
    await importFiles(backend, EXAMPLE_FILES);
    const again = await previewFiles(backend, EXAMPLE_FILES);
    for (const file of again.files) expect(file.diffCounts).toMatchObject({ create: 0, change: 0, remove: 0 });
    expect(again.files[0]?.diffCounts.same).toBeGreaterThan(200);

    const undo = await backend.dispatch('edits.undo', {});
    expect(undo.canUndo).toBe(false);
    const after = await backend.dispatch('summary.get', {});
    expect(after.units.communes).toBe(0);
    expect(after.matrix).toEqual([]);
    expect(after.plans).toEqual([]);
    await backend.dispatch('edits.redo', {});
    expect((await backend.dispatch('summary.get', {})).matrix[0]?.met).toBe(216);
    await backend.close();
  });

  it('shows the changes against the document before anything is written', async () => {
    const { backend } = await openTestBackend();
    await importFiles(backend, [EXAMPLE_FILES[0] as string]);
    const db = backend.document!.db;
    const binhLu = (db.prepare("SELECT id FROM unit WHERE name = 'Bình Lư'").get() as { id: number }).id;
    db.prepare("UPDATE criterion_mark SET met = 0 WHERE unit_id = ? AND year = 2024 AND kind = 'actual' AND criterion_id IN (SELECT id FROM criterion WHERE set_id = 'xa-ntm-2021-2025' AND no = 11)").run(binhLu);
    const preview = await previewFiles(backend, [EXAMPLE_FILES[0] as string]);
    const file = preview.files[0]!;
    expect(file.diffCounts.change).toBe(1);
    expect(file.diff).toEqual([expect.objectContaining({ action: 'change', row: 'Bình Lư', column: 'TC11', cell: 'Bieu 01!M9', before: false, after: true })]);
    expect((db.prepare('SELECT count(*) AS n FROM criterion_mark WHERE unit_id = ? AND met = 0').get(binhLu) as { n: number }).n).toBe(1);
    await backend.dispatch('import.apply', { stagingId: preview.stagingId });
    expect((db.prepare('SELECT count(*) AS n FROM criterion_mark WHERE unit_id = ? AND met = 0').get(binhLu) as { n: number }).n).toBe(0);
    await expect(backend.dispatch('import.apply', { stagingId: preview.stagingId })).rejects.toMatchObject({ code: 'import.stagingMissing' });
    await backend.close();
  });

  it('keeps the later file’s mark when two files of a batch give the same commune', async () => {
    const dir = tempDir();
    const later = path.join(dir, 'bieu01-sua.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(EXAMPLE_FILES[0] as string);
    workbook.worksheets[0]!.getCell('M9').value = null;
    await workbook.xlsx.writeFile(later);
    const { backend } = await openTestBackend();
    await importFiles(backend, [EXAMPLE_FILES[0] as string, later]);
    const db = backend.document!.db;
    const tc11 = (name: string) =>
      (db.prepare("SELECT m.met FROM criterion_mark m JOIN unit u ON u.id = m.unit_id JOIN criterion c ON c.id = m.criterion_id WHERE u.name = ? AND c.set_id = 'xa-ntm-2021-2025' AND c.no = 11 AND m.year = 2024").get(name) as { met: number }).met;
    expect(tc11('Bình Lư')).toBe(0);
    expect((db.prepare("SELECT count(*) AS n FROM criterion_mark WHERE year = 2024 AND kind = 'actual'").get() as { n: number }).n).toBe(12 * 19);
    await backend.close();
  });
});

describe('ntm import', () => {
  const run = async (args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const dataDir = tempDir();
    const code = await runCli(['import', ...args], { out: (t) => out.push(t), err: (t) => err.push(t) }, { NTM_DATA_DIR: dataDir });
    return { code, out, err };
  };

  it('prints one JSON object per file and exits 0 when every file was understood', async () => {
    const db = path.join(tempDir(), 'cli.ntm');
    const { code, out } = await run([...EXAMPLE_FILES, '--db', db, '--json']);
    expect(code).toBe(0);
    const lines = out.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => [l.file, l.status, l.form, l.sheet, l.year])).toEqual([
      ['bieu01-tieu-chi-xa.xlsx', 'imported', 'bieu01', 'Bieu 01', 2024],
      ['bieu04-nguon-luc.xlsx', 'imported', 'bieu04', 'Bieu 04', 2025],
      ['bieu05-danh-muc-cong-trinh.xlsx', 'imported', 'bieu05', 'Bieu 05', 2025],
    ]);
    expect(lines[0]).toMatchObject({ counts: { units: 12, rows: 12 }, problems: [], findings: [], error: null });
    const summary = await run([]);
    expect(summary.code).toBe(64);
  });

  it('exits 2 when a single file is rejected and 1 when some of a batch are', async () => {
    const db = path.join(tempDir(), 'cli.ntm');
    const single = await run([corpus('zip-bomb.xlsx'), '--db', db, '--json']);
    expect(single.code).toBe(2);
    expect(JSON.parse(single.out[0] as string)).toMatchObject({ status: 'rejected', form: null, error: expect.stringContaining('zip bomb') });
    const batch = await run([EXAMPLE_FILES[1] as string, corpus('encrypted.xlsx'), '--db', db]);
    expect(batch.code).toBe(1);
    expect(batch.err.join('\n')).toContain('password-protected');
  });

  it('changes nothing with --dry-run, and reads the year from --year when the form has none', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'cli.ntm');
    const dry = await run([corpus('bieu01-no-year.xlsx'), '--db', db, '--year', '2023', '--dry-run', '--json']);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.out[0] as string)).toMatchObject({ status: 'dry-run', year: 2023, counts: { units: 4 } });
    const out: string[] = [];
    await runCli(['summary', '--db', db, '--json'], { out: (t) => out.push(t), err: () => undefined }, { NTM_DATA_DIR: dir });
    expect(JSON.parse(out.join('\n')).units.communes).toBe(0);
  });
});
