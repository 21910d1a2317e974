import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { enterTamDuong, type TamDuong } from '../helpers/funding';
import { startApp, type RunningApp } from './harness';

describe('the funding tables in Chromium', () => {
  let app: RunningApp;
  let plan: TamDuong;

  beforeAll(async () => {
    app = await startApp({
      seed: async (backend) => {
        plan = await enterTamDuong(backend);
      },
    });
  });
  afterAll(async () => app.close());

  const id = (role: string) => plan.role(role).id;
  const text = async (locator: Locator) => (await locator.innerText()).trim();
  const resources = () => app.page.getByTestId('resources-grid');
  const resource = (role: string, colId: string) => resources().locator(`.ag-row[row-id="${id(role)}"] .ag-cell[col-id="${colId}"]`);
  const stored = (role: string, field: 'amount' | 'investment') =>
    (
      app.backend.document!.db.prepare(`SELECT ${field} AS v FROM resource_amount WHERE plan_id = ? AND year = ? AND source_id = ?`).get(plan.planId, plan.year, id(role)) as
        | { v: number | null }
        | undefined
    )?.v ?? null;

  async function openTab(name: string, testId: string) {
    await app.page.getByRole('button', { name: 'Nguồn vốn', exact: true }).click();
    await app.page.getByRole('tab', { name }).click();
    await app.page.getByTestId(testId).locator('.ag-row').first().waitFor();
  }

  async function type(cell: Locator, value: string) {
    await cell.click();
    await app.page.keyboard.type(value);
    await app.page.keyboard.press('Enter');
  }

  async function paste(target: Locator, tsv: string) {
    await target.click();
    await target.evaluate((el, data) => {
      const transfer = new DataTransfer();
      transfer.setData('text/plain', data);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
    }, tsv);
  }

  it('shows Biểu 04 of Tam Đường 2025 with every parent computed', async () => {
    await openTab('Nguồn lực (Biểu 04)', 'resources-grid');
    expect(await text(resource('total', 'amount'))).toBe('205.250');
    expect(await text(resource('central', 'amount'))).toBe('23.756');
    expect(await text(resource('central', 'investment'))).toBe('19.783');
    expect(await text(resource('local', 'amount'))).toBe('74.135');
    expect(await text(resource('integrated', 'amount'))).toBe('107.359');
    expect(await text(resource('community', 'amount'))).toBe('0');
    expect(await text(resource('credit', 'amount'))).toBe('');
    expect(await text(app.page.getByTestId('funding-checks'))).toContain('Các bảng khớp nhau.');
    expect(app.errors).toEqual([]);
  });

  it('edits a child amount and every parent follows; numbers pasted either way are read', async () => {
    await openTab('Nguồn lực (Biểu 04)', 'resources-grid');
    await type(resource('central_recurrent', 'amount'), '4.000');
    await expect.poll(() => stored('central_recurrent', 'amount')).toBe(4000);
    await expect.poll(() => text(resource('central', 'amount'))).toBe('23.783');
    expect(await text(resource('total', 'amount'))).toBe('205.277');

    await paste(resource('central_investment', 'amount'), '19783\r\n3973,5\r\n');
    await expect.poll(() => stored('central_recurrent', 'amount')).toBe(3973.5);
    await expect.poll(() => text(resource('central_recurrent', 'amount'))).toBe('3.973,5');
    expect(await text(resource('central', 'amount'))).toBe('23.756,5');
    await paste(resource('central_recurrent', 'amount'), '3973.5');
    await paste(resource('integrated_poverty', 'amount'), '13.394');
    await expect.poll(() => text(resource('total', 'amount'))).toBe('205.250,5');

    // A parent computed from its parts is not typed into.
    await type(resource('central', 'amount'), '1');
    expect(await text(resource('central', 'amount'))).toBe('23.756,5');
    await type(resource('central_recurrent', 'amount'), '3.973');
    await expect.poll(() => text(resource('total', 'amount'))).toBe('205.250');
    expect(app.errors).toEqual([]);
  });

  it('marks the cross-table check when the investment no longer matches the projects, and clears it on undo', async () => {
    await openTab('Nguồn lực (Biểu 04)', 'resources-grid');
    await type(resource('central_investment', 'investment'), '19.000');
    await expect.poll(() => stored('central_investment', 'investment')).toBe(19000);
    await expect.poll(() => text(resource('central', 'investment'))).toBe('19.000');
    await expect.poll(() => resource('central', 'investment').getAttribute('class')).toContain('xl-finding-error');
    expect(await text(app.page.getByTestId('funding-checks'))).toContain('vốn đầu tư 19.000 khác tổng kế hoạch vốn các công trình 19.783');

    await app.page.keyboard.press('Control+z');
    await expect.poll(() => stored('central_investment', 'investment')).toBe(19783);
    await expect.poll(() => resource('central', 'investment').getAttribute('class')).not.toContain('xl-finding-error');
    expect(await text(app.page.getByTestId('funding-checks'))).toContain('Các bảng khớp nhau.');
  });

  it('groups the projects of Biểu 05 with computed counts and subtotals, and flags a changed plan', async () => {
    await openTab('Danh mục công trình (Biểu 05)', 'projects-grid');
    const grid = app.page.getByTestId('projects-grid');
    const cell = (rowId: string, colId: string) => grid.locator(`.ag-row[row-id="${rowId}"] .ag-cell[col-id="${colId}"]`);
    const central = id('central');
    expect(await text(cell('total', 'planAmount'))).toBe('19.783');
    expect(await text(cell(`s${central}-continuing`, 'name'))).toBe('Dự án chuyển tiếp (6 công trình)');
    expect(await text(cell(`s${central}-new`, 'name'))).toBe('Dự án khởi công mới (20 công trình)');
    expect(await text(cell(`s${central}-continuing`, 'planAmount'))).toBe('6.120');
    expect(await text(cell(`s${central}`, 'totalInvestment'))).toBe('28.371');

    const first = app.backend.document!.db.prepare('SELECT id FROM project WHERE plan_id = ? ORDER BY ord LIMIT 1').get(plan.planId) as { id: number };
    await type(cell(`p${first.id}`, 'planAmount'), '1.000');
    await expect.poll(() => text(cell('total', 'planAmount'))).toBe('19.654');
    await expect.poll(() => cell(`s${central}`, 'planAmount').getAttribute('class')).toContain('xl-finding-error');
    await app.page.keyboard.press('Control+z');
    await expect.poll(() => text(cell('total', 'planAmount'))).toBe('19.783');
    await expect.poll(() => cell(`s${central}`, 'planAmount').getAttribute('class')).not.toContain('xl-finding-error');
    expect(app.errors).toEqual([]);
  });

  it('allocates by commune with row and column totals', async () => {
    await openTab('Phân bổ theo xã', 'allocation-grid');
    const grid = app.page.getByTestId('allocation-grid');
    const unit = plan.communes.get('Bản Bo')!;
    const cell = (colId: string) => grid.locator(`.ag-row[row-id="${unit}"] .ag-cell[col-id="${colId}"]`);
    const total = (colId: string) => grid.locator(`.ag-row-pinned .ag-cell[col-id="${colId}"]`);
    await grid.locator(".ag-row").first().waitFor();
    await type(cell(`s${id('central_investment')}`), '1.200');
    await expect.poll(() => text(cell(`s${id('total')}`))).toBe('1.200');
    await paste(cell(`s${id('central_recurrent')}`), '300,5');
    await expect.poll(() => text(cell(`s${id('central')}`))).toBe('1.500,5');
    expect(await text(cell(`s${id('total')}`))).toBe('1.500,5');
    expect(await text(total(`s${id('central_recurrent')}`))).toBe('300,5');
    expect(await text(total(`s${id('total')}`))).toBe('1.500,5');
    await app.page.keyboard.press('Control+z');
    await expect.poll(() => text(cell(`s${id('total')}`))).toBe('1.200');
    expect(app.errors).toEqual([]);
  });
});
