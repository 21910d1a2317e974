import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run';
import { openTestBackend } from '../helpers/backend';
import { exampleBytes, seedExamples } from '../helpers/export-fixtures';
import { changedEntries } from '../helpers/xlsx-diff';

/** A document on disk holding the three example forms, and a CLI runner over it. */
async function documentOnDisk() {
  const { backend, dataDir, documentPath } = await openTestBackend();
  await seedExamples(backend.document!.db);
  await backend.close();
  const out: string[] = [];
  const err: string[] = [];
  const run = (...args: string[]) => runCli(['export', ...args, '--db', documentPath], { out: (t) => out.push(t), err: (t) => err.push(t) }, { NTM_DATA_DIR: dataDir });
  return { dataDir, out, err, run };
}

describe('ntm export', () => {
  it('writes the province’s own workbook back, unchanged where the document agrees, and exits 0', async () => {
    const { dataDir, out, run } = await documentOnDisk();
    const file = path.join(dataDir, 'out', 'bieu04.xlsx');
    expect(await run('Biểu số 04', '--out', file, '--year', '2025')).toBe(0);
    expect(changedEntries(exampleBytes('bieu04'), fs.readFileSync(file))).toEqual([]);
    expect(out.join('\n')).toContain('Đã xuất');
    expect(out.join('\n')).toContain('Exported');
  });

  it('writes one commune’s copy from the built-in layout', async () => {
    const { dataDir, run } = await documentOnDisk();
    const file = path.join(dataDir, 'ban-bo.xlsx');
    expect(await run('BIEU01', '--out', file, '--unit', 'xã bản bo')).toBe(0);
    expect(fs.readFileSync(file).subarray(0, 2).toString()).toBe('PK');
  });

  it('writes every commune’s copy into one .zip with --each-commune', async () => {
    const { dataDir, out, run } = await documentOnDisk();
    const file = path.join(dataDir, 'cac-xa.zip');
    expect(await run('05', '--out', file, '--each-commune')).toBe(0);
    const entries = Object.keys(unzipSync(fs.readFileSync(file)));
    expect(entries).toHaveLength(12);
    expect(entries).toContain('Bieu05_2025_Ban-Hon.xlsx');
    expect(out.join('\n')).toContain('Đã xuất 12 tệp.');
  });

  it.each([
    [['bieu09', '--out', 'x.xlsx'], 'Không có biểu "bieu09"', 'No form "bieu09"'],
    [['bieu04', '--out', 'x.xlsx', '--unit', 'Bản Bo'], 'không xuất riêng cho từng xã', 'cannot be exported per commune'],
    [['bieu01', '--out', 'x.xlsx', '--year', '2030'], 'chưa có kế hoạch cho năm 2030', 'no plan for 2030'],
    [['bieu01', '--out', 'x.xlsx', '--unit', 'Xã Không Có'], 'Không tìm thấy xã "Xã Không Có"', 'Commune "Xã Không Có" was not found'],
    [['bieu04', '--out', 'x.xlsx', '--each-commune'], 'không xuất riêng cho từng xã', 'cannot be exported per commune'],
  ])('exits 2 with the reason in Vietnamese and English when the form cannot be produced (%j)', async (args, vi, en) => {
    const { dataDir, err, run } = await documentOnDisk();
    const target = path.join(dataDir, args[2] as string);
    expect(await run(...args.map((a) => (a === 'x.xlsx' ? target : a)))).toBe(2);
    expect(err.join('\n')).toContain(vi);
    expect(err.join('\n')).toContain(en);
    expect(fs.existsSync(target)).toBe(false);
  });

  it('exits 64 with the usage when the output file is missing', async () => {
    const { err, run } = await documentOnDisk();
    expect(await run('bieu01')).toBe(64);
    expect(err.join('\n')).toContain('export FORM --out FILE.xlsx');
  });
});
