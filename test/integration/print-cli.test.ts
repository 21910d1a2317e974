import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/backend';
import { runCli } from '../../electron/cli/run';
import { tableForForm } from '../../electron/cli/commands/print';
import { allPages, pdfInfo } from '../helpers/pdf';
import { seedPrintPlan } from '../helpers/print-seed';
import { tempDir } from '../helpers/temp';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) } };
}

async function seededDocument(): Promise<{ dir: string; db: string }> {
  const dir = tempDir();
  const db = path.join(dir, 'plan.ntm');
  const backend = await Backend.start({ dataDir: dir, documentPath: db, backupIntervalMs: 0 });
  await seedPrintPlan(backend);
  await backend.close();
  return { dir, db };
}

describe('ntm print', () => {
  it('writes the annex as a PDF, on A3 when asked, and says how many pages', async () => {
    const { dir, db } = await seededDocument();
    const out = path.join(dir, 'out', 'bieu01.pdf');
    const run = capture();
    const code = await runCli(['print', 'bieu01', '--out', out, '--db', db, '--year', '2025', '--paper', 'A3'], run.io, { NTM_DATA_DIR: dir });
    expect(run.err.filter((l) => !l.startsWith('…'))).toEqual([]);
    expect(code).toBe(0);
    const info = pdfInfo(out);
    expect([Math.round(info.widthPt), Math.round(info.heightPt)]).toEqual([1191, 842]);
    expect(run.out.join('\n')).toContain(`Đã xuất ${info.pages} trang vào ${out} / Wrote ${info.pages} pages to ${out}`);
    const text = allPages(out).join('\n');
    expect(text).toContain('Biểu số 01');
    expect(text).toContain('Thèn Sin');
    expect(run.err).toContain('… Đang dàn trang và xuất PDF');
  });

  it('names forms by table or by number', () => {
    expect(tableForForm('criteria')).toBe('criteria');
    expect(tableForForm('01')).toBe('criteria');
    expect(tableForForm('Biểu số 04')).toBe('resources');
    expect(tableForForm('bieu-05')).toBe('projects');
    expect(tableForForm('model-sites')).toBe('model-sites');
  });

  it('refuses unknown forms, other output types and bad options in both languages', async () => {
    const { dir, db } = await seededDocument();
    const unknown = capture();
    expect(await runCli(['print', 'bieu99', '--out', path.join(dir, 'x.pdf'), '--db', db], unknown.io, { NTM_DATA_DIR: dir })).toBe(1);
    expect(unknown.err.join('\n')).toMatch(/Không có biểu "bieu99".*\n.*There is no form "bieu99"/);
    const notPdf = capture();
    expect(await runCli(['print', '01', '--out', path.join(dir, 'x.docx'), '--db', db], notPdf.io, { NTM_DATA_DIR: dir })).toBe(1);
    expect(notPdf.err.join('\n')).toContain('The output file must end in .pdf');
    const paper = capture();
    expect(await runCli(['print', '01', '--out', path.join(dir, 'x.pdf'), '--paper', 'A5', '--db', db], paper.io, { NTM_DATA_DIR: dir })).toBe(64);
    expect(await runCli(['print', '01', '--db', db], capture().io, { NTM_DATA_DIR: dir })).toBe(64);
  });
});
