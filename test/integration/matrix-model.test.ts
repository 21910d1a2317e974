// The renderer's matrix model, fed the acknowledged changes of edits, undo and redo, stays equal to a
// model loaded afresh from the document: rows, figures and plan differences.
import { describe, expect, it } from 'vitest';
import type { Change } from '../../shared/api/edits';
import { MatrixModel } from '../../renderer/views/matrix/matrix-model';
import type { Backend } from '../../electron/backend/backend';
import { openTestBackend } from '../helpers/backend';
import { seedExample } from '../helpers/example-bieu01';

const load = async (backend: Backend, planId: number) => new MatrixModel(await backend.dispatch('matrix.open', { planId }));

function expectSame(kept: MatrixModel, fresh: MatrixModel): void {
  expect(kept.rows()).toEqual(fresh.rows());
  for (const side of ['actual', 'plan'] as const) expect(kept.figures(side)).toEqual(fresh.figures(side));
  expect([...kept.differences()].sort()).toEqual([...fresh.differences()].sort());
}

describe('matrix model', () => {
  it('shows the example form: 216 met, average 18,0, criterion 11 met by 9 communes, 9 fully met', async () => {
    const { backend } = await openTestBackend();
    const { planId } = await seedExample(backend);
    const model = await load(backend, planId);
    const f = model.figures('actual');
    expect([f.communes, f.met, f.average, f.perCriterion['11'], f.fullyMet]).toEqual([12, 216, 18, 9, 9]);
    expect(f.buckets.map((b) => b.communes)).toEqual([9, 2, 1, 0, 0]);
    expect(model.rows().map((r) => r.actual.met)).toContain(15);
    expect(model.figures('plan').communes).toBe(0);
    await backend.close();
  });

  it('stays equal to a fresh load through marks, years, statuses, deletions, undo and redo', async () => {
    const { backend } = await openTestBackend();
    const { planId, unitIds, criterionIds } = await seedExample(backend);
    const model = await load(backend, planId);
    const naTam = unitIds.get('Nà Tăm')!;
    const other = unitIds.get('Bình Lư')!;
    const edits: Change[][] = [
      // The plan: Nà Tăm reaches everything, one criterion with the year it is met.
      criterionIds.map((id): Change => ({ op: 'set', table: 'criterion_mark', key: [naTam, id, 2025, 'plan'], field: 'met', value: true })),
      [{ op: 'set', table: 'criterion_mark', key: [naTam, criterionIds[2]!, 2025, 'plan'], field: 'met_year', value: 2025 }],
      // A year on a cell with no mark yet makes a mark that is not met.
      [{ op: 'set', table: 'criterion_mark', key: [other, criterionIds[0]!, 2025, 'plan'], field: 'met_year', value: 2024 }],
      // The status loses a criterion and another commune's mark is removed.
      [{ op: 'set', table: 'criterion_mark', key: [other, criterionIds[1]!, 2024, 'actual'], field: 'met', value: false }],
      [{ op: 'delete', table: 'criterion_mark', key: [other, criterionIds[3]!, 2024, 'actual'] }],
      [{ op: 'set', table: 'unit_status', key: [naTam, 2025, 'plan'], field: 'level', value: 'ntm' }],
      [{ op: 'set', table: 'unit_status', key: [naTam, 2025, 'plan'], field: 'planned_count', value: 19 }],
      // Another year is no part of this plan's matrix.
      [{ op: 'set', table: 'criterion_mark', key: [naTam, criterionIds[0]!, 2023, 'actual'], field: 'met', value: false }],
    ];
    for (const changes of edits) {
      await backend.dispatch('edits.apply', { label: 'Sửa', changes });
      model.apply(changes);
      expectSame(model, await load(backend, planId));
    }
    expect(model.differences().get(`${naTam}:${criterionIds[2]}`)).toBeUndefined();
    expect([...model.differences().values()].filter((d) => d === 'gain').length).toBeGreaterThan(0);
    expect(model.rows().find((r) => r.unitId === naTam)!.plan.marks[criterionIds[2]!]).toEqual({ met: true, metYear: 2025 });
    for (const step of ['edits.undo', 'edits.undo', 'edits.undo', 'edits.redo'] as const) {
      model.apply((await backend.dispatch(step, {})).changes);
      expectSame(model, await load(backend, planId));
    }
    await backend.close();
  });
});
