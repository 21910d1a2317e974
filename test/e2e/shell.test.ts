import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './harness';

describe('the app shell in Chromium', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp({
      seed: async (backend) => {
        const district = await backend.dispatch('units.create', { kind: 'district', name: 'Tam Đường' });
        for (const name of ['Bản Bo', 'Bình Lư', 'Nà Tăm']) await backend.dispatch('units.create', { kind: 'commune', name, parentId: district.id });
        await backend.dispatch('plans.create', { name: 'Kế hoạch năm 2025', level: 'district', yearStart: 2025, yearEnd: 2025, criteriaSetId: 'xa-ntm-2021-2025' });
      },
    });
  });
  afterAll(async () => app.close());

  it('shows the communes of the document in Vietnamese', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Đơn vị hành chính' }).click();
    const communes = page.getByTestId('units-commune');
    await expect.poll(() => communes.locator('.ag-row').count()).toBe(3);
    expect(await communes.innerText()).toContain('Bình Lư');
    expect(await page.getByTestId('unit-count').innerText()).toBe('3 xã, 0 thôn/bản');
  });

  it('adds a commune through the UI and finds it after a reload', async () => {
    const { page, backend } = app;
    await page.getByRole('button', { name: 'Đơn vị hành chính' }).click();
    await page.getByLabel('Xã: Tên').fill('Giang Ma');
    await page.getByTestId('units-commune').getByRole('button', { name: 'Thêm' }).click();
    await expect.poll(async () => (await backend.dispatch('units.list', { kind: 'commune' })).map((u) => u.name)).toContain('Giang Ma');
    await page.reload();
    await page.getByRole('button', { name: 'Đơn vị hành chính' }).click();
    await expect.poll(() => page.getByTestId('units-commune').locator('.ag-row').count()).toBe(4);
  });

  it('shows the criteria matrix with its five group headers and criteria in Vietnamese', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Ma trận tiêu chí' }).click();
    const grid = page.getByTestId('matrix-grid');
    await grid.locator('.ag-header-cell').first().waitFor();
    const header = await grid.locator('.ag-header').innerText();
    for (const group of ['Quy hoạch', 'Hạ tầng kinh tế - xã hội', 'Kinh tế và tổ chức sản xuất', 'Văn hóa - xã hội - môi trường', 'Hệ thống chính trị']) {
      expect(header).toContain(group);
    }
    expect(header).toContain('Tên xã');
    const shot = await page.screenshot();
    expect(shot.length).toBeGreaterThan(10_000);
    expect(app.errors).toEqual([]);
  });

  it('loads nothing from outside the machine', async () => {
    const requested: string[] = [];
    app.page.on('request', (r) => requested.push(r.url()));
    await app.page.reload();
    await app.page.getByRole('heading', { name: /Tổng quan kế hoạch/ }).waitFor();
    const origin = new URL(app.server.url).origin;
    expect(requested.length).toBeGreaterThan(0);
    expect(requested.filter((u) => !u.startsWith(origin) && !u.startsWith('data:'))).toEqual([]);
  });

  it('is refused without the token', async () => {
    const response = await app.page.request.get(app.server.url.replace(/\?token=.*$/, ''), { headers: { Cookie: '' } });
    expect(response.status()).toBe(403);
  });
});
