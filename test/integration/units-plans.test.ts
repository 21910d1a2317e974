import { describe, expect, it } from 'vitest';
import { AppError } from '../../electron/backend/errors';
import { openTestBackend } from '../helpers/backend';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('administrative units', () => {
  it('creates, renames and lists communes and villages in order', async () => {
    const { backend } = await openTestBackend();
    const district = await backend.dispatch('units.create', { kind: 'district', name: 'Tam Đường' });
    const banBo = await backend.dispatch('units.create', { kind: 'commune', name: '  Bản Bo ', parentId: district.id });
    const giangMa = await backend.dispatch('units.create', { kind: 'commune', name: 'Giang Ma', parentId: district.id });
    await backend.dispatch('units.create', { kind: 'village', name: 'Bản Hon', parentId: banBo.id });
    expect(banBo.name).toBe('Bản Bo');
    await backend.dispatch('units.rename', { id: giangMa.id, name: 'Giang Mà' });
    const communes = await backend.dispatch('units.list', { kind: 'commune' });
    expect(communes.map((c) => c.name)).toEqual(['Bản Bo', 'Giang Mà']);
    expect((await backend.dispatch('units.list', { kind: 'village' }))[0]).toMatchObject({ name: 'Bản Hon', parentId: banBo.id });
    await backend.close();
  });

  it('stores names in NFC whatever the input normalisation', async () => {
    const { backend } = await openTestBackend();
    const unit = await backend.dispatch('units.create', { kind: 'commune', name: 'Nà Tăm'.normalize('NFD') });
    expect(unit.name).toBe('Nà Tăm'.normalize('NFC'));
    await backend.close();
  });

  it('refuses a village without a commune and an empty name, changing nothing', async () => {
    const { backend } = await openTestBackend();
    expect(await codeOf(backend.dispatch('units.create', { kind: 'village', name: 'Bản A' }))).toBe('error.badParent');
    expect(await codeOf(backend.dispatch('units.create', { kind: 'commune', name: '   ' }))).toBe('error.badRequest');
    expect(await backend.dispatch('units.list', {})).toEqual([]);
    await backend.close();
  });

  it('guards deletion while data or villages depend on a commune', async () => {
    const { backend } = await openTestBackend();
    const commune = await backend.dispatch('units.create', { kind: 'commune', name: 'Sơn Bình' });
    const village = await backend.dispatch('units.create', { kind: 'village', name: 'Bản Lầy', parentId: commune.id });
    expect(await codeOf(backend.dispatch('units.delete', { id: commune.id }))).toBe('error.unitHasChildren');
    await backend.dispatch('units.delete', { id: village.id });
    const sets = await backend.dispatch('criteria.sets', {});
    const criterion = sets[0]!.criteria[0]!;
    backend.document!.db.prepare("INSERT INTO criterion_mark (unit_id, criterion_id, year, kind, met) VALUES (?, ?, 2024, 'actual', 1)").run(commune.id, criterion.id);
    const error = await backend.dispatch('units.delete', { id: commune.id }).catch((e: AppError) => e);
    expect((error as AppError).code).toBe('error.unitHasData');
    expect((error as AppError).message).toContain('Sơn Bình');
    expect(await backend.dispatch('units.list', { kind: 'commune' })).toHaveLength(1);
    await backend.close();
  });

  it('merges communes into a new one, keeping the old ones and their history reachable', async () => {
    const { backend } = await openTestBackend();
    const a = await backend.dispatch('units.create', { kind: 'commune', name: 'Bình Lư' });
    const b = await backend.dispatch('units.create', { kind: 'commune', name: 'Bản Hon' });
    const c = await backend.dispatch('units.create', { kind: 'commune', name: 'Khun Há' });
    const village = await backend.dispatch('units.create', { kind: 'village', name: 'Bản Lướt', parentId: b.id });
    const sets = await backend.dispatch('criteria.sets', {});
    backend.document!.db.prepare("INSERT INTO criterion_mark (unit_id, criterion_id, year, kind, met) VALUES (?, ?, 2024, 'actual', 1)").run(a.id, sets[0]!.criteria[0]!.id);

    const merged = await backend.dispatch('units.merge', { ids: [a.id, b.id], name: 'Bình Lư' });
    const current = await backend.dispatch('units.list', { kind: 'commune' });
    expect(current.map((u) => u.id).sort()).toEqual([merged.id, c.id].sort());
    expect((await backend.dispatch('units.history', { id: merged.id })).map((u) => u.id).sort()).toEqual([a.id, b.id].sort());
    const all = await backend.dispatch('units.list', { kind: 'commune', includeMerged: true });
    expect(all.find((u) => u.id === a.id)?.mergedIntoId).toBe(merged.id);
    expect((await backend.dispatch('units.list', { kind: 'village' })).find((v) => v.id === village.id)?.parentId).toBe(merged.id);
    const marks = backend.document!.db.prepare('SELECT count(*) FROM criterion_mark WHERE unit_id = ?').pluck().get(a.id);
    expect(marks).toBe(1);
    expect(await codeOf(backend.dispatch('units.merge', { ids: [merged.id, a.id], name: 'X' }))).toBe('error.mergeKind');
    await backend.close();
  });
});

describe('criteria sets and plans', () => {
  it('ships the 2021-2025 set (19 criteria, 5 groups) and the 2026-2030 set (10 criteria)', async () => {
    const { backend } = await openTestBackend();
    const sets = await backend.dispatch('criteria.sets', {});
    const old = sets.find((s) => s.period === '2021-2025')!;
    const next = sets.find((s) => s.period === '2026-2030')!;
    expect(old.criteria).toHaveLength(19);
    expect(old.groups.map((g) => g.name)).toEqual(['Quy hoạch', 'Hạ tầng kinh tế - xã hội', 'Kinh tế và tổ chức sản xuất', 'Văn hóa - xã hội - môi trường', 'Hệ thống chính trị']);
    expect(old.criteria.find((c) => c.no === 17)!.indicators.length).toBeGreaterThan(5);
    expect(old.criteria.flatMap((c) => c.indicators).some((i) => i.unconfirmed)).toBe(true);
    expect(next.criteria).toHaveLength(10);
    expect(next.buckets.map((b) => b.label)).toEqual(['10', '5-9', 'Dưới 5']);
    await backend.close();
  });

  it('lets the office add, edit and delete indicators', async () => {
    const { backend } = await openTestBackend();
    const sets = await backend.dispatch('criteria.sets', {});
    const criterion = sets.find((s) => s.period === '2026-2030')!.criteria[0]!;
    const added = await backend.dispatch('criteria.saveIndicator', { criterionId: criterion.id, code: '1.1', name: 'Có quy hoạch chung xã', kind: 'boolean' });
    const edited = await backend.dispatch('criteria.saveIndicator', { id: added.id, criterionId: criterion.id, code: '1.1', name: 'Quy hoạch chung xã được duyệt', kind: 'boolean' });
    expect(edited).toMatchObject({ name: 'Quy hoạch chung xã được duyệt', unconfirmed: false });
    await backend.dispatch('criteria.deleteIndicator', { id: added.id });
    const after = await backend.dispatch('criteria.sets', {});
    expect(after.find((s) => s.period === '2026-2030')!.criteria[0]!.indicators).toEqual([]);
    await backend.close();
  });

  it('creates and updates plans for a year or a period, with issuer and document number', async () => {
    const { backend } = await openTestBackend();
    const plan = await backend.dispatch('plans.create', {
      name: 'Kế hoạch năm 2025',
      level: 'district',
      yearStart: 2025,
      yearEnd: 2025,
      criteriaSetId: 'xa-ntm-2021-2025',
      issuer: 'UBND huyện Tam Đường',
      docNumber: '123/KH-UBND',
    });
    const updated = await backend.dispatch('plans.update', { id: plan.id, signer: 'Nguyễn Văn A', docDate: '2025-01-15' });
    expect(updated).toMatchObject({ issuer: 'UBND huyện Tam Đường', docNumber: '123/KH-UBND', signer: 'Nguyễn Văn A', docDate: '2025-01-15' });
    expect(await codeOf(backend.dispatch('plans.create', { name: 'Sai', level: 'district', yearStart: 2025, yearEnd: 2024, criteriaSetId: 'xa-ntm-2021-2025' }))).toBe('error.planYears');
    expect(await codeOf(backend.dispatch('plans.create', { name: 'Sai', level: 'district', yearStart: 2025, yearEnd: 2025, criteriaSetId: 'none' }))).toBe('error.notFound');
    expect(await backend.dispatch('plans.list', {})).toHaveLength(1);
    await backend.close();
  });

  it('rejects unknown methods and malformed arguments at the entry', async () => {
    const { backend } = await openTestBackend();
    expect(await codeOf(backend.dispatch('nope.nothing', {}))).toBe('error.unknownMethod');
    expect(await codeOf(backend.dispatch('units.rename', { id: -1, name: 'x' }))).toBe('error.badRequest');
    expect(await codeOf(backend.dispatch('units.list', { kind: 'commune', extra: 1 }))).toBe('error.badRequest');
    await backend.close();
  });
});
