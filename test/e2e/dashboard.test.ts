import fs from 'node:fs';
import path from 'node:path';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closePrintBrowser } from '../../electron/backend/print/pdf';
import { allPages, pdfImages } from '../helpers/pdf';
import { seedTamDuongPlan, type TamDuongPlan } from '../helpers/tam-duong-plan';
import { startApp, type RunningApp } from './harness';

/** The app's green, the first series colour of every chart. */
const GREEN = [0x1f, 0x6f, 0x43];

describe('the dashboard in Chromium', () => {
  let app: RunningApp;
  let plan: TamDuongPlan;

  beforeAll(async () => {
    app = await startApp({
      seed: async (backend) => {
        const db = backend.document!.db;
        plan = await seedTamDuongPlan(db);
        // A second year of status for the progress chart: 2023 as 2024, but Sơn Bình (recognised in 2024) short of criteria 10 and 11.
        db.prepare("INSERT INTO criterion_mark (unit_id, criterion_id, year, kind, met) SELECT unit_id, criterion_id, 2023, 'actual', met FROM criterion_mark WHERE year = 2024").run();
        db.prepare('UPDATE criterion_mark SET met = 0 WHERE year = 2023 AND unit_id = ? AND criterion_id IN (SELECT id FROM criterion WHERE no IN (10, 11) AND set_id = ?)').run(
          plan.communeIds.get('Sơn Bình'),
          'xa-ntm-2021-2025',
        );
        // A typed parent that disagrees with its parts gives the findings chart something to show.
        db.prepare("INSERT INTO resource_amount (plan_id, year, source_id, typed_total) SELECT ?, 2025, id, 24000 FROM capital_source WHERE role = 'central' ON CONFLICT DO UPDATE SET typed_total = excluded.typed_total").run(plan.planId);
      },
    });
    await app.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.server.url).origin });
  });
  afterAll(async () => {
    await app.close();
    await closePrintBrowser();
  });

  const card = (id: string) => app.page.getByTestId(`chart-${id}`);

  it('opens on the dashboard, every chart drawn from the data, nothing loaded from outside', async () => {
    const requested: string[] = [];
    const methods: string[] = [];
    app.page.on('request', (r) => {
      requested.push(r.url());
      const method = /"method":"([\w.]+)"/.exec(r.postData() ?? '')?.[1];
      if (method) methods.push(method);
    });
    await app.page.reload();
    await app.page.getByRole('heading', { name: 'Tổng quan kế hoạch — Kế hoạch năm 2025' }).waitFor();
    for (const id of ['buckets', 'criteria', 'progress', 'resources', 'investment', 'findings']) {
      await card(id).locator('canvas').first().waitFor();
      expect(Number(await card(id).getAttribute('data-points'))).toBeGreaterThan(0);
      await expect.poll(() => greenPixels(card(id)), { timeout: 10_000 }).toBeGreaterThan(200);
    }
    const origin = new URL(app.server.url).origin;
    expect(requested.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
    // The dashboard's data is asked for once, while its code loads, and the status bar's full validation
    // waits behind it; no other screen loaded anything on the way.
    await expect.poll(() => methods.includes('validation.data')).toBe(true);
    expect(methods.filter((m) => m === 'dashboard.get')).toHaveLength(1);
    expect(methods.indexOf('dashboard.get')).toBeLessThan(methods.indexOf('validation.data'));
    expect(methods).not.toContain('doc.backups');
    expect(app.errors).toEqual([]);
  });

  it('opens the matching communes in the matrix when a bar is clicked', async () => {
    await app.page.getByRole('button', { name: 'Tổng quan' }).click();
    // The second bar of "communes by criteria met" is 15-18 criteria at 31/12/2024: Nà Tăm (15) and Tả Lèng (16).
    const point = await greenBar(card('buckets'), 1);
    await app.page.mouse.click(point.x, point.y);
    const expected = [plan.communeIds.get('Nà Tăm')!, plan.communeIds.get('Tả Lèng')!];
    const focus = app.page.getByTestId('matrix-focus');
    await focus.waitFor();
    expect(await focus.innerText()).toContain('Xã đạt 15-18 tiêu chí (Đến 31/12/2024): 2 xã');
    expect(await focus.innerText()).toContain('Nà Tăm, Tả Lèng');
    expect(await focus.getAttribute('data-unit-ids')).toBe(expected.join(','));
    // The matrix grid is open on the status at 31/12/2024 with exactly those rows.
    // Commune rows (pinned columns repeat them; the totals below are not communes).
    const rows = app.page.getByTestId('matrix-grid').locator('.ag-row[row-id]');
    const shown = async () => [...new Set(await rows.evaluateAll((list) => list.map((r) => r.getAttribute('row-id') ?? '')))].filter((id) => /^\d+$/.test(id)).sort();
    await expect.poll(shown).toEqual(expected.map(String).sort());
    await focus.getByRole('button', { name: 'Bỏ chọn' }).click();
    await focus.waitFor({ state: 'detached' });
    await expect.poll(async () => (await shown()).length).toBe(12);
    expect(app.errors).toEqual([]);
  });

  it('saves a chart as a PNG that is not blank', async () => {
    await app.page.getByRole('button', { name: 'Tổng quan' }).click();
    const download = app.page.waitForEvent('download');
    await card('criteria').getByRole('button', { name: 'Lưu ảnh PNG' }).click();
    const file = await (await download).path();
    const bytes = fs.readFileSync(file);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const picture = await app.page.evaluate(async (base64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(image, 0, 0);
      const { data } = ctx.getImageData(0, 0, image.width, image.height);
      const colours = new Set<number>();
      let inked = 0;
      for (let i = 0; i < data.length; i += 4) {
        colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
        if (data[i]! < 200 || data[i + 1]! < 200 || data[i + 2]! < 200) inked++;
      }
      return { width: image.width, height: image.height, colours: colours.size, inked: inked / (image.width * image.height) };
    }, bytes.toString('base64'));
    expect(picture.width).toBeGreaterThan(300);
    expect(picture.colours).toBeGreaterThan(20);
    expect(picture.inked).toBeGreaterThan(0.02);
  });

  it('adds a chart and a PNG from disk under the printed annex, with their captions', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Tổng quan' }).click();
    await card('criteria').locator('canvas').first().waitFor();
    await card('criteria').getByRole('button', { name: 'Thêm vào biểu in' }).click();
    await expect.poll(() => page.getByRole('status').innerText()).toContain('Đã thêm biểu đồ vào biểu in (1 ảnh).');
    const fromDisk = path.join(app.dataDir, 'so-xa.png');
    await card('buckets').screenshot({ path: fromDisk });

    await page.getByRole('button', { name: 'In biểu' }).click();
    const images = page.getByRole('group', { name: 'Ảnh kèm theo biểu' });
    await expect.poll(() => images.getByLabel('Chú thích ảnh 1').inputValue()).toBe('Số xã đạt từng tiêu chí');
    const chooser = page.waitForEvent('filechooser');
    await images.getByRole('button', { name: 'Thêm ảnh PNG…' }).click();
    await (await chooser).setFiles(fromDisk);
    await images.getByLabel('Chú thích ảnh 2').fill('Hình 2. Số xã theo số tiêu chí đạt');
    await images.getByLabel('Chú thích ảnh 1').fill('Hình 1. Số xã đạt từng tiêu chí');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Lưu PDF' }).click()]);
    const pdf = path.join(app.dataDir, 'with-images.pdf');
    await download.saveAs(pdf);
    const text = allPages(pdf).join('\n');
    expect(text).toContain('Hình 1. Số xã đạt từng tiêu chí');
    expect(text).toContain('Hình 2. Số xã theo số tiêu chí đạt');
    expect(pdfImages(pdf)).toBe(2);

    // Removed, an image no longer prints.
    await images.getByRole('button', { name: 'Bỏ ảnh 1' }).click();
    expect(await images.getByLabel('Chú thích ảnh 1').inputValue()).toBe('Hình 2. Số xã theo số tiêu chí đạt');
    expect(app.errors).toEqual([]);
  });

  it('shows the plan paragraphs, editable, and copies them for Word', async () => {
    await app.page.getByRole('button', { name: 'Tổng quan' }).click();
    const text = app.page.getByRole('textbox', { name: 'Đoạn văn kế hoạch' });
    await expect.poll(() => text.inputValue()).toContain('205.250 triệu đồng');
    const value = await text.inputValue();
    expect(value).toContain('- Có 9/12 xã đạt tiêu chí số 11 về nghèo đa chiều.');
    expect(value).toContain('Dự án chuyển tiếp tổng 06 công trình, dự án khởi công mới 20 công trình, tổng kinh phí 19.783 triệu đồng');
    await text.fill(`${value}\n- Câu do văn phòng thêm.`);
    await app.page.getByRole('button', { name: 'Sao chép định dạng cho Word' }).click();
    await expect.poll(() => app.page.getByRole('status').innerText()).toContain('Đã sao chép.');
    const clipboard = await app.page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      return { types: item!.types, html: await (await item!.getType('text/html')).text(), plain: await (await item!.getType('text/plain')).text() };
    });
    expect(clipboard.types).toEqual(expect.arrayContaining(['text/html', 'text/plain']));
    expect(clipboard.html).toContain('<b>Dự kiến nguồn lực thực hiện Chương trình</b>');
    expect(clipboard.html).toContain('- Câu do văn phòng thêm.');
    expect(clipboard.plain).toContain('- Câu do văn phòng thêm.');
    await app.page.getByRole('button', { name: 'Sao chép văn bản thường' }).click();
    expect(await app.page.evaluate(() => navigator.clipboard.readText())).toContain('- Câu do văn phòng thêm.');
    expect(app.errors).toEqual([]);
  });

  it('looks at a plan over a period one year at a time', async () => {
    await app.backend.dispatch('plans.create', { name: 'Kế hoạch 2024-2025', level: 'district', yearStart: 2024, yearEnd: 2025, criteriaSetId: 'xa-ntm-2021-2025' });
    await app.page.reload();
    await app.page.getByRole('combobox', { name: 'Chọn kế hoạch' }).selectOption({ label: 'Kế hoạch 2024-2025' });
    await app.page.getByRole('button', { name: 'Tổng quan' }).click();
    const text = app.page.getByRole('textbox', { name: 'Đoạn văn kế hoạch' });
    await expect.poll(() => text.inputValue()).toContain('đến 31/12/2023');
    await app.page.getByRole('combobox', { name: 'Năm kế hoạch' }).selectOption('2025');
    await expect.poll(() => text.inputValue()).toContain('đến 31/12/2024');
    expect(await text.inputValue()).toContain('- Có 9/12 xã đạt tiêu chí số 11 về nghèo đa chiều.');
    await card('progress').locator('canvas').first().waitFor();
    expect(app.errors).toEqual([]);
  });
});

/** Pixels of the first series colour on the chart's canvases. */
async function greenPixels(chart: Locator): Promise<number> {
  return chart.locator('canvas').evaluateAll((canvases, green) => {
    let n = 0;
    for (const canvas of canvases as HTMLCanvasElement[]) {
      const ctx = canvas.getContext('2d');
      if (!ctx || canvas.width === 0) continue;
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i]! - green[0]!) < 8 && Math.abs(data[i + 1]! - green[1]!) < 8 && Math.abs(data[i + 2]! - green[2]!) < 8) n++;
    }
    return n;
  }, GREEN);
}

/** Page coordinates of the middle of the nth bar drawn in the first series colour, counted from the left. */
async function greenBar(chart: Locator, index: number): Promise<{ x: number; y: number }> {
  const canvas = chart.locator('canvas').first();
  const box = (await canvas.boundingBox())!;
  const hit = await canvas.evaluate(
    (element, { green, index }) => {
      const c = element as HTMLCanvasElement;
      const { data } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
      const isGreen = (x: number, y: number) => {
        const i = (y * c.width + x) * 4;
        return Math.abs(data[i]! - green[0]!) < 8 && Math.abs(data[i + 1]! - green[1]!) < 8 && Math.abs(data[i + 2]! - green[2]!) < 8;
      };
      // Columns holding a tall run of green are bars; the legend's small swatch is not.
      const barTop = new Map<number, [number, number]>();
      for (let x = 0; x < c.width; x++) {
        let top = -1;
        let bottom = -1;
        for (let y = 0; y < c.height; y++) {
          if (!isGreen(x, y)) continue;
          if (top < 0) top = y;
          bottom = y;
        }
        if (top >= 0 && bottom - top > 20) barTop.set(x, [top, bottom]);
      }
      const runs: { from: number; to: number }[] = [];
      for (const x of [...barTop.keys()].sort((a, b) => a - b)) {
        const last = runs.at(-1);
        if (last && x === last.to + 1) last.to = x;
        else runs.push({ from: x, to: x });
      }
      const run = runs[index]!;
      const x = Math.round((run.from + run.to) / 2);
      const [top, bottom] = barTop.get(x)!;
      return { x, y: Math.round((top + bottom) / 2), scaleX: c.width / c.clientWidth, scaleY: c.height / c.clientHeight };
    },
    { green: GREEN, index },
  );
  return { x: box.x + hit.x / hit.scaleX, y: box.y + hit.y / hit.scaleY };
}
