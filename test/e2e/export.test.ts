import fs from 'node:fs';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleBytes, seedExamples } from '../helpers/export-fixtures';
import { changedEntries } from '../helpers/xlsx-diff';
import { startApp, type RunningApp } from './harness';

describe('exporting forms in Chromium', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp({ seed: async (backend) => void (await seedExamples(backend.document!.db)) });
    await app.page.getByRole('button', { name: 'Xuất biểu' }).click();
    await app.page.getByRole('heading', { name: 'Xuất biểu mẫu ra Excel' }).waitFor();
  });
  afterAll(async () => app.close());

  const row = (form: string) => app.page.locator(`tr[data-form="${form}"]`);

  it('downloads the province’s own Biểu 04, unchanged where the document agrees, and says where it came from', async () => {
    await expect(row('bieu04').textContent()).resolves.toContain('bieu04-nguon-luc.xlsx');
    const download = app.page.waitForEvent('download');
    await row('bieu04').getByRole('button', { name: 'Xuất tệp Excel' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('bieu04-nguon-luc.xlsx');
    expect(changedEntries(exampleBytes('bieu04'), fs.readFileSync((await file.path())!))).toEqual([]);
    await expect(app.page.getByRole('status').textContent()).resolves.toContain('Ghi vào tệp gốc "bieu04-nguon-luc.xlsx" (0 ô thay đổi)');
  });

  it('downloads one commune’s Biểu 01 from the built-in layout', async () => {
    await row('bieu01').getByRole('combobox', { name: 'Xã Biểu số 01 — Kết quả thực hiện bộ tiêu chí xã' }).selectOption({ label: 'Nà Tăm' });
    const download = app.page.waitForEvent('download');
    await row('bieu01').getByRole('button', { name: 'Xuất tệp Excel' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('Bieu01_2025_Na-Tam.xlsx');
    expect(fs.readFileSync((await file.path())!).subarray(0, 2).toString()).toBe('PK');
    await expect(app.page.getByRole('status').textContent()).resolves.toContain('Dùng mẫu dựng sẵn.');
  });

  it('downloads one Biểu 05 per commune, all in one .zip', async () => {
    const download = app.page.waitForEvent('download');
    await row('bieu05').getByRole('button', { name: 'Xuất cho từng xã' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('Bieu05_2025_cac-xa.zip');
    const entries = Object.keys(unzipSync(fs.readFileSync((await file.path())!)));
    expect(entries).toHaveLength(12);
    expect(entries).toContain('Bieu05_2025_Ban-Hon.xlsx');
    await app.page.getByRole('status').filter({ hasText: 'Đã xuất 12 tệp.' }).waitFor();
    expect(app.errors).toEqual([]);
  });
});
