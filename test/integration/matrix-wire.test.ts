// The grid's wire forms of the matrix ('matrix.open' packed one character a mark, 'matrix.indicators' one
// value a cell) carry exactly what the object forms and the stored rows hold, on a real document.
import { describe, expect, it } from 'vitest';
import type { PackedSide } from '../../shared/api/matrix';
import type { CriterionMark } from '../../shared/model';
import { openTestBackend } from '../helpers/backend';
import { seedExample } from '../helpers/example-bieu01';

/** The marks a packed side stands for, decoded independently of the renderer's model. */
function unpackSide(unitIds: number[], criterionIds: number[], packed: PackedSide): CriterionMark[] {
  const years = new Map(packed.metYears);
  return [...packed.cells].flatMap((cell, index): CriterionMark[] =>
    cell === '.'
      ? []
      : [{ unitId: unitIds[Math.floor(index / criterionIds.length)]!, criterionId: criterionIds[index % criterionIds.length]!, year: packed.year, kind: packed.kind, met: cell === '1', metYear: years.get(index) ?? null }],
  );
}

const byCell = (a: CriterionMark, b: CriterionMark) => a.unitId - b.unitId || a.criterionId - b.criterionId;

describe('matrix wire forms', () => {
  it('matrix.open unpacks to the marks and statuses of matrix.get, years met included', async () => {
    const { backend } = await openTestBackend();
    const { planId, unitIds, criterionIds } = await seedExample(backend);
    const naTam = unitIds.get('Nà Tăm')!;
    await backend.dispatch('edits.apply', {
      label: 'Kế hoạch',
      changes: [
        { op: 'set', table: 'criterion_mark', key: [naTam, criterionIds[3]!, 2025, 'plan'], field: 'met', value: true },
        { op: 'set', table: 'criterion_mark', key: [naTam, criterionIds[3]!, 2025, 'plan'], field: 'met_year', value: 2025 },
        { op: 'set', table: 'criterion_mark', key: [naTam, criterionIds[4]!, 2025, 'plan'], field: 'met', value: false },
        // Another year: in neither side of the 2025 plan.
        { op: 'set', table: 'criterion_mark', key: [naTam, criterionIds[5]!, 2023, 'actual'], field: 'met', value: true },
      ],
    });
    const full = await backend.dispatch('matrix.get', { planId });
    const packed = await backend.dispatch('matrix.open', { planId });
    const ids = packed.communes.map((c) => c.id);
    const criteria = packed.set.criteria.map((c) => c.id);
    expect(packed.communes).toEqual(full.communes);
    for (const side of ['actual', 'planned'] as const) {
      expect(unpackSide(ids, criteria, packed[side]).sort(byCell)).toEqual([...full[side].marks].sort(byCell));
      expect(packed[side].statuses).toEqual(full[side].statuses);
    }
    expect(packed.planned.cells.replaceAll('.', '')).toBe('10');
    expect(packed.planned.metYears).toEqual([[ids.indexOf(naTam) * criteria.length + 3, 2025]]);
    expect(packed.actual.cells.split('').filter((c) => c === '1')).toHaveLength(216);
    await backend.close();
  });

  it('matrix.indicators lays each stored value at its commune and indicator, null elsewhere', async () => {
    const { backend } = await openTestBackend();
    const { planId, unitIds } = await seedExample(backend);
    const empty = await backend.dispatch('matrix.indicators', { planId });
    // Nothing stored: both sides travel empty.
    expect([empty.actual.values, empty.planned.values]).toEqual([[], []]);
    const set = empty.set;
    const indicators = set.criteria.flatMap((c) => c.indicators.map((i) => i.id));
    const naTam = unitIds.get('Nà Tăm')!;
    const other = unitIds.get('Bình Lư')!;
    await backend.dispatch('edits.apply', {
      label: 'Chỉ tiêu',
      changes: [
        { op: 'set', table: 'indicator_value', key: [naTam, indicators[0]!, 2024, 'actual'], field: 'value', value: 1 },
        { op: 'set', table: 'indicator_value', key: [other, indicators[10]!, 2024, 'actual'], field: 'value', value: 87.5 },
        { op: 'set', table: 'indicator_value', key: [other, indicators[10]!, 2025, 'plan'], field: 'value', value: 95 },
      ],
    });
    const { communes, actual, planned } = await backend.dispatch('matrix.indicators', { planId });
    const at = (unitId: number, indicatorId: number) => communes.findIndex((c) => c.id === unitId) * indicators.length + indicators.indexOf(indicatorId);
    expect(actual.values).toHaveLength(Math.max(at(naTam, indicators[0]!), at(other, indicators[10]!)) + 1);
    expect(actual.values[at(naTam, indicators[0]!)]).toBe(1);
    expect(actual.values[at(other, indicators[10]!)]).toBe(87.5);
    expect(actual.values.filter((v) => v !== null)).toHaveLength(2);
    expect(planned).toMatchObject({ year: 2025, kind: 'plan' });
    expect(planned.values.filter((v) => v !== null)).toEqual([95]);
    expect(planned.values[at(other, indicators[10]!)]).toBe(95);
    await backend.close();
  });
});
