import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterMuongKhoa, type MuongKhoa } from '../helpers/muong-khoa';
import { startApp, type RunningApp } from './harness';

describe('live validation in Chromium', () => {
  let app: RunningApp;
  let mk: MuongKhoa;

  beforeAll(async () => {
    app = await startApp({
      seed: async (backend) => {
        mk = await enterMuongKhoa(backend);
      },
    });
  });
  afterAll(async () => app.close());

  const count = () => app.page.getByTestId('findings-count');
  const panel = () => app.page.getByTestId('findings-panel');
  const entries = () => panel().getByTestId('finding');
  const cell = (role: string, colId: string) => app.page.getByTestId('resources-grid').locator(`.ag-row[row-id="${mk.source(role)}"] .ag-cell[col-id="${colId}"]`);
  const hasClass = async (role: string, colId: string, name: string) => ((await cell(role, colId).getAttribute('class')) ?? '').split(/\s+/).includes(name);

  async function openResources() {
    await app.page.getByRole('button', { name: 'Nguồn vốn', exact: true }).click();
    await app.page.getByRole('tab', { name: 'Nguồn lực (Biểu 04)' }).click();
    await app.page.getByTestId('resources-grid').locator('.ag-row').first().waitFor();
  }

  it('counts the two wrong totals of the plan as typed, lists them, and goes to the cell on click', async () => {
    await expect.poll(() => count().innerText()).toContain('2 lỗi, 0 cảnh báo');
    await count().click();
    await expect.poll(() => entries().count()).toBe(2);
    expect(await entries().allInnerTexts()).toEqual([
      expect.stringContaining('Tổng nguồn lực: 3.900 ≠ 1.304 + 40 + 2.256 = 3.600'),
      expect.stringContaining('Vốn lồng ghép: 2.256 ≠ 602 + 1.954 = 2.556'),
    ]);
    await entries().nth(1).click();
    await app.page.getByTestId('resources-grid').waitFor();
    await expect.poll(() => cell('integrated', 'amount').evaluate((el) => el.classList.contains('ag-cell-focus'))).toBe(true);
    expect(await hasClass('integrated', 'amount', 'xl-finding-error')).toBe(true);
    expect(app.errors).toEqual([]);
  });

  it('a wrong child brings its mark, panel entry and count as it is typed, and undo takes them away', async () => {
    // Make the plan right first: the integrated funds are 2.556.
    await app.backend.dispatch('edits.apply', {
      label: 'Sửa',
      changes: [{ op: 'set', table: 'resource_amount', key: [mk.planId, 2025, mk.source('integrated')], field: 'amount', value: 2556 }],
    });
    // An edit made outside this window: the panel's check runs the full validation again, and the
    // funding screen, opened anew, reads the corrected figures.
    await panel().getByRole('button', { name: 'Kiểm tra' }).click();
    await app.page.getByRole('button', { name: 'Tổng quan', exact: true }).click();
    await openResources();
    await expect.poll(() => count().innerText()).toContain('Không có lỗi hay cảnh báo.');
    await expect.poll(() => entries().count()).toBe(0);
    expect(await hasClass('integrated', 'amount', 'xl-finding-error')).toBe(false);

    await cell('integrated_poverty', 'amount').click();
    await app.page.keyboard.type('700');
    await app.page.keyboard.press('Enter');
    await expect.poll(() => count().innerText()).toContain('1 lỗi, 0 cảnh báo');
    await expect.poll(() => entries().allInnerTexts()).toEqual([expect.stringContaining('Vốn lồng ghép: 2.556 ≠ 700 + 1.954 = 2.654')]);
    await expect.poll(() => hasClass('integrated', 'amount', 'xl-finding-error')).toBe(true);
    await cell('integrated', 'amount').hover();
    await expect.poll(() => app.page.locator('.ag-tooltip').first().innerText()).toContain('2.556 ≠ 700 + 1.954 = 2.654');

    await cell('integrated_poverty', 'amount').click();
    await app.page.keyboard.press('Control+z');
    await expect.poll(() => count().innerText()).toContain('Không có lỗi hay cảnh báo.');
    await expect.poll(() => entries().count()).toBe(0);
    await expect.poll(() => hasClass('integrated', 'amount', 'xl-finding-error')).toBe(false);
    expect(app.errors).toEqual([]);
  });

  it('filters the panel by severity and by table', async () => {
    await cell('integrated_poverty', 'amount').click();
    await app.page.keyboard.type('-5');
    await app.page.keyboard.press('Enter');
    await expect.poll(() => entries().count()).toBe(2);
    await panel().getByTestId('findings-severity').selectOption('warning');
    expect(await entries().count()).toBe(0);
    await panel().getByTestId('findings-severity').selectOption('error');
    expect(await entries().count()).toBe(2);
    await panel().getByTestId('findings-table').selectOption('Nguồn lực');
    expect(await entries().count()).toBe(2);
    expect(await entries().nth(1).innerText()).toContain('-5 nhỏ hơn mức thấp nhất 0');
  });

  it('marks the matrix too: a plan row that no longer adds up to its planned count is a warning until undone', async () => {
    const criterion17 = (app.backend.document!.db.prepare("SELECT id FROM criterion WHERE set_id = 'xa-ntm-2021-2025' AND no = 17").get() as { id: number }).id;
    const grid = app.page.getByTestId('matrix-grid');
    const mark = grid.locator(`.ag-row[row-id="${mk.unitId}"] .ag-cell[col-id="plan:c${criterion17}"]`);
    const planned = grid.locator(`.ag-row[row-id="${mk.unitId}"] .ag-cell[col-id="plan:plannedCount"]`);
    const warned = async () => ((await planned.getAttribute('class')) ?? '').split(/\s+/).includes('xl-finding-warning');
    await app.page.getByRole('button', { name: 'Ma trận tiêu chí' }).click();
    await app.page.getByRole('tab', { name: 'Kế hoạch năm 2025' }).click();
    await mark.waitFor();
    expect(await warned()).toBe(false);

    await mark.click();
    await app.page.keyboard.press('Delete');
    await expect.poll(warned).toBe(true);
    await expect.poll(() => count().innerText()).toContain('1 cảnh báo');
    await panel().getByTestId('findings-severity').selectOption('warning');
    await panel().getByTestId('findings-table').selectOption('');
    await expect.poll(() => entries().allInnerTexts()).toEqual([expect.stringContaining('Mường Khoa: kế hoạch ghi 13/19 tiêu chí nhưng dòng đánh dấu 12/19')]);

    await app.page.keyboard.press('Control+z');
    await expect.poll(warned).toBe(false);
    await expect.poll(() => entries().count()).toBe(0);
    expect(app.errors).toEqual([]);
  });
});
