import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/backend';
import { CHECK_BEFORE_ANSWER_MAX } from '../../electron/backend/handlers/edits';
import { runCli } from '../../electron/cli/run';
import { contract, type EventPayload } from '../../shared/contract';
import { openTestBackend } from '../helpers/backend';
import { enterMuongKhoa } from '../helpers/muong-khoa';
import { examplePath } from '../helpers/examples';

let backend: Backend | null = null;
afterEach(async () => {
  await backend?.close();
  backend = null;
});

const brief = (findings: { rule: string; row: string; expected: unknown; actual: unknown }[]) => findings.map((f) => [f.rule, f.row, f.expected, f.actual]);

describe('validation of a real document', () => {
  it('finds exactly the two wrong totals of Mường Khoa 2025, and correcting 2.256 to 2.556 clears both', async () => {
    backend = (await openTestBackend()).backend;
    const mk = await enterMuongKhoa(backend);
    const { findings } = await backend.dispatch('validation.run', { planId: mk.planId });
    expect(brief(findings)).toEqual([
      ['resources.parentSum', 'Tổng nguồn lực', 3600, 3900],
      ['resources.parentSum', 'Vốn lồng ghép', 2556, 2256],
    ]);
    expect(findings.map((f) => f.message)).toEqual(['Tổng nguồn lực: 3.900 ≠ 1.304 + 40 + 2.256 = 3.600', 'Vốn lồng ghép: 2.256 ≠ 602 + 1.954 = 2.556']);
    expect(findings[1]?.target).toEqual({ table: 'resource_amount', key: [mk.planId, 2025, mk.source('integrated')], field: 'amount' });

    await backend.dispatch('edits.apply', { label: 'Sửa', changes: [{ op: 'set', table: 'resource_amount', key: [mk.planId, 2025, mk.source('integrated')], field: 'amount', value: 2556 }] });
    expect((await backend.dispatch('validation.run', {})).findings).toEqual([]);
    // A finding never changes data by itself: the figures are as typed.
    const total = backend.document!.db.prepare('SELECT amount FROM resource_amount WHERE source_id = ?').get(mk.source('total')) as { amount: number };
    expect(total.amount).toBe(3900);
  });

  it('hands the renderer the same tables, so its own engine finds the same', async () => {
    backend = (await openTestBackend()).backend;
    const mk = await enterMuongKhoa(backend);
    const data = await backend.dispatch('validation.data', { planId: mk.planId });
    expect(data.plan).toMatchObject({ id: mk.planId, yearStart: 2025, level: 'commune', unitId: mk.unitId });
    expect(data.tables.resource_amount?.rows).toHaveLength(8);
    expect(data.tables.criterion_mark?.rows).toHaveLength(38);
    expect(data.tables.indicator?.rows.length).toBeGreaterThan(50);
  });

  it('warns about a commune with no status, and refuses an unknown plan', async () => {
    backend = (await openTestBackend()).backend;
    const mk = await enterMuongKhoa(backend, { status: false });
    const { findings } = await backend.dispatch('validation.run', {});
    expect(findings.filter((f) => f.severity === 'warning').map((f) => f.message)).toEqual(['Mường Khoa: chưa có hiện trạng đến 31/12/2024']);
    await expect(backend.dispatch('validation.run', { planId: mk.planId + 99 })).rejects.toMatchObject({ code: 'error.notFound' });
  });
});

describe('checks on save', () => {
  it('checks each saved edit, undo and redo against the rules it touches, answers with every plan\'s counts and tells every window', async () => {
    const t = await openTestBackend();
    backend = t.backend;
    const events: EventPayload<'validation.changed'>[] = [];
    backend.on((event, payload) => {
      if (event === 'validation.changed') events.push(payload as EventPayload<'validation.changed'>);
    });
    const mk = await enterMuongKhoa(backend);
    const integrated = [mk.planId, 2025, mk.source('integrated')];
    const set = (value: number) => ({ label: 'Sửa', changes: [{ op: 'set' as const, table: 'resource_amount', key: integrated, field: 'amount', value }] });
    expect(events.at(-1)).toEqual({ planId: mk.planId, errors: 2, warnings: 0 });

    const fixed = await backend.dispatch('edits.apply', set(2556));
    expect(contract['edits.apply'].result.parse(fixed)).toEqual({ stepId: expect.any(Number), canUndo: true, canRedo: false, findings: [{ planId: mk.planId, errors: 0, warnings: 0 }] });
    expect(events.at(-1)).toEqual({ planId: mk.planId, errors: 0, warnings: 0 });

    // A note changes no finding: the answer still counts, no window is told.
    const seen = events.length;
    const note = await backend.dispatch('edits.apply', { label: 'Ghi chú', changes: [{ op: 'set', table: 'resource_amount', key: integrated, field: 'note', value: 'theo văn bản' }] });
    expect(note.findings).toEqual([{ planId: mk.planId, errors: 0, warnings: 0 }]);
    expect(events).toHaveLength(seen);

    await backend.dispatch('edits.undo', {});
    const undone = await backend.dispatch('edits.undo', {});
    expect(contract['edits.undo'].result.parse(undone).findings).toEqual([{ planId: mk.planId, errors: 2, warnings: 0 }]);
    const redone = await backend.dispatch('edits.redo', {});
    expect(contract['edits.redo'].result.parse(redone).findings).toEqual([{ planId: mk.planId, errors: 0, warnings: 0 }]);

    // A step too big to check before answering is answered at once; its counts follow by event.
    const big = await backend.dispatch('edits.apply', {
      label: 'Dán',
      changes: [
        ...Array.from({ length: CHECK_BEFORE_ANSWER_MAX }, (_, i) => ({ op: 'set' as const, table: 'resource_amount', key: integrated, field: 'note', value: `ghi chú ${i}` })),
        { op: 'set' as const, table: 'resource_amount', key: integrated, field: 'amount', value: 2000 },
      ],
    });
    expect(contract['edits.apply'].result.parse(big)).toEqual({ stepId: expect.any(Number), canUndo: true, canRedo: false });
    const told = events.length;
    await new Promise((resolve) => setImmediate(resolve));
    expect(events.slice(told)).toEqual([{ planId: mk.planId, errors: 2, warnings: 0 }]);
    expect((await backend.dispatch('edits.undo', {})).findings).toBeUndefined();
    await new Promise((resolve) => setImmediate(resolve));
    expect(events.at(-1)).toEqual({ planId: mk.planId, errors: 0, warnings: 0 });

    // A write beside the edit path (a new plan) is noticed: the next save reloads and counts the new plan too.
    const other = await backend.dispatch('plans.create', { name: 'Kế hoạch bổ sung', level: 'commune', unitId: mk.unitId, yearStart: 2025, yearEnd: 2025, criteriaSetId: 'xa-ntm-2021-2025' });
    const again = await backend.dispatch('edits.apply', set(2255));
    expect(again.findings).toEqual([
      { planId: mk.planId, errors: 2, warnings: 0 },
      { planId: other.id, errors: 0, warnings: 0 },
    ]);
    // The counts are those of a full validation of the saved document, reopened from its file.
    await backend.close();
    backend = await Backend.start({ dataDir: t.dataDir, documentPath: t.documentPath, backupIntervalMs: 0 });
    const { findings } = await backend.dispatch('validation.run', { planId: mk.planId });
    expect(brief(findings)).toEqual([
      ['resources.parentSum', 'Tổng nguồn lực', 3599, 3900],
      ['resources.parentSum', 'Vốn lồng ghép', 2556, 2255],
    ]);
  });

  it('answers the first save of a big document at once and tells its counts by event, once the rules are loaded', async () => {
    backend = (await openTestBackend()).backend;
    const events: EventPayload<'validation.changed'>[] = [];
    backend.on((event, payload) => {
      if (event === 'validation.changed') events.push(payload as EventPayload<'validation.changed'>);
    });
    const mk = await enterMuongKhoa(backend);
    // An import of every commune of a province, written beside the edit path.
    const db = backend.document!.db;
    const insert = db.prepare("INSERT INTO unit (kind, name, ord) VALUES ('commune', ?, ?)");
    db.transaction(() => {
      for (let i = 1; i <= 1_200; i++) insert.run(`Xã Số ${i}`, 100 + i);
    })();
    const integrated = [mk.planId, 2025, mk.source('integrated')];
    const set = (value: number) => ({ label: 'Sửa', changes: [{ op: 'set' as const, table: 'resource_amount', key: integrated, field: 'amount', value }] });

    const first = await backend.dispatch('edits.apply', set(2556));
    expect(contract['edits.apply'].result.parse(first)).toEqual({ stepId: expect.any(Number), canUndo: true, canRedo: false });
    const told = events.length;
    await new Promise((resolve) => setImmediate(resolve));
    expect(events.slice(told)).toContainEqual({ planId: mk.planId, errors: 0, warnings: 0 });

    const next = await backend.dispatch('edits.apply', set(2000));
    expect(next.findings).toEqual([{ planId: mk.planId, errors: 2, warnings: 0 }]);
  });

  it('follows a new row whose id SQLite assigns', async () => {
    backend = (await openTestBackend()).backend;
    const mk = await enterMuongKhoa(backend);
    const project = { plan_id: mk.planId, year: 2025, source_id: mk.source('central_investment'), phase: 'new', name: 'Đường nội đồng', unit_id: mk.unitId, plan_amount: -5, ord: 1 };
    const saved = await backend.dispatch('edits.apply', { label: 'Thêm công trình', changes: [{ op: 'insert', table: 'project', row: project }] });
    expect(saved.findings).toEqual([{ planId: mk.planId, errors: 3, warnings: 0 }]);
    const id = (backend.document!.db.prepare('SELECT id FROM project').get() as { id: number }).id;
    const fixed = await backend.dispatch('edits.apply', { label: 'Sửa', changes: [{ op: 'set', table: 'project', key: [id], field: 'plan_amount', value: 5 }] });
    expect(fixed.findings).toEqual([{ planId: mk.planId, errors: 2, warnings: 0 }]);
  });
});

describe('several plans', () => {
  it('validates every plan and says a thing seen by two plans over the same years once', async () => {
    backend = (await openTestBackend()).backend;
    const mk = await enterMuongKhoa(backend, { status: false });
    await backend.dispatch('plans.create', { name: 'Kế hoạch bổ sung', level: 'commune', unitId: mk.unitId, yearStart: 2025, yearEnd: 2025, criteriaSetId: 'xa-ntm-2021-2025' });
    const { findings } = await backend.dispatch('validation.run', {});
    expect(findings.map((f) => f.rule)).toEqual(['resources.parentSum', 'resources.parentSum', 'matrix.communeHasStatus']);
  });
});

describe('imported forms kept in the document', () => {
  it('reports a value typed over a formula at its Sheet!Cell, named after the file', async () => {
    backend = (await openTestBackend()).backend;
    const mk = await enterMuongKhoa(backend);
    await backend.dispatch('edits.apply', { label: 'Sửa', changes: [{ op: 'set', table: 'resource_amount', key: [mk.planId, 2025, mk.source('integrated')], field: 'amount', value: 2556 }] });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(examplePath('bieu04-nguon-luc'));
    const sheet = wb.worksheets[0] as ExcelJS.Worksheet;
    // C8 = C9 + C10 = 23.756 in the form; someone typed 24.056 over its result.
    sheet.getCell('C8').value = { formula: 'C9+C10', result: 24056 };
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    backend.document!.db
      .prepare("INSERT INTO workbook (plan_id, form, sheet, file_name, sha256, bytes, binding, imported_at) VALUES (?, 'bieu04', ?, 'bieu04-muong-khoa.xlsx', '', ?, '{}', '2025-01-01')")
      .run(mk.planId, sheet.name, bytes);

    const { findings } = await backend.dispatch('validation.run', { planId: mk.planId });
    // C7 (the grand total) is a formula over C8 too, and its stored result still agrees with it.
    expect(findings.map((f) => [f.rule, f.table, f.cell, f.expected, f.actual])).toEqual([['template.formula', 'bieu04-muong-khoa.xlsx', `${sheet.name}!C8`, 23756, 24056]]);
    expect(findings[0]?.message).toBe(`${sheet.name}!C8: giá trị lưu 24.056 khác kết quả công thức =C9+C10 = 23.756`);
  });
});

describe('ntm validate', () => {
  function capture() {
    const out: string[] = [];
    const err: string[] = [];
    return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
  }

  it('prints the findings as JSON and exits 1, then 0 once the document is right', async () => {
    const opened = await openTestBackend();
    backend = opened.backend;
    const mk = await enterMuongKhoa(backend);
    await backend.close();
    backend = null;
    const env = { NTM_DATA_DIR: opened.dataDir };

    const failing = capture();
    expect(await runCli(['validate', '--db', opened.documentPath, '--json'], failing.io, env)).toBe(1);
    const report = JSON.parse(failing.out.join('')) as { findings: Record<string, unknown>[] };
    expect(report.findings).toHaveLength(2);
    expect(report.findings[1]).toEqual({
      severity: 'error',
      rule: 'resources.parentSum',
      table: 'Nguồn lực',
      row: 'Vốn lồng ghép',
      column: 'Số vốn',
      cell: null,
      expected: 2556,
      actual: 2256,
      message: 'Vốn lồng ghép: 2.256 ≠ 602 + 1.954 = 2.556',
    });

    const text = capture();
    expect(await runCli(['validate', '--db', opened.documentPath, '--plan', String(mk.planId)], text.io, env)).toBe(1);
    expect(text.out.join('\n')).toContain('Vốn lồng ghép: 2.256 ≠ 602 + 1.954 = 2.556');
    expect(text.out.join('\n')).toContain('2 lỗi, 0 cảnh báo. / 2 errors, 0 warnings.');

    backend = await Backend.start({ dataDir: opened.dataDir, documentPath: opened.documentPath, backupIntervalMs: 0 });
    await backend.dispatch('edits.apply', { label: 'Sửa', changes: [{ op: 'set', table: 'resource_amount', key: [mk.planId, 2025, mk.source('integrated')], field: 'amount', value: 2556 }] });
    await backend.close();
    backend = null;
    const bad = capture();
    expect(await runCli(['validate', '--db', opened.documentPath, '--plan', 'abc'], bad.io, env)).toBe(64);
    expect(bad.err.join('\n')).toContain('ntm validate [--db FILE] [--plan ID] [--json]');

    const fixed = capture();
    expect(await runCli(['validate', '--db', opened.documentPath, '--json'], fixed.io, env)).toBe(0);
    expect(JSON.parse(fixed.out.join(''))).toEqual({ findings: [] });
  });
});
