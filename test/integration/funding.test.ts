import { afterEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { Backend } from '../../electron/backend/backend';
import { runCli } from '../../electron/cli/run';
import { SCHEMA_VERSION } from '../../electron/backend/db/migrations';
import { projectSections, resourceLines, sourceTree } from '../../shared/domain/funding';
import { openTestBackend } from '../helpers/backend';
import { enterTamDuong, readExampleProjects, type TamDuong } from '../helpers/funding';
import { tempDir } from '../helpers/temp';

let backend: Backend | null = null;
afterEach(async () => {
  await backend?.close();
  backend = null;
});

async function open(): Promise<Backend> {
  backend = (await openTestBackend()).backend;
  return backend;
}

/** The rules engine's findings about the funding tables: what the funding screen lists above its tables. */
async function fundingFindings(b: Backend, planId: number) {
  const { findings } = await b.dispatch('validation.run', { planId });
  return findings.filter((f) => ['resource_amount', 'allocation', 'project', 'recurrent_amount', 'recurrent_content'].includes(f.target?.table ?? ''));
}

/** A finding of `rule` at a figure of the resources table. */
const resourceFinding = (rule: string, key: (string | number)[], field: string, expected: number, actual: number) =>
  expect.objectContaining({ rule, target: { table: 'resource_amount', key, field }, expected, actual });

async function lines(b: Backend, t: TamDuong) {
  const data = await b.dispatch('funding.resources', { planId: t.planId });
  const tree = resourceLines(sourceTree(data.sources), data.entries);
  return (role: string) => tree.find((l) => l.source.role === role)!;
}

describe('capital-source tree', () => {
  it('seeds the forms\' tree into a new document, once', async () => {
    const b = await open();
    const sources = await b.dispatch('funding.sources', {});
    const tree = sourceTree(sources);
    expect(tree.map((n) => [n.path, n.source.role])).toEqual([
      ['', 'total'],
      ['I', 'central'],
      ['I.1', 'central_investment'],
      ['I.2', 'central_recurrent'],
      ['II', 'local'],
      ['II.1', 'local_province'],
      ['II.2', 'local_district'],
      ['II.3', 'local_commune'],
      ['III', 'integrated'],
      ['III.1', 'integrated_poverty'],
      ['III.2', 'integrated_ethnic'],
      ['III.3', 'integrated_other'],
      ['IV', 'community'],
      ['IV.1', 'community_cash'],
      ['IV.2', 'community_inkind'],
      ['V', 'credit'],
      ['VI', 'enterprise'],
    ]);
    expect(tree.find((n) => n.path === 'III.2')?.source.label).toBe('Vốn Chương trình MTQG phát triển KT-XH vùng đồng bào DTTS và miền núi');
    // Reopening the same document does not seed a second tree.
    const documentPath = b.document!.path;
    await b.dispatch('doc.create', { name: 'khac' });
    await b.dispatch('doc.open', { path: documentPath });
    expect(await b.dispatch('funding.sources', {})).toHaveLength(sources.length);
    expect(b.document!.schemaVersion).toBe(SCHEMA_VERSION);
  });

  it('edits the tree as undoable steps and refuses to remove a source in use', async () => {
    const b = await open();
    const t = await enterTamDuong(b);
    const credit = t.role('credit');
    await b.dispatch('edits.apply', {
      label: 'Thêm nguồn',
      changes: [{ op: 'insert', table: 'capital_source', row: { parent_id: credit.id, code: '1', label: 'Ngân hàng Chính sách xã hội', role: null, ord: 1 } }],
    });
    const added = (await b.dispatch('funding.sources', {})).find((s) => s.label === 'Ngân hàng Chính sách xã hội')!;
    expect(sourceTree(await b.dispatch('funding.sources', {})).find((n) => n.source.id === added.id)?.path).toBe('V.1');

    await expect(b.dispatch('funding.removeSource', { id: t.role('total').id })).rejects.toMatchObject({ code: 'funding.sourceIsTotal' });
    await expect(b.dispatch('funding.removeSource', { id: t.role('central').id })).rejects.toMatchObject({ code: 'funding.sourceHasChildren' });
    await expect(b.dispatch('funding.removeSource', { id: t.role('local').id })).rejects.toMatchObject({
      code: 'funding.sourceHasChildren',
    });
    await expect(b.dispatch('funding.removeSource', { id: t.role('central_investment').id })).rejects.toMatchObject({ code: 'funding.sourceInUse' });

    const removed = await b.dispatch('funding.removeSource', { id: added.id });
    expect(removed.canUndo).toBe(true);
    expect((await b.dispatch('funding.sources', {})).some((s) => s.id === added.id)).toBe(false);
    await b.dispatch('edits.undo', {});
    expect((await b.dispatch('funding.sources', {})).some((s) => s.id === added.id)).toBe(true);
  });
});

describe('resources (Biểu 04) — Tam Đường 2025', () => {
  it('reads back 205.250 = 23.756 (19.783 + 3.973) + 74.135 + 107.359 (13.394 + 93.965) + 0', async () => {
    const b = await open();
    const t = await enterTamDuong(b);
    const line = await lines(b, t);
    expect(line('total').amount).toBe(205250);
    expect(line('central').amount).toBe(23756);
    expect(line('central').fromParts.amount).toBe(true);
    expect(line('central_investment').amount).toBe(19783);
    expect(line('central_recurrent').amount).toBe(3973);
    expect(line('local').amount).toBe(74135);
    expect(line('local').fromParts.amount).toBe(false);
    expect(line('integrated').amount).toBe(107359);
    expect(line('community').amount).toBe(0);
    expect(line('credit').amount).toBeNull();
    expect(line('central').investment).toBe(19783);
    expect(line('integrated').investment).toBe(53144);
    expect(line('total').investment).toBe(19783 + 39767 + 53144);

    const summary = await b.dispatch('summary.get', {});
    expect(summary.resources).toEqual([
      {
        year: 2025,
        total: 205250,
        bySource: { I: 23756, 'I.1': 19783, 'I.2': 3973, II: 74135, III: 107359, 'III.1': 13394, 'III.2': 93965, IV: 0 },
      },
    ]);
    expect(await fundingFindings(b, t.planId)).toEqual([]);
  });

  it('keeps a typed total that disagrees with its parts and reports both figures', async () => {
    const b = await open();
    const t = await enterTamDuong(b);
    await b.dispatch('edits.apply', {
      label: 'Tổng theo văn bản',
      changes: [{ op: 'set', table: 'resource_amount', key: [t.planId, t.year, t.role('total').id], field: 'typed_total', value: 205000 }],
    });
    expect((await lines(b, t))('total').amount).toBe(205250);
    expect(await fundingFindings(b, t.planId)).toEqual([
      resourceFinding('resources.parentSum', [t.planId, 2025, t.role('total').id], 'typed_total', 205250, 205000),
    ]);
  });

  it('updates every parent when a child changes, and compares an undivided parent with its new parts', async () => {
    const b = await open();
    const t = await enterTamDuong(b);
    await b.dispatch('edits.apply', {
      label: 'Ngân sách tỉnh',
      changes: [{ op: 'set', table: 'resource_amount', key: [t.planId, t.year, t.role('local_province').id], field: 'amount', value: 70000 }],
    });
    const line = await lines(b, t);
    expect(line('local').amount).toBe(70000);
    expect(line('total').amount).toBe(205250 - 74135 + 70000);
    expect(await fundingFindings(b, t.planId)).toEqual([
      expect.objectContaining({ rule: 'resources.parentSum', column: 'Số vốn', row: 'Vốn ngân sách địa phương', expected: 70000, actual: 74135, message: 'Vốn ngân sách địa phương: 74.135 ≠ 70.000 = 70.000' }),
    ]);
    await b.dispatch('edits.undo', {});
    expect((await lines(b, t))('total').amount).toBe(205250);
    expect(await fundingFindings(b, t.planId)).toEqual([]);
  });

  it('refuses bad input with a clear message and changes nothing', async () => {
    const b = await open();
    const t = await enterTamDuong(b);
    const key = [t.planId, t.year, t.role('central_recurrent').id];
    await expect(
      b.dispatch('edits.apply', {
        label: 'Sai',
        changes: [
          { op: 'set', table: 'resource_amount', key, field: 'amount', value: 1 },
          { op: 'set', table: 'resource_amount', key, field: 'amount', value: '3.973' },
        ],
      }),
    ).rejects.toMatchObject({ code: 'edits.badValue' });
    expect((await lines(b, t))('central_recurrent').amount).toBe(3973);
    await expect(b.dispatch('funding.resources', { planId: t.planId, year: 2030 })).rejects.toMatchObject({ code: 'funding.yearOutsidePlan' });
  });
});

describe('projects (Biểu 05) — Tam Đường 2025', () => {
  it('reads back 6 continuing + 20 new projects whose plans sum to 19.783', async () => {
    const b = await open();
    const t = await enterTamDuong(b);
    const data = await b.dispatch('funding.projects', { planId: t.planId });
    expect(data.projects).toHaveLength(26);
    const [section] = projectSections(sourceTree(data.sources), data.projects);
    expect(section?.node.path).toBe('I');
    expect(section?.phases.map((p) => [p.phase, p.totals.count, p.totals.planAmount])).toEqual([
      ['continuing', 6, 6120],
      ['new', 20, 13663],
    ]);
    expect(section?.totals).toEqual({ count: 26, totalInvestment: 28371, allocatedBefore: 5940, planAmount: 19783 });
    const binhLu = data.projects.find((p) => p.name.startsWith('Hệ thống nước sinh hoạt tập trung bản Phìn Hồ, xã Bình Lư'));
    expect(binhLu).toMatchObject({ unitId: t.communes.get('Bình Lư'), period: '2024-2025', totalInvestment: 2320, allocatedBefore: 1175, planAmount: 1129 });

    const summary = await b.dispatch('summary.get', {});
    expect(summary.projects).toEqual([{ year: 2025, count: 26, continuing: 6, new: 20, plan: 19783, bySource: { I: 19783 } }]);
  });

  it('flags the source\'s investment when the projects\' plan no longer matches it, and clears it on undo', async () => {
    const b = await open();
    const t = await enterTamDuong(b);
    const examples = await readExampleProjects();
    const first = (await b.dispatch('funding.projects', { planId: t.planId })).projects.find((p) => p.name === examples[0]!.name)!;
    await b.dispatch('edits.apply', { label: 'Sửa kế hoạch vốn', changes: [{ op: 'set', table: 'project', key: [first.id], field: 'plan_amount', value: 1000 }] });
    expect(await fundingFindings(b, t.planId)).toEqual([
      resourceFinding('projects.matchInvestment', [t.planId, 2025, t.role('central').id], 'investment', 19783 - 1129 + 1000, 19783),
    ]);
    await b.dispatch('edits.undo', {});
    expect(await fundingFindings(b, t.planId)).toEqual([]);
  });
});

describe('recurrent capital (Biểu 07) and allocation', () => {
  it('checks recurrent capital by content × commune against the recurrent amount', async () => {
    const b = await open();
    const t = await enterTamDuong(b);
    await b.dispatch('edits.apply', {
      label: 'Nội dung',
      changes: [
        { op: 'insert', table: 'recurrent_content', row: { id: 9001, plan_id: t.planId, parent_id: null, code: '1', label: 'Quy hoạch', ord: 1 } },
        { op: 'insert', table: 'recurrent_content', row: { id: 9002, plan_id: t.planId, parent_id: null, code: '2', label: 'Đào tạo, tập huấn', ord: 2 } },
      ],
    });
    const [a, c] = [t.communes.get('Bình Lư')!, t.communes.get('Nà Tăm')!];
    await b.dispatch('edits.apply', {
      label: 'Vốn sự nghiệp',
      changes: [
        { op: 'set', table: 'recurrent_amount', key: [9001, a], field: 'amount', value: 2000 },
        { op: 'set', table: 'recurrent_amount', key: [9002, c], field: 'amount', value: 1973 },
      ],
    });
    expect(await fundingFindings(b, t.planId)).toEqual([]);
    await b.dispatch('edits.apply', { label: 'Sửa', changes: [{ op: 'set', table: 'recurrent_amount', key: [9002, c], field: 'amount', value: 1900 }] });
    expect(await fundingFindings(b, t.planId)).toEqual([
      resourceFinding('recurrent.matchCentral', [t.planId, 2025, t.role('central_recurrent').id], 'amount', 3900, 3973),
    ]);
    const data = await b.dispatch('funding.recurrent', { planId: t.planId });
    expect(data.contents.map((x) => x.label)).toEqual(['Quy hoạch', 'Đào tạo, tập huấn']);
    expect(data.cells).toHaveLength(2);
  });

  it('stores allocation by source × commune for the plan year', async () => {
    const b = await open();
    const t = await enterTamDuong(b);
    const unit = t.communes.get('Bản Bo')!;
    await b.dispatch('edits.apply', {
      label: 'Phân bổ',
      changes: [{ op: 'set', table: 'allocation', key: [t.planId, t.year, t.role('central_investment').id, unit], field: 'amount', value: 3973.5 }],
    });
    const data = await b.dispatch('funding.allocation', { planId: t.planId });
    expect(data.communes).toHaveLength(12);
    expect(data.cells).toEqual([{ sourceId: t.role('central_investment').id, unitId: unit, amount: 3973.5 }]);
  });
});

describe('targets and model sites', () => {
  it('stores target indicators, recognition targets and model sites of the plan', async () => {
    const b = await open();
    const t = await enterTamDuong(b);
    const unit = t.communes.get('Giang Ma')!;
    await b.dispatch('edits.apply', {
      label: 'Chỉ tiêu',
      changes: [
        { op: 'insert', table: 'target_indicator', row: { plan_id: t.planId, unit_id: null, code: 'income', label: 'Thu nhập bình quân đầu người', unit: 'triệu đồng/người/năm', value_prev: 42.5, target: 54, ord: 1 } },
        { op: 'insert', table: 'target_indicator', row: { plan_id: t.planId, unit_id: unit, code: 'income', label: 'Thu nhập bình quân đầu người', unit: 'triệu đồng/người/năm', value_prev: 38, target: 45.2, ord: 1 } },
        { op: 'insert', table: 'recognition_target', row: { plan_id: t.planId, unit_id: unit, year: 2025, level: 'ntm' } },
        { op: 'insert', table: 'model_site', row: { plan_id: t.planId, unit_id: unit, scope: 'commune', content: 'Mô hình sản xuất chè an toàn', ord: 1 } },
      ],
    });
    const targets = await b.dispatch('funding.targets', { planId: t.planId });
    expect(targets.indicators.map((i) => [i.unitId, i.target])).toEqual([
      [null, 54],
      [unit, 45.2],
    ]);
    expect(targets.recognition).toEqual([{ unitId: unit, year: 2025, level: 'ntm' }]);
    const sites = await b.dispatch('funding.modelSites', { planId: t.planId });
    expect(sites.sites).toEqual([expect.objectContaining({ unitId: unit, scope: 'commune', content: 'Mô hình sản xuất chè an toàn' })]);
    await expect(
      b.dispatch('edits.apply', { label: 'Sai', changes: [{ op: 'insert', table: 'model_site', row: { plan_id: t.planId, unit_id: unit, scope: 'district', content: 'x', ord: 2 } }] }),
    ).rejects.toMatchObject({ code: 'edits.badValue' });
  });
});

describe('ntm summary --json', () => {
  it('prints the resources and projects of the Tam Đường plan', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'tam-duong.ntm');
    const b = await Backend.start({ dataDir: dir, documentPath: db, backupIntervalMs: 0 });
    await enterTamDuong(b);
    await b.close();
    const out: string[] = [];
    expect(await runCli(['summary', '--db', db, '--json'], { out: (t) => out.push(t), err: () => undefined }, { NTM_DATA_DIR: dir })).toBe(0);
    const summary = JSON.parse(out.join('\n')) as { resources: { year: number; total: number; bySource: Record<string, number> }[]; projects: unknown[] };
    expect(summary.resources).toEqual([expect.objectContaining({ year: 2025, total: 205250, bySource: expect.objectContaining({ I: 23756, II: 74135, III: 107359, IV: 0 }) })]);
    expect(summary.projects).toEqual([{ year: 2025, count: 26, continuing: 6, new: 20, plan: 19783, bySource: { I: 19783 } }]);
  });
});
