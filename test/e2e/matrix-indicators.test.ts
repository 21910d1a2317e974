import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import type { CriteriaSet } from '../../shared/model';
import { seedExample } from '../helpers/example-bieu01';
import { startApp, type RunningApp } from './harness';
import { pasteInto } from './clipboard';

describe('the indicator and village matrices in Chromium', () => {
  let app: RunningApp;
  let unitIds: Map<string, number>;
  let set: CriteriaSet;
  const villages: number[] = [];

  beforeAll(async () => {
    app = await startApp({
      seed: async (backend) => {
        ({ unitIds } = await seedExample(backend));
        set = (await backend.dispatch('criteria.sets', {})).find((s) => s.id === 'xa-ntm-2021-2025')!;
        for (const name of ['Thôn Nà Bỏ', 'Bản Chu Va']) villages.push((await backend.dispatch('units.create', { kind: 'village', name, parentId: unitIds.get('Bản Bo')! })).id);
      },
    });
  });
  afterAll(async () => app.close());

  const text = async (locator: Locator) => (await locator.innerText()).trim();
  async function openTab(name: string, testId: string) {
    await app.page.getByRole('button', { name: 'Ma trận tiêu chí' }).click();
    await app.page.getByRole('tab', { name }).click();
    await app.page.getByTestId(testId).locator('.ag-row').first().waitFor();
  }

  it('enters indicator values by kind and flags a criterion its indicators contradict, without overwriting it', async () => {
    await openTab('Chỉ tiêu', 'indicator-grid');
    const grid = app.page.getByTestId('indicator-grid');
    const first = set.criteria[0]!;
    const [i11, i12] = first.indicators;
    const cell = (commune: string, colId: string) => grid.locator(`.ag-row[row-id="${unitIds.get(commune)}"] .ag-cell[col-id="${colId}"]`);
    const stored = (commune: string, indicatorId: number) =>
      (app.backend.document!.db.prepare("SELECT value FROM indicator_value WHERE unit_id = ? AND indicator_id = ? AND year = 2024 AND kind = 'actual'").get(unitIds.get(commune), indicatorId) as { value: number } | undefined)
        ?.value ?? null;

    // Bình Lư meets criterion 1 in the criteria matrix; its indicators say 1.1 is not met.
    await pasteInto(cell('Bình Lư', `i${i11!.id}`), 'Chưa đạt\tĐạt\r\n');
    await expect.poll(() => stored('Bình Lư', i12!.id)).toBe(1);
    expect(stored('Bình Lư', i11!.id)).toBe(0);
    const verdict = cell('Bình Lư', `d${first.id}`);
    await expect.poll(() => text(verdict)).toBe('-');
    await expect.poll(() => verdict.getAttribute('class')).toContain('xl-finding-warning');
    const mark = app.backend.document!.db.prepare("SELECT met FROM criterion_mark WHERE unit_id = ? AND criterion_id = ? AND kind = 'actual'").get(unitIds.get('Bình Lư'), first.id) as { met: number };
    expect(mark.met).toBe(1);

    // Space toggles 1.1 to met: the indicators now agree with the criterion and the flag goes.
    await cell('Bình Lư', `i${i11!.id}`).click();
    await app.page.keyboard.press(' ');
    await expect.poll(() => stored('Bình Lư', i11!.id)).toBe(1);
    await expect.poll(() => text(verdict)).toBe('x');
    expect(await verdict.getAttribute('class')).not.toContain('xl-finding');
    expect(app.errors).toEqual([]);
  });

  it('records the year a village was recognised and counts the villages recognised', async () => {
    await openTab('Thôn, bản', 'village-grid');
    const grid = app.page.getByTestId('village-grid');
    const year = grid.locator(`.ag-row[row-id="${villages[0]}"] .ag-cell[col-id="recognisedYear"]`);
    await year.click();
    await app.page.keyboard.type('2023');
    await app.page.keyboard.press('Enter');
    const status = () =>
      app.backend.document!.db.prepare("SELECT level, recognised_year FROM unit_status WHERE unit_id = ? AND year = 2024 AND kind = 'actual'").get(villages[0]) as
        | { level: string; recognised_year: number }
        | undefined;
    await expect.poll(status).toEqual({ level: 'ntm', recognised_year: 2023 });
    await expect.poll(() => text(grid.locator('.ag-row-pinned[row-id="totals:villages"] .ag-cell[col-id="note"]'))).toBe('1/2');
    await app.page.reload();
    await openTab('Thôn, bản', 'village-grid');
    expect(await text(app.page.getByTestId('village-grid').locator(`.ag-row[row-id="${villages[0]}"] .ag-cell[col-id="recognisedYear"]`))).toBe('2023');
    expect(app.errors).toEqual([]);
  });
});
