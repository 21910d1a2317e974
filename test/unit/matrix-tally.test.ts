import { describe, expect, it } from 'vitest';
import { criterionFromIndicators, indicatorMet, parseThreshold } from '../../shared/domain/indicators';
import { MatrixTally, bucketCounts, matrixFigures, type MarkLike } from '../../shared/domain/matrix';

const criteria = Array.from({ length: 19 }, (_, i) => ({ id: 100 + i, no: i + 1 }));
const buckets = [
  { label: '19', min: 19, max: 19 },
  { label: '15-18', min: 15, max: 18 },
  { label: '10-14', min: 10, max: 14 },
  { label: '5-9', min: 5, max: 9 },
  { label: 'Dưới 5', min: 0, max: 4 },
];

describe('matrix figures', () => {
  it('keeps the same figures mark by mark as a full recount, through sets, changes and removals', () => {
    const units = Array.from({ length: 40 }, (_, i) => i + 1);
    const tally = new MatrixTally(criteria, units);
    const marks = new Map<string, MarkLike>();
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let step = 0; step < 3000; step++) {
      const unitId = 1 + (next() % 40);
      const criterionId = 100 + (next() % 19);
      const roll = next() % 10;
      const met = roll === 0 ? null : roll < 7;
      tally.set(unitId, criterionId, met);
      if (met === null) marks.delete(`${unitId}:${criterionId}`);
      else marks.set(`${unitId}:${criterionId}`, { unitId, criterionId, met });
      if (step % 250 === 0 || step === 2999) {
        const full = matrixFigures(criteria, marks.values());
        const quick = tally.figures();
        expect(quick).toEqual(full);
        expect(bucketCounts(quick.perCommune, buckets)).toEqual(bucketCounts(full.perCommune, buckets));
      }
    }
  });

  it('computes the example form: 12 communes, 216 met, average 18, 9 fully met', () => {
    const missing: Record<number, number[]> = { 10: [10, 11, 13, 17], 11: [2, 9, 10, 11, 17], 12: [11, 13, 17] };
    const tally = new MatrixTally(criteria, Array.from({ length: 12 }, (_, i) => i + 1));
    for (let unit = 1; unit <= 12; unit++) for (const c of criteria) tally.set(unit, c.id, !(missing[unit] ?? []).includes(c.no));
    const f = tally.figures();
    expect([f.communes, f.met, f.average, f.fullyMet, f.perCriterion['11']]).toEqual([12, 216, 18, 9, 9]);
    expect(bucketCounts(f.perCommune, buckets).map((b) => b.communes)).toEqual([9, 2, 1, 0, 0]);
  });

  it('names what the plan adds to or drops from the status', () => {
    const status = new MatrixTally(criteria, [1, 2]);
    const plan = new MatrixTally(criteria, [1, 2]);
    status.set(1, 100, true);
    status.set(1, 101, false);
    plan.set(1, 100, false);
    plan.set(1, 101, true);
    plan.set(2, 100, true);
    // Unchanged, and marks outside the grid, are no difference.
    status.set(2, 105, true);
    plan.set(2, 105, true);
    plan.set(3, 100, true);
    plan.set(2, 999, true);
    const diff = status.differences(plan);
    expect([...diff]).toEqual([
      ['1:100', 'loss'],
      ['1:101', 'gain'],
      ['2:100', 'gain'],
    ]);
  });
});

describe('indicators', () => {
  const boolean = { id: 1, kind: 'boolean' as const, threshold: null };
  const income = { id: 2, kind: 'number' as const, threshold: '≥ 54 triệu đồng/người/năm' };
  const poverty = { id: 3, kind: 'percent' as const, threshold: '≤ 11%' };

  it('reads thresholds and decides each indicator', () => {
    expect(parseThreshold('≥ 60%')).toEqual({ op: '>=', bound: 60 });
    expect(parseThreshold('<= 11,5 %')).toEqual({ op: '<=', bound: 11.5 });
    expect(parseThreshold('Đạt')).toBeNull();
    expect([indicatorMet(boolean, 1), indicatorMet(boolean, 0), indicatorMet(boolean, null)]).toEqual([true, false, null]);
    expect([indicatorMet(income, 54), indicatorMet(income, 53.9), indicatorMet(poverty, 11), indicatorMet(poverty, 11.2)]).toEqual([true, false, true, false]);
    expect(indicatorMet({ kind: 'percent', threshold: null }, 80)).toBeNull();
  });

  it('meets a criterion when all its indicators are met, fails it when one is not, and cannot tell otherwise', () => {
    const all = [boolean, income, poverty];
    expect(criterionFromIndicators(all, (id) => ({ 1: 1, 2: 60, 3: 5 })[id])).toBe(true);
    expect(criterionFromIndicators(all, (id) => ({ 1: 1, 2: 40, 3: null })[id])).toBe(false);
    expect(criterionFromIndicators(all, (id) => ({ 1: 1, 2: 60 })[id])).toBeNull();
    expect(criterionFromIndicators([], () => 1)).toBeNull();
  });
});
