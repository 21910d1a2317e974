import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { enterTamDuong, type TamDuong } from '../helpers/funding';
import { startApp, type RunningApp } from './harness';
import { pasteInto } from './clipboard';

/** The machine running the suite is shared; a reload after an edit may take a few seconds there. */
const eventually = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000 });

describe('the funding tables in Chromium', () => {
  let app: RunningApp;
  let plan: TamDuong;

  beforeAll(async () => {
    app = await startApp({
      seed: async (backend) => {
        plan = await enterTamDuong(backend);
      },
    });
    // The cross-table list shows the rules engine's findings: wait until the first full run is in (the
    // twelve communes have no status at the end of 2024 yet), with the dashboard shown as a person would.
    await app.page.getByTestId('findings-count').getByText('12 cảnh báo').waitFor({ timeout: 30_000 });
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
    await eventually(() => stored('central_recurrent', 'amount')).toBe(4000);
    await eventually(() => text(resource('central', 'amount'))).toBe('23.783');
    expect(await text(resource('total', 'amount'))).toBe('205.277');

    await pasteInto(resource('central_investment', 'amount'), '19783\r\n3973,5\r\n');
    await eventually(() => stored('central_recurrent', 'amount')).toBe(3973.5);
    await eventually(() => text(resource('central_recurrent', 'amount'))).toBe('3.973,5');
    expect(await text(resource('central', 'amount'))).toBe('23.756,5');
    await pasteInto(resource('central_recurrent', 'amount'), '3973.5');
    await pasteInto(resource('integrated_poverty', 'amount'), '13.394');
    await eventually(() => text(resource('total', 'amount'))).toBe('205.250,5');

    // A parent computed from its parts is not typed into.
    await type(resource('central', 'amount'), '1');
    expect(await text(resource('central', 'amount'))).toBe('23.756,5');
    await type(resource('central_recurrent', 'amount'), '3.973');
    await eventually(() => text(resource('total', 'amount'))).toBe('205.250');

    // Negative figures are shown with a minus; clearing a cell (Delete) leaves it empty again.
    await pasteInto(resource('community_cash', 'amount'), '(1.000)');
    await eventually(() => text(resource('community', 'amount'))).toBe('-1.000');
    expect(await text(resource('total', 'amount'))).toBe('204.250');
    await resource('community_cash', 'amount').click();
    await app.page.keyboard.press('Delete');
    await eventually(() => text(resource('community_cash', 'amount'))).toBe('');
    await eventually(() => text(resource('community', 'amount'))).toBe('0');
    expect(await text(resource('total', 'amount'))).toBe('205.250');
    expect(app.errors).toEqual([]);
  });

  it('marks the cross-table check when the investment no longer matches the projects, and clears it on undo', async () => {
    await openTab('Nguồn lực (Biểu 04)', 'resources-grid');
    await type(resource('central_investment', 'investment'), '19.000');
    await eventually(() => stored('central_investment', 'investment')).toBe(19000);
    await eventually(() => text(resource('central', 'investment'))).toBe('19.000');
    await eventually(() => resource('central', 'investment').getAttribute('class')).toContain('xl-finding-error');
    await eventually(() => text(app.page.getByTestId('funding-checks'))).toContain('Vốn ngân sách Trung ương trực tiếp đầu tư: 19.000 ≠ tổng kế hoạch năm các dự án: tổng 26 dòng = 19.783');

    await app.page.keyboard.press('Control+z');
    await eventually(() => stored('central_investment', 'investment')).toBe(19783);
    await eventually(() => resource('central', 'investment').getAttribute('class')).not.toContain('xl-finding-error');
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
    await eventually(() => text(cell('total', 'planAmount'))).toBe('19.654');
    await eventually(() => cell(`s${central}`, 'planAmount').getAttribute('class')).toContain('xl-finding-error');
    await app.page.keyboard.press('Control+z');
    await eventually(() => text(cell('total', 'planAmount'))).toBe('19.783');
    await eventually(() => cell(`s${central}`, 'planAmount').getAttribute('class')).not.toContain('xl-finding-error');

    // A new project moved into the continuing group: the counts follow.
    const last = app.backend.document!.db.prepare('SELECT id FROM project WHERE plan_id = ? ORDER BY ord DESC LIMIT 1').get(plan.planId) as { id: number };
    await cell(`p${last.id}`, 'name').click();
    await app.page.getByLabel('Nhóm dự án').selectOption('continuing');
    await app.page.getByRole('button', { name: 'Chuyển công trình đang chọn vào nhóm này' }).click();
    await eventually(() => text(cell(`s${central}-continuing`, 'name'))).toBe('Dự án chuyển tiếp (7 công trình)');
    expect(await text(cell(`s${central}-new`, 'name'))).toBe('Dự án khởi công mới (19 công trình)');
    await cell(`p${last.id}`, 'name').click();
    await app.page.keyboard.press('Control+z');
    await eventually(() => text(cell(`s${central}-new`, 'name'))).toBe('Dự án khởi công mới (20 công trình)');
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
    await eventually(() => text(cell(`s${id('total')}`))).toBe('1.200');
    await pasteInto(cell(`s${id('central_recurrent')}`), '300,5');
    await eventually(() => text(cell(`s${id('central')}`))).toBe('1.500,5');
    expect(await text(cell(`s${id('total')}`))).toBe('1.500,5');
    expect(await text(total(`s${id('central_recurrent')}`))).toBe('300,5');
    expect(await text(total(`s${id('total')}`))).toBe('1.500,5');
    await app.page.keyboard.press('Control+z');
    await eventually(() => text(cell(`s${id('total')}`))).toBe('1.200');
    expect(app.errors).toEqual([]);
  });

  it('fills recurrent capital by content × commune and checks it against the recurrent amount', async () => {
    await app.page.getByRole('button', { name: 'Nguồn vốn', exact: true }).click();
    await app.page.getByRole('tab', { name: 'Vốn sự nghiệp (Biểu 07)' }).click();
    await app.page.getByRole('button', { name: 'Dùng danh mục nội dung mặc định' }).click();
    const grid = app.page.getByTestId('recurrent-grid');
    const contents = () => app.backend.document!.db.prepare('SELECT id FROM recurrent_content WHERE plan_id = ? ORDER BY ord').all(plan.planId) as { id: number }[];
    await eventually(() => contents().length).toBe(11);
    await eventually(() => text(grid.locator(`.ag-row[row-id="${contents()[10]!.id}"] .ag-cell[col-id="label"]`))).toContain('Giám sát, đánh giá');
    const cell = (content: number, unit: string) => grid.locator(`.ag-row[row-id="${contents()[content]!.id}"] .ag-cell[col-id="u${plan.communes.get(unit)}"]`);
    const total = () => grid.locator('.ag-row-pinned .ag-cell[col-id="total"]');
    await type(cell(0, 'Bình Lư'), '2.000');
    await eventually(() => text(total())).toBe('2.000');
    await type(cell(1, 'Nà Tăm'), '1.973');
    await eventually(() => text(total())).toBe('3.973');
    // The allocation typed above may still disagree with the resources; the recurrent capital agrees.
    await eventually(() => text(app.page.getByTestId('funding-checks'))).not.toContain('tổng vốn sự nghiệp theo nội dung');
    await type(cell(1, 'Nà Tăm'), '1.900');
    await eventually(() => text(app.page.getByTestId('funding-checks'))).toContain('Vốn sự nghiệp: 3.973 ≠ tổng vốn sự nghiệp theo nội dung: 2.000 + 1.900 = 3.900');
    expect(app.errors).toEqual([]);
  });

  it('sets target indicators and recognition targets, counting the units to recognise', async () => {
    await app.page.getByRole('button', { name: 'Nguồn vốn', exact: true }).click();
    await app.page.getByRole('tab', { name: 'Chỉ tiêu (Biểu 02)' }).click();
    await app.page.getByRole('button', { name: 'Dùng bộ chỉ tiêu mặc định' }).click();
    const grid = app.page.getByTestId('targets-grid');
    const unit = plan.communes.get('Giang Ma')!;
    await grid.locator(`.ag-row[row-id="income|plan"]`).first().waitFor();
    await type(grid.locator(`.ag-row[row-id="income|plan"] .ag-cell[col-id="target"]`), '54');
    await type(grid.locator(`.ag-row[row-id="income|${unit}"] .ag-cell[col-id="target"]`), '45,2');
    const stored = () =>
      app.backend.document!.db.prepare("SELECT unit_id AS unitId, target FROM target_indicator WHERE plan_id = ? AND code = 'income' AND target IS NOT NULL ORDER BY id").all(plan.planId);
    await eventually(stored).toEqual([
      { unitId: null, target: 54 },
      { unitId: unit, target: 45.2 },
    ]);
    await eventually(() => text(grid.locator(`.ag-row[row-id="income|${unit}"] .ag-cell[col-id="target"]`))).toBe('45,2');

    const recognition = app.page.getByTestId('recognition-grid');
    const ntm = recognition.locator(`.ag-row[row-id="${unit}"] .ag-cell[col-id="ntm"]`);
    await ntm.click();
    await eventually(() => ntm.getAttribute('class')).toContain('ag-cell-focus');
    await app.page.keyboard.press(' ');
    await eventually(() => text(app.page.getByTestId('recognition-counts'))).toContain('Xã đạt chuẩn NTM: 1');
    expect(app.backend.document!.db.prepare('SELECT unit_id AS unitId, level FROM recognition_target WHERE plan_id = ?').all(plan.planId)).toEqual([{ unitId: unit, level: 'ntm' }]);
    expect(app.errors).toEqual([]);
  });

  it('registers a model site by content and place', async () => {
    await app.page.getByRole('button', { name: 'Nguồn vốn', exact: true }).click();
    await app.page.getByRole('tab', { name: 'Điển hình' }).click();
    await app.page.getByRole('button', { name: 'Thêm điển hình' }).click();
    const grid = app.page.getByTestId('model-sites-grid');
    await grid.locator('.ag-row').first().waitFor();
    await type(grid.locator('.ag-row .ag-cell[col-id="content"]').first(), 'Mô hình sản xuất chè an toàn');
    await type(grid.locator('.ag-row .ag-cell[col-id="place"]').first(), 'Xã Giang Ma');
    const stored = () => app.backend.document!.db.prepare('SELECT unit_id AS unitId, scope, content FROM model_site WHERE plan_id = ?').all(plan.planId);
    await eventually(stored).toEqual([{ unitId: plan.communes.get('Giang Ma'), scope: 'commune', content: 'Mô hình sản xuất chè an toàn' }]);
    // An unknown place is refused with a message and changes nothing.
    await type(grid.locator('.ag-row .ag-cell[col-id="place"]').first(), 'Xã Không Có');
    await eventually(() => app.page.getByRole('status').innerText()).toContain('không có xã "Xã Không Có"');
    expect(stored()).toEqual([{ unitId: plan.communes.get('Giang Ma'), scope: 'commune', content: 'Mô hình sản xuất chè an toàn' }]);
  });

  it('adds a sub-source numbered after its siblings, renames it in place and removes it only when unused', async () => {
    await app.page.getByRole('button', { name: 'Nguồn vốn', exact: true }).click();
    await app.page.getByRole('tab', { name: 'Nguồn vốn', exact: true }).click();
    const grid = app.page.getByTestId('sources-grid');
    await eventually(() => text(grid.locator(`.ag-row[row-id="${id('integrated_ethnic')}"] .ag-cell[col-id="role"]`))).toBe('Lồng ghép — vùng đồng bào DTTS và miền núi');
    await grid.locator(`.ag-row[row-id="${id('central')}"] .ag-cell[col-id="label"]`).click();
    await app.page.getByRole('button', { name: 'Thêm nguồn con' }).click();
    const added = () => app.backend.document!.db.prepare("SELECT id, code FROM capital_source WHERE parent_id = ? AND role IS NULL").get(id('central')) as { id: number; code: string } | undefined;
    await eventually(() => added()?.code).toBe('3');
    await type(grid.locator(`.ag-row[row-id="${added()!.id}"] .ag-cell[col-id="label"]`), 'Vốn dự phòng');
    await eventually(() => text(grid.locator(`.ag-row[row-id="${added()!.id}"] .ag-cell[col-id="label"]`))).toBe('Vốn dự phòng');

    // Moved up, it takes the place and the number of the source above it.
    const codeOf = (sourceId: number) => (app.backend.document!.db.prepare('SELECT code FROM capital_source WHERE id = ?').get(sourceId) as { code: string }).code;
    const rowIndex = async (sourceId: number) => Number(await grid.locator(`.ag-row[row-id="${sourceId}"]`).first().getAttribute('row-index'));
    await grid.locator(`.ag-row[row-id="${added()!.id}"] .ag-cell[col-id="code"]`).click();
    await app.page.getByRole('button', { name: 'Chuyển lên' }).click();
    await eventually(() => [codeOf(added()!.id), codeOf(id('central_recurrent'))]).toEqual(['2', '3']);
    await eventually(async () => (await rowIndex(added()!.id)) < (await rowIndex(id('central_recurrent')))).toBe(true);
    await app.page.getByRole('button', { name: 'Chuyển xuống' }).click();
    await eventually(() => [codeOf(added()!.id), codeOf(id('central_recurrent'))]).toEqual(['3', '2']);
    await eventually(async () => (await rowIndex(added()!.id)) > (await rowIndex(id('central_recurrent')))).toBe(true);
    expect(await app.page.getByRole('button', { name: 'Chuyển xuống' }).isDisabled()).toBe(true);

    // A source with figures is not removed; an unused one is.
    await grid.locator(`.ag-row[row-id="${id('central_investment')}"] .ag-cell[col-id="label"]`).click();
    await app.page.getByRole('button', { name: 'Xóa dòng đang chọn' }).click();
    await eventually(() => app.page.locator('footer').innerText()).toContain('Nguồn vốn "Vốn đầu tư phát triển" đang có');
    const addedId = added()!.id;
    await grid.locator(`.ag-row[row-id="${addedId}"] .ag-cell[col-id="label"]`).click();
    await app.page.getByRole('button', { name: 'Xóa dòng đang chọn' }).click();
    await eventually(() => added()).toBeUndefined();
    await eventually(() => grid.locator(`.ag-row[row-id="${addedId}"]`).count()).toBe(0);
    expect(app.errors).toEqual([]);
  });
});

