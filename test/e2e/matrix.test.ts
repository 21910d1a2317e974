import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { startApp, type RunningApp } from './harness';
import { seedExample } from '../helpers/example-bieu01';
import { pasteInto, copyFrom } from './clipboard';

describe('the criterion matrix in Chromium', () => {
  let app: RunningApp;
  let unitIds: Map<string, number>;
  let criterionIds: number[];

  beforeAll(async () => {
    app = await startApp({
      seed: async (backend) => {
        ({ unitIds, criterionIds } = await seedExample(backend));
      },
    });
  });
  afterAll(async () => app.close());

  const grid = () => app.page.getByTestId('matrix-grid');
  const unit = (name: string) => unitIds.get(name)!;
  const crit = (no: number) => criterionIds[no - 1]!;
  const cell = (name: string, colId: string): Locator => grid().locator(`.ag-row[row-id="${unit(name)}"] .ag-cell[col-id="${colId}"]`);
  const mark = (name: string, no: number, side = 'actual') => cell(name, `${side}:c${crit(no)}`);
  const total = (rowId: string, colId: string) => grid().locator(`.ag-row-pinned[row-id="${rowId}"] .ag-cell[col-id="${colId}"]`);
  const stored = (name: string, no: number, kind = 'actual', year = 2024) =>
    (
      app.backend.document!.db.prepare('SELECT met FROM criterion_mark WHERE unit_id = ? AND criterion_id = ? AND year = ? AND kind = ?').get(unit(name), crit(no), year, kind) as
        | { met: number }
        | undefined
    )?.met ?? null;
  const text = async (locator: Locator) => (await locator.innerText()).trim();
  /** Click a cell and wait until the grid has focused it, as a person would before typing. */
  const focus = async (locator: Locator) => {
    await locator.click();
    await hasFocus(locator);
  };
  /** Wait until keys typed now reach this cell (the grid moves focus back after an edit asynchronously). */
  const hasFocus = (locator: Locator) => expect.poll(() => locator.evaluate((el) => el === document.activeElement)).toBe(true);

  async function openMatrix() {
    await app.page.getByRole('button', { name: 'Ma trận tiêu chí' }).click();
    await grid().locator('.ag-row').first().waitFor();
  }


  it("shows the example form's derived figures: 216 met, average 18,0, criterion 11 met by 9 communes", async () => {
    await openMatrix();
    expect(await text(total('totals:meeting', 'actual:met'))).toBe('216');
    expect(await text(total('totals:average', 'actual:met'))).toBe('18,0');
    expect(await text(total('totals:meeting', `actual:c${crit(11)}`))).toBe('9');
    expect(await text(total('totals:meeting', `actual:c${crit(1)}`))).toBe('12');
    expect(await text(total('totals:bucket0', 'actual:met'))).toBe('9');
    expect(await text(total('totals:bucket1', 'actual:met'))).toBe('2');
    expect(await text(total('totals:bucket2', 'actual:met'))).toBe('1');
    expect(await text(cell('Nà Tăm', 'actual:met'))).toBe('15/19');
    expect(await text(cell('Giang Ma', 'actual:met'))).toBe('14/19');
    expect(await text(cell('Bình Lư', 'actual:recognisedYear'))).toBe('2016');
    expect(await text(cell('Bình Lư', 'actual:level'))).toBe('NTM');
    expect(app.errors).toEqual([]);
  });

  it('types a mark, and the derived figures follow', async () => {
    await openMatrix();
    expect(await text(mark('Giang Ma', 2))).toBe('');
    await focus(mark('Giang Ma', 2));
    await app.page.keyboard.type('x');
    await app.page.keyboard.press('Enter');
    await expect.poll(() => stored('Giang Ma', 2)).toBe(1);
    await expect.poll(() => text(mark('Giang Ma', 2))).toBe('x');
    await expect.poll(() => text(cell('Giang Ma', 'actual:met'))).toBe('15/19');
    expect(await text(total('totals:meeting', 'actual:met'))).toBe('217');
    expect(await text(total('totals:average', 'actual:met'))).toBe('18,1');
    // A text that is not a mark is refused with a message and changes nothing.
    await focus(mark('Giang Ma', 9));
    await app.page.keyboard.type('abc');
    await app.page.keyboard.press('Enter');
    await expect.poll(() => app.page.getByRole('status').innerText()).toContain('"abc" không phải dấu đạt/chưa đạt');
    expect(stored('Giang Ma', 9)).toBe(0);
  });

  it('pastes a TSV block from Excel as one step, refusing bad cells, then undoes and redoes it', async () => {
    await openMatrix();
    const before = (app.backend.document!.db.prepare('SELECT count(*) AS n FROM undo_step').get() as { n: number }).n;
    // Nà Tăm misses 10, 11, 13 and 17; Giang Ma (next row) misses 9, 10, 11.
    await pasteInto(mark('Nà Tăm', 10), 'x\tĐạt\tX\r\n✓\t1\tabc\r\n');
    await expect.poll(() => stored('Giang Ma', 11)).toBe(1);
    expect([stored('Nà Tăm', 10), stored('Nà Tăm', 11), stored('Nà Tăm', 12), stored('Giang Ma', 10), stored('Giang Ma', 11), stored('Giang Ma', 12)]).toEqual([1, 1, 1, 1, 1, 1]);
    await expect.poll(() => app.page.getByRole('status').innerText()).toContain('1 ô không dán được');
    expect((app.backend.document!.db.prepare('SELECT count(*) AS n FROM undo_step').get() as { n: number }).n).toBe(before + 1);
    await expect.poll(() => text(cell('Nà Tăm', 'actual:met'))).toBe('17/19');

    await focus(mark('Nà Tăm', 10));
    await app.page.keyboard.press('Control+z');
    await expect.poll(() => stored('Nà Tăm', 10)).toBe(0);
    expect(stored('Giang Ma', 11)).toBe(0);
    await expect.poll(() => text(cell('Nà Tăm', 'actual:met'))).toBe('15/19');
    expect(await text(mark('Nà Tăm', 11))).toBe('');

    await app.page.keyboard.press('Control+y');
    await expect.poll(() => stored('Nà Tăm', 10)).toBe(1);
    await expect.poll(() => text(mark('Giang Ma', 11))).toBe('x');
    expect(app.errors).toEqual([]);
  });

  it('selects a range with Shift+arrows, fills it down with Ctrl+D and copies it as TSV', async () => {
    await openMatrix();
    // Tả Lèng misses 11, 13 and 17; fill its column 13 from Giang Ma above it (met).
    await focus(mark('Giang Ma', 13));
    await app.page.keyboard.press('Shift+ArrowDown');
    await expect.poll(() => grid().locator('.ag-cell.xl-in-range').count()).toBe(2);
    await app.page.keyboard.press('Control+d');
    await expect.poll(() => stored('Tả Lèng', 13)).toBe(1);
    await expect.poll(() => text(mark('Tả Lèng', 13))).toBe('x');

    await focus(mark('Nà Tăm', 16));
    await app.page.keyboard.press('Shift+ArrowRight');
    await app.page.keyboard.press('Shift+ArrowDown');
    const copied = await copyFrom(mark('Nà Tăm', 16));
    expect(copied).toBe('x\t\r\nx\t\r\n');

    // Delete clears the range; Space toggles marks back.
    await app.page.keyboard.press('Delete');
    await expect.poll(() => stored('Giang Ma', 16)).toBe(0);
    expect(stored('Nà Tăm', 16)).toBe(0);
    await app.page.keyboard.press(' ');
    await expect.poll(() => stored('Giang Ma', 16)).toBe(1);
    expect([stored('Nà Tăm', 16), stored('Nà Tăm', 17), stored('Giang Ma', 17)]).toEqual([1, 1, 1]);
    expect(app.errors).toEqual([]);
  });

  it('selects a range by dragging the mouse, and Esc cancels an edit that F2 or typing started', async () => {
    await openMatrix();
    const from = await mark('Bình Lư', 3).boundingBox();
    const to = await mark('Khun Há', 5).boundingBox();
    await app.page.mouse.move(from!.x + from!.width / 2, from!.y + from!.height / 2);
    await app.page.mouse.down();
    await app.page.mouse.move(to!.x + to!.width / 2, to!.y + to!.height / 2, { steps: 8 });
    await app.page.mouse.up();
    await expect.poll(() => grid().locator('.ag-cell.xl-in-range').count()).toBe(9);
    const copied = await copyFrom(mark('Bình Lư', 3));
    expect(copied).toBe('x\tx\tx\r\n'.repeat(3));

    await focus(mark('Tả Lèng', 17));
    await app.page.keyboard.type('x');
    await app.page.keyboard.press('Escape');
    await hasFocus(mark('Tả Lèng', 17));
    await app.page.keyboard.press('F2');
    await app.page.keyboard.type('Đạt');
    await app.page.keyboard.press('Escape');
    await expect.poll(() => text(mark('Tả Lèng', 17))).toBe('');
    expect(stored('Tả Lèng', 17)).toBe(0);
    await hasFocus(mark('Tả Lèng', 17));
    await app.page.keyboard.press('F2');
    await app.page.keyboard.type('2024');
    await app.page.keyboard.press('Tab');
    await expect.poll(() => stored('Tả Lèng', 17)).toBe(1);
    await expect.poll(() => text(mark('Tả Lèng', 17))).toBe('2024');
    expect(app.errors).toEqual([]);
  });

  it('finds the same data after reloading the page', async () => {
    await app.page.reload();
    await openMatrix();
    expect(await text(mark('Tả Lèng', 13))).toBe('x');
    expect(await text(mark('Nà Tăm', 10))).toBe('x');
    expect(await text(mark('Giang Ma', 2))).toBe('x');
    expect(await text(mark('Tả Lèng', 17))).toBe('2024');
    const met = (app.backend.document!.db.prepare("SELECT count(*) AS n FROM criterion_mark WHERE met = 1 AND kind = 'actual'").get() as { n: number }).n;
    expect(await text(total('totals:meeting', 'actual:met'))).toBe(String(met));
  });

  it('shows status and plan side by side with the planned gains marked', async () => {
    await openMatrix();
    await app.page.getByRole('tab', { name: 'Kế hoạch năm 2025' }).click();
    await pasteInto(grid().locator(`.ag-row[row-id="${unit('Tả Lèng')}"] .ag-cell[col-id="plan:c${crit(1)}"]`), `${Array(19).fill('x').join('\t')}\r\n`);
    await expect.poll(() => stored('Tả Lèng', 11, 'plan', 2025)).toBe(1);
    await app.page.getByRole('tab', { name: 'Hiện trạng và kế hoạch' }).click();
    await expect.poll(() => app.page.getByTestId('plan-gains').innerText()).toBe('Dự kiến đạt thêm: Tả Lèng (TC 11)');
    await expect.poll(() => mark('Tả Lèng', 11, 'plan').getAttribute('class')).toContain('mx-gain');
    expect(await mark('Tả Lèng', 1, 'plan').getAttribute('class')).not.toContain('mx-gain');
    expect(app.errors).toEqual([]);
  });

  it("shows a second window the first window's edit once it reloads the matrix", async () => {
    const other = await app.page.context().newPage();
    try {
      await other.goto(app.server.url);
      await other.getByRole('button', { name: 'Ma trận tiêu chí' }).click();
      const there = other.getByTestId('matrix-grid').locator(`.ag-row[row-id="${unit('Bản Bo')}"] .ag-cell[col-id="actual:c${crit(5)}"]`);
      await expect.poll(() => text(there)).toBe('x');
      await app.page.bringToFront();
      await openMatrix();
      await app.page.getByRole('tab', { name: 'Đến 31/12/2024' }).click();
      // The status-only columns show once the grid has switched from the side-by-side view.
      await cell('Bản Bo', 'actual:level').waitFor();
      await focus(mark('Bản Bo', 5));
      await app.page.keyboard.press('Delete');
      await expect.poll(() => stored('Bản Bo', 5)).toBe(0);
      await other.bringToFront();
      await other.getByRole('button', { name: 'Tải lại' }).click();
      await expect.poll(() => text(there)).toBe('');
    } finally {
      await other.close();
    }
  });
});
