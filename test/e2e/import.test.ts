import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpus, EXAMPLE_FILES } from '../helpers/import';
import { startApp, type RunningApp } from './harness';

describe('importing forms in Chromium: preview, then confirm', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp();
    await app.page.getByRole('button', { name: 'Nhập biểu mẫu' }).click();
    await app.page.getByRole('heading', { name: 'Nhập biểu mẫu Excel' }).waitFor();
  });
  afterAll(async () => app.close());

  const choose = async (files: string[]) => {
    const chooser = app.page.waitForEvent('filechooser');
    await app.page.getByTestId('import-pick').click();
    await (await chooser).setFiles(files);
  };

  it('cancelling a preview writes nothing', async () => {
    await choose([EXAMPLE_FILES[0] as string]);
    await app.page.getByTestId('import-file').first().waitFor();
    await app.page.getByRole('button', { name: 'Hủy' }).click();
    await app.page.getByTestId('import-file').first().waitFor({ state: 'detached' });
    const summary = await app.backend.dispatch('summary.get', {});
    expect(summary.units.communes).toBe(0);
  });

  it('previews a batch with its changes, problems and refusals, then applies it as one step', async () => {
    await choose([...EXAMPLE_FILES, corpus('zip-bomb.xlsx'), corpus('bieu04-text-numbers.xlsx')]);
    const cards = app.page.getByTestId('import-file');
    await cards.nth(4).waitFor();
    await expect(cards.nth(0).textContent()).resolves.toContain('12 xã, 12 dòng');
    await expect(cards.nth(0).getByTestId('import-new-units').textContent()).resolves.toContain('Sẽ tạo mới 12 đơn vị: Bình Lư, Bản Bo');
    await expect(cards.nth(0).getByTestId('import-counts').textContent()).resolves.toContain('254 thêm mới');
    await expect(cards.nth(0).getByTestId('import-diff').locator('tbody tr').first().textContent()).resolves.toContain('Bình Lư');
    await expect(cards.nth(2).textContent()).resolves.toContain('26 dòng');
    await expect(cards.nth(3).getByTestId('import-error').textContent()).resolves.toContain('zip bomb');
    const problems = cards.nth(4).getByTestId('import-problems');
    await expect(problems.textContent()).resolves.toContain('Nguon luc!D10');
    await expect(cards.nth(4).getByTestId('import-findings').textContent()).resolves.toContain('biểu ghi 107.000, tính từ các dòng được 107.359');
    expect((await app.backend.dispatch('summary.get', {})).units.communes).toBe(0);

    await app.page.getByTestId('import-apply').click();
    await app.page.getByRole('status').getByText('Đã nhập 4 tệp').waitFor();
    const summary = await app.backend.dispatch('summary.get', {});
    expect(summary.units.communes).toBe(12);
    expect(summary.matrix[0]).toMatchObject({ year: 2024, met: 216, fullyMet: 9 });
    expect(summary.projects[0]).toMatchObject({ count: 26, plan: 19783 });
    await expect(app.page.getByRole('combobox', { name: 'Chọn kế hoạch' }).textContent()).resolves.toContain('Kế hoạch năm 2025');
    const history = await app.backend.dispatch('edits.state', {});
    expect(history).toMatchObject({ canUndo: true, undoLabel: 'Nhập 4 tệp' });
    expect(app.errors).toEqual([]);
  });
});
