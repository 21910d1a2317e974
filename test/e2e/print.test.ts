import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closePrintBrowser } from '../../electron/backend/print/pdf';
import { allPages, pdfInfo } from '../helpers/pdf';
import { seedPrintPlan } from '../helpers/print-seed';
import { startApp, type RunningApp } from './harness';

describe('printing annexes from the app in Chromium', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp({ seed: async (backend) => void (await seedPrintPlan(backend)) });
    await app.page.getByRole('button', { name: 'In biểu' }).click();
    await app.page.getByRole('heading', { name: 'In biểu kèm kế hoạch' }).waitFor();
  });
  afterAll(async () => {
    await app.close();
    await closePrintBrowser();
  });

  it('fills the print form from the plan', async () => {
    const { page } = app;
    await expect.poll(() => page.getByLabel('Người ký', { exact: true }).inputValue()).toBe('Nguyễn Văn An');
    expect(await page.getByLabel('Cơ quan ban hành', { exact: true }).inputValue()).toBe('ỦY BAN NHÂN DÂN HUYỆN TAM ĐƯỜNG');
    expect(await page.getByLabel('Số kế hoạch', { exact: true }).inputValue()).toBe('158/KH-UBND');
    expect(await page.getByLabel('Ngày kế hoạch', { exact: true }).inputValue()).toBe('2025-04-19');
    expect(await page.getByLabel('Biểu số', { exact: true }).inputValue()).toBe('01');
    expect(await page.getByLabel('Lề trái', { exact: true }).inputValue()).toBe('30');
  });

  it('previews the PDF page by page, at the chosen zoom', async () => {
    const { page, server } = app;
    // The indicator matrix of 12 communes runs over several pages.
    await page.getByLabel('Biểu', { exact: true }).selectOption('indicators');
    await expect.poll(() => page.getByLabel('Biểu số', { exact: true }).inputValue()).toBe('08');
    await page.getByRole('button', { name: 'Xem trước' }).click();
    const frame = page.locator('iframe.preview-frame');
    await frame.waitFor();
    const src = (await frame.getAttribute('src')) ?? '';
    expect(src).toMatch(/^\/api\/view\/[\w-]+#page=1&zoom=100$/);
    const indicator = page.getByTestId('preview-page');
    const [, , pages] = /(\d+)\/(\d+)/.exec(await indicator.innerText()) ?? [];
    expect(Number(pages)).toBeGreaterThanOrEqual(2);
    await page.getByRole('button', { name: '›' }).click();
    await page.getByLabel('Thu phóng', { exact: true }).selectOption('150');
    expect(await page.locator('iframe.preview-frame').getAttribute('src')).toMatch(/#page=2&zoom=150$/);
    const served = await page.request.get(new URL(src.split('#')[0] as string, server.url).toString());
    expect(served.headers()['content-type']).toBe('application/pdf');
    expect((await served.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('saves the PDF with the fields as edited, on A3', async () => {
    const { page } = app;
    await page.getByLabel('Biểu', { exact: true }).selectOption('criteria');
    await expect.poll(() => page.getByLabel('Biểu số', { exact: true }).inputValue()).toBe('01');
    await page.getByLabel('Người ký', { exact: true }).fill('Lò Văn Minh');
    await page.getByLabel('Khổ giấy', { exact: true }).selectOption('A3');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Lưu PDF' }).click()]);
    expect(download.suggestedFilename()).toBe('Bieu-01-criteria.pdf');
    const file = path.join(app.dataDir, 'saved.pdf');
    await download.saveAs(file);
    const info = pdfInfo(file);
    expect([Math.round(info.widthPt), Math.round(info.heightPt)]).toEqual([1191, 842]);
    const text = allPages(file).join('\n');
    expect(text).toContain('Lò Văn Minh');
    expect(text).toContain('Thèn Sin');
    expect(fs.statSync(file).size).toBeGreaterThan(10_000);
  });

  it("prints through the browser's print of the same page", async () => {
    const { page } = app;
    await page.getByLabel('Biểu', { exact: true }).selectOption('resources');
    await expect.poll(() => page.getByLabel('Biểu số', { exact: true }).inputValue()).toBe('04');
    const viewed = page.waitForResponse((r) => r.url().includes('/api/view/') && r.headers()['content-type'] === 'text/html; charset=utf-8');
    await page.getByRole('button', { name: 'In', exact: true }).click();
    const response = await viewed;
    expect(await response.text()).toMatch(/Biểu số 04.*TỔNG SỐ/s);
    await expect.poll(() => page.locator('iframe[data-ntm-print]').count()).toBe(1);
    expect(app.errors).toEqual([]);
  });
});
