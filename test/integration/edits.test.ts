import { afterEach, describe, expect, it } from 'vitest';
import type { Change } from '../../shared/api/edits';
import { Backend } from '../../electron/backend/backend';
import { applyChanges } from '../../electron/backend/edits/apply';
import type { InsertRun } from '../../electron/backend/edits/step-record';
import { registerEditableTable } from '../../electron/backend/edits/registry';
import { AppError } from '../../electron/backend/errors';
import { openTestBackend } from '../helpers/backend';

const open: Backend[] = [];
afterEach(async () => {
  for (const b of open.splice(0)) await b.close();
});

async function setup() {
  const t = await openTestBackend();
  open.push(t.backend);
  const commune = await t.backend.dispatch('units.create', { kind: 'commune', name: 'Bản Bo' });
  const sets = await t.backend.dispatch('criteria.sets', {});
  const set = sets.find((s) => s.id === 'xa-ntm-2021-2025')!;
  const markKey = (criterionNo: number) => [commune.id, set.criteria[criterionNo - 1]!.id, 2024, 'actual'];
  const mark = (criterionNo: number, met: boolean): Change => ({ op: 'set', table: 'criterion_mark', key: markKey(criterionNo), field: 'met', value: met });
  const marks = () =>
    t.backend.document!.db.prepare("SELECT criterion_id, met, met_year FROM criterion_mark WHERE unit_id = ? AND kind = 'actual' ORDER BY criterion_id").all(commune.id) as {
      criterion_id: number;
      met: number;
      met_year: number | null;
    }[];
  const steps = () => (t.backend.document!.db.prepare('SELECT count(*) AS n FROM undo_step').get() as { n: number }).n;
  return { ...t, commune, set, markKey, mark, marks, steps };
}

async function expectAppError(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
}

describe('undoable edits', () => {
  it('applies a paste as one step, undoes and redoes it, and keeps the history across a restart', async () => {
    const t = await setup();
    const paste = [1, 2, 3, 4, 5].map((no) => t.mark(no, true));
    const applied = await t.backend.dispatch('edits.apply', { label: 'Dán 5 ô', changes: paste });
    expect(applied).toMatchObject({ canUndo: true, canRedo: false });
    expect(applied.stepId).toBeGreaterThan(0);
    expect(t.marks().map((m) => m.met)).toEqual([1, 1, 1, 1, 1]);
    expect(t.steps()).toBe(1);

    await t.backend.dispatch('edits.apply', { label: 'Sửa ô', changes: [t.mark(2, false)] });
    expect(t.marks().map((m) => m.met)).toEqual([1, 0, 1, 1, 1]);

    const undone = await t.backend.dispatch('edits.undo', {});
    expect(undone.changes).toEqual([t.mark(2, true)]);
    expect(t.marks().map((m) => m.met)).toEqual([1, 1, 1, 1, 1]);
    expect(await t.backend.dispatch('edits.state', {})).toEqual({ canUndo: true, canRedo: true, undoLabel: 'Dán 5 ô', redoLabel: 'Sửa ô' });

    // Restart: the history is in the document.
    await t.backend.close();
    open.splice(0);
    const reopened = await Backend.start({ dataDir: t.dataDir, documentPath: t.documentPath, backupIntervalMs: 0 });
    open.push(reopened);
    const db = reopened.document!.db;
    expect(await reopened.dispatch('edits.state', {})).toEqual({ canUndo: true, canRedo: true, undoLabel: 'Dán 5 ô', redoLabel: 'Sửa ô' });
    const undoPaste = await reopened.dispatch('edits.undo', {});
    expect(undoPaste.changes).toHaveLength(5);
    expect(undoPaste.changes.every((c) => c.op === 'delete')).toBe(true);
    expect((db.prepare('SELECT count(*) AS n FROM criterion_mark').get() as { n: number }).n).toBe(0);
    expect(await reopened.dispatch('edits.undo', {})).toEqual({ changes: [], canUndo: false, canRedo: true, findings: [] });

    await reopened.dispatch('edits.redo', {});
    await reopened.dispatch('edits.redo', {});
    const rows = db.prepare('SELECT met FROM criterion_mark ORDER BY criterion_id').all() as { met: number }[];
    expect(rows.map((r) => r.met)).toEqual([1, 0, 1, 1, 1]);
    expect(await reopened.dispatch('edits.state', {})).toMatchObject({ canUndo: true, canRedo: false });
  });

  it('drops the redo tail when a new edit is made, and records nothing for an edit that changes nothing', async () => {
    const t = await setup();
    await t.backend.dispatch('edits.apply', { label: 'a', changes: [t.mark(1, true)] });
    await t.backend.dispatch('edits.apply', { label: 'b', changes: [t.mark(2, true)] });
    await t.backend.dispatch('edits.undo', {});
    await t.backend.dispatch('edits.apply', { label: 'c', changes: [t.mark(3, true)] });
    expect(await t.backend.dispatch('edits.state', {})).toEqual({ canUndo: true, canRedo: false, undoLabel: 'c', redoLabel: null });
    expect(t.steps()).toBe(2);

    const same = await t.backend.dispatch('edits.apply', { label: 'again', changes: [t.mark(3, true)] });
    expect(same.stepId).toBe(0);
    expect(t.steps()).toBe(2);
  });

  it('creates a row on a set with the registry defaults, and a delete is undone with the whole row back', async () => {
    const t = await setup();
    const key = t.markKey(7);
    await t.backend.dispatch('edits.apply', { label: 'năm đạt', changes: [{ op: 'set', table: 'criterion_mark', key, field: 'met_year', value: 2023 }] });
    expect(t.marks()).toEqual([{ criterion_id: key[1], met: 0, met_year: 2023 }]);
    await t.backend.dispatch('edits.apply', { label: 'đạt', changes: [{ op: 'set', table: 'criterion_mark', key, field: 'met', value: true }] });
    await t.backend.dispatch('edits.apply', { label: 'xóa', changes: [{ op: 'delete', table: 'criterion_mark', key }] });
    expect(t.marks()).toEqual([]);
    await t.backend.dispatch('edits.undo', {});
    expect(t.marks()).toEqual([{ criterion_id: key[1], met: 1, met_year: 2023 }]);
  });

  it('refuses bad changes with a clear error and changes nothing', async () => {
    const t = await setup();
    const good = t.mark(1, true);
    const cases: [Change, string][] = [
      [{ op: 'set', table: 'undo_step', key: [1], field: 'label', value: 'x' }, 'edits.unknownTable'],
      [{ op: 'set', table: 'criterion_mark', key: [t.commune.id, t.set.criteria[0]!.id, 2024, 'actual'], field: 'unit_id', value: 3 }, 'edits.unknownField'],
      [{ op: 'set', table: 'criterion_mark', key: [t.commune.id, t.set.criteria[0]!.id, 2024, 'actual'], field: 'met', value: 'x' }, 'edits.badValue'],
      [{ op: 'set', table: 'criterion_mark', key: [t.commune.id, t.set.criteria[0]!.id, 2024], field: 'met', value: true }, 'edits.badKey'],
      [{ op: 'set', table: 'criterion_mark', key: ['1', t.set.criteria[0]!.id, 2024, 'actual'], field: 'met', value: true }, 'edits.badKey'],
      [{ op: 'set', table: 'criterion_mark', key: [9999, t.set.criteria[0]!.id, 2024, 'actual'], field: 'met', value: true }, 'edits.badReference'],
      [{ op: 'set', table: 'unit_status', key: [t.commune.id, 2024, 'actual'], field: 'level', value: 'gold' }, 'edits.badValue'],
      [{ op: 'delete', table: 'criterion_mark', key: [t.commune.id, t.set.criteria[5]!.id, 2024, 'actual'] }, 'edits.rowMissing'],
    ];
    for (const [bad, code] of cases) await expectAppError(t.backend.dispatch('edits.apply', { label: 'x', changes: [good, bad] }), code);
    expect(t.marks()).toEqual([]);
    expect(t.steps()).toBe(0);
    await expectAppError(t.backend.dispatch('edits.apply', { label: 'x', changes: [] }), 'error.badRequest');
  });

  it('gives an inserted row its id, so undo deletes it and redo puts it back under the same id', async () => {
    const t = await setup();
    const db = t.backend.document!.db;
    db.exec('CREATE TABLE scratch_item (id INTEGER PRIMARY KEY, label TEXT NOT NULL)');
    registerEditableTable({ name: 'scratch_item', keyColumns: ['id'], columns: { label: { type: 'text', nullable: false } } });
    const { stepId } = db.transaction(() => applyChanges(db, 'thêm', [{ op: 'insert', table: 'scratch_item', row: { label: 'Đường trục xã' } }]))();
    expect(stepId).toBeGreaterThan(0);
    const id = (db.prepare('SELECT id FROM scratch_item').get() as { id: number }).id;
    const recorded = JSON.parse((db.prepare('SELECT forward FROM undo_step WHERE id = ?').get(stepId) as { forward: string }).forward) as Change[];
    expect(recorded).toEqual([{ op: 'insert', table: 'scratch_item', row: { label: 'Đường trục xã', id } }]);
    await t.backend.dispatch('edits.undo', {});
    expect(db.prepare('SELECT * FROM scratch_item').all()).toEqual([]);
    await t.backend.dispatch('edits.redo', {});
    expect(db.prepare('SELECT * FROM scratch_item').all()).toEqual([{ id, label: 'Đường trục xã' }]);
  });

  it('applies a run of inserts held column by column as one recorded element, and undoes and redoes it', async () => {
    const t = await setup();
    const db = t.backend.document!.db;
    const ids = t.set.criteria.map((c) => c.id);
    const run: InsertRun = {
      op: 'inserts',
      table: 'criterion_mark',
      count: ids.length,
      columns: ['unit_id', 'criterion_id', 'year', 'kind', 'met'],
      values: [{ all: t.commune.id }, ids, { all: 2024 }, { all: 'actual' }, ids.map((_id, i) => i % 2 === 0)],
    };
    const { stepId } = applyChanges(db, 'Nhập biểu', [run, t.mark(1, false)]);
    expect(t.marks().map((m) => m.met)).toEqual(ids.map((_id, i) => (i === 0 ? 0 : i % 2 === 0 ? 1 : 0)));
    const recorded = JSON.parse((db.prepare('SELECT forward, inverse FROM undo_step WHERE id = ?').get(stepId) as { forward: string }).forward) as unknown[];
    expect(recorded).toEqual([run, t.mark(1, false)]);

    const undone = await t.backend.dispatch('edits.undo', {});
    expect(undone.changes).toHaveLength(1 + ids.length);
    expect(t.marks()).toEqual([]);
    await t.backend.dispatch('edits.redo', {});
    expect(t.marks()).toHaveLength(ids.length);
    expect(t.marks()[0]?.met).toBe(0);
  });

  it('refuses a bad run as its inserts would be refused, and changes nothing', async () => {
    const t = await setup();
    const db = t.backend.document!.db;
    const criterion = t.set.criteria[0]!.id;
    const run = (columns: string[], values: InsertRun['values'], count = 2): InsertRun => ({ op: 'inserts', table: 'criterion_mark', count, columns, values });
    const key = ['unit_id', 'criterion_id', 'year', 'kind'];
    const keyValues: InsertRun['values'] = [{ all: t.commune.id }, [criterion, t.set.criteria[1]!.id], { all: 2024 }, { all: 'actual' }];
    const cases: [InsertRun, string][] = [
      [{ ...run([...key, 'met'], [...keyValues, { all: true }]), table: 'undo_step' }, 'edits.unknownTable'],
      [run([...key, 'met', 'colour'], [...keyValues, { all: true }, { all: 'red' }]), 'edits.unknownField'],
      [run([...key, 'met'], [...keyValues, [true, 'x']]), 'edits.badValue'],
      [run(['unit_id', 'criterion_id', 'year', 'met'], [{ all: t.commune.id }, [criterion, criterion + 1], { all: 2024 }, { all: true }]), 'edits.badKey'],
      [run([...key, 'met'], [...keyValues, [true]]), 'edits.badKey'],
      [run([...key, 'met'], [{ all: 9999 }, ...keyValues.slice(1), { all: true }]), 'edits.badReference'],
      [run([...key, 'met'], [{ all: t.commune.id }, { all: criterion }, { all: 2024 }, { all: 'actual' }, { all: true }]), 'edits.rowExists'],
    ];
    for (const [bad, code] of cases) {
      const error = (() => {
        try {
          db.transaction(() => applyChanges(db, 'x', [t.mark(3, true), bad]))();
          return null;
        } catch (e) {
          return e;
        }
      })();
      expect(error, code).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe(code);
    }
    expect(t.marks()).toEqual([]);
    expect(t.steps()).toBe(0);
  });

  it('stores a run’s constant text as given, quotes and all', async () => {
    const t = await setup();
    const db = t.backend.document!.db;
    db.exec('CREATE TABLE scratch_label (id INTEGER PRIMARY KEY, label TEXT NOT NULL, amount REAL)');
    registerEditableTable({ name: 'scratch_label', keyColumns: ['id'], columns: { label: { type: 'text', nullable: false }, amount: { type: 'real', nullable: true } } });
    const labels = ["Đường 'trục' xã", 'nul\0byte', 'x'.repeat(500)];
    labels.forEach((label, i) => {
      const ids = Array.from({ length: 3 }, (_, k) => i * 10 + k + 1);
      applyChanges(db, 'thêm', [{ op: 'inserts', table: 'scratch_label', count: 3, columns: ['id', 'label', 'amount'], values: [ids, { all: label }, { all: 0.1 + i }] }]);
    });
    const rows = db.prepare('SELECT id, label, amount FROM scratch_label ORDER BY id').all() as { id: number; label: string; amount: number }[];
    expect(rows.map((r) => [r.label, r.amount])).toEqual(labels.flatMap((label, i) => [0, 1, 2].map(() => [label, 0.1 + i])));
  });

  it('refuses a run repeating a key SQLite itself does not keep unique', async () => {
    const t = await setup();
    const db = t.backend.document!.db;
    db.exec('CREATE TABLE scratch_loose (code TEXT NOT NULL, label TEXT)');
    registerEditableTable({ name: 'scratch_loose', keyColumns: ['code'], columns: { label: { type: 'text', nullable: true } } });
    const run = (codes: string[]): InsertRun => ({ op: 'inserts', table: 'scratch_loose', count: codes.length, columns: ['code', 'label'], values: [codes, { all: null }] });
    applyChanges(db, 'thêm', [run(['a', 'b'])]);
    for (const codes of [['c', 'd', 'c'], ['e', 'a']]) {
      expect(() => applyChanges(db, 'thêm', [run(codes)])).toThrow(expect.objectContaining({ code: 'edits.rowExists' }));
    }
    expect(db.prepare('SELECT code FROM scratch_loose ORDER BY code').all()).toEqual([{ code: 'a' }, { code: 'b' }]);
  });
});
