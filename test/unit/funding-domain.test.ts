import { describe, expect, it } from 'vitest';
import {
  AmountGrid,
  fromRoman,
  moveAmongSiblings,
  nextChildCode,
  projectSections,
  resourceLines,
  sourceTree,
  sumAmounts,
  toRoman,
  type ProjectLike,
  type SourceLike,
} from '../../shared/domain/funding';

// total ─ I (1, 2) ─ II (1, 2) ─ III
const sources: SourceLike[] = [
  { id: 1, parentId: null, code: '', label: 'Tổng', role: 'total', ord: 1 },
  { id: 2, parentId: 1, code: 'I', label: 'Trung ương', role: 'central', ord: 1 },
  { id: 3, parentId: 2, code: '1', label: 'Đầu tư', role: 'central_investment', ord: 1 },
  { id: 4, parentId: 2, code: '2', label: 'Sự nghiệp', role: 'central_recurrent', ord: 2 },
  { id: 5, parentId: 1, code: 'II', label: 'Địa phương', role: 'local', ord: 2 },
  { id: 6, parentId: 5, code: '1', label: 'Tỉnh', role: 'local_province', ord: 1 },
  { id: 7, parentId: 5, code: '2', label: 'Huyện', role: 'local_district', ord: 2 },
  { id: 8, parentId: 1, code: 'III', label: 'Lồng ghép', role: 'integrated', ord: 3 },
];
const entry = (sourceId: number, amount: number | null, investment: number | null = null, typedTotal: number | null = null) => ({ sourceId, amount, investment, typedTotal, note: '' });

describe('the source tree', () => {
  it('orders depth first with path codes that are unique', () => {
    const tree = sourceTree([...sources].reverse());
    expect(tree.map((n) => [n.path, n.depth])).toEqual([
      ['', 0],
      ['I', 1],
      ['I.1', 2],
      ['I.2', 2],
      ['II', 1],
      ['II.1', 2],
      ['II.2', 2],
      ['III', 1],
    ]);
  });

  it('numbers a new child: Roman under the total, Arabic below', () => {
    const tree = sourceTree(sources);
    expect(nextChildCode(tree, 1)).toBe('IV');
    expect(nextChildCode(tree, 2)).toBe('3');
    expect(nextChildCode(tree, 8)).toBe('1');
    expect([toRoman(4), toRoman(9), toRoman(14), fromRoman('xiv'), fromRoman('abc')]).toEqual(['IV', 'IX', 'XIV', 14, null]);
  });

  it('moves a source among its siblings, the numbering staying in order', () => {
    const tree = sourceTree(sources);
    // III goes above II: the two swap places and codes; I is untouched.
    expect(moveAmongSiblings(tree, 8, -1)).toEqual([
      { id: 8, ord: 2, code: 'II' },
      { id: 5, ord: 3, code: 'III' },
    ]);
    const moved = sourceTree(sources.map((s) => ({ ...s, ...moveAmongSiblings(tree, 8, -1).find((m) => m.id === s.id) })));
    expect(moved.map((n) => `${n.path} ${n.source.label}`)).toEqual([' Tổng', 'I Trung ương', 'I.1 Đầu tư', 'I.2 Sự nghiệp', 'II Lồng ghép', 'III Địa phương', 'III.1 Tỉnh', 'III.2 Huyện']);
    expect(moveAmongSiblings(tree, 3, 1)).toEqual([
      { id: 4, ord: 1, code: '1' },
      { id: 3, ord: 2, code: '2' },
    ]);
    // Nothing above the first, below the last, or beside the root.
    expect([moveAmongSiblings(tree, 2, -1), moveAmongSiblings(tree, 8, 1), moveAmongSiblings(tree, 1, 1)]).toEqual([[], [], []]);
    // Siblings with equal ords are numbered afresh.
    const tied = sourceTree(sources.map((s) => (s.parentId === 5 ? { ...s, ord: 0 } : s)));
    expect(moveAmongSiblings(tied, 7, -1)).toEqual([
      { id: 7, ord: 1, code: '1' },
      { id: 6, ord: 2, code: '2' },
    ]);
  });
});

describe('resources', () => {
  it('computes parents from their parts and keeps an undivided parent\'s own figure', () => {
    const lines = resourceLines(sourceTree(sources), [entry(3, 19783, 19783), entry(4, 3973), entry(5, 74135, 39767), entry(8, 0)]);
    const at = (id: number) => lines.find((l) => l.source.id === id)!;
    expect([at(2).amount, at(2).fromParts.amount, at(5).amount, at(5).fromParts.amount, at(1).amount]).toEqual([23756, true, 74135, false, 97891]);
    expect([at(2).investment, at(1).investment, at(8).investment]).toEqual([19783, 59550, null]);
    expect(at(6).amount).toBeNull();
  });

  it('adds decimals and negatives without float noise, and empty stays empty', () => {
    expect(sumAmounts([0.1, 0.2])).toBe(0.3);
    expect(sumAmounts([3973.5, -0.5, null])).toBe(3973);
    expect(sumAmounts([null, undefined])).toBeNull();
  });
});

describe('projects', () => {
  const project = (id: number, sourceId: number, phase: 'continuing' | 'new', planAmount: number | null): ProjectLike => ({
    id,
    sourceId,
    phase,
    totalInvestment: planAmount === null ? null : planAmount * 2,
    allocatedBefore: null,
    planAmount,
    ord: id,
  });

  it('groups by source then phase with counts and subtotals', () => {
    const projects = [project(1, 2, 'new', 100), project(2, 2, 'continuing', 50.5), project(3, 2, 'new', null), project(4, 8, 'new', 7)];
    const sections = projectSections(sourceTree(sources), projects);
    expect(sections.map((s) => [s.node.path, s.totals.count, s.totals.planAmount])).toEqual([
      ['I', 3, 150.5],
      ['III', 1, 7],
    ]);
    expect(sections[0]!.phases.map((p) => [p.phase, p.projects.map((x) => x.id), p.totals.count, p.totals.planAmount, p.totals.allocatedBefore])).toEqual([
      ['continuing', [2], 1, 50.5, null],
      ['new', [1, 3], 2, 100, null],
    ]);
  });
});

describe('AmountGrid', () => {
  const rows = sources.map((s) => ({ id: s.id, parentId: s.parentId }));

  it('keeps parents, row totals and column totals as cells change', () => {
    const grid = new AmountGrid(rows, [
      { rowId: 3, unitId: 100, amount: 10 },
      { rowId: 4, unitId: 100, amount: 5 },
      { rowId: 6, unitId: 200, amount: 7 },
    ]);
    expect([grid.cell(2, 100), grid.cell(1, 100), grid.cell(1, 200), grid.rowTotal(3), grid.columnTotal(100), grid.grandTotal()]).toEqual([15, 15, 7, 10, 15, 22]);
    expect(grid.fromParts(2, 100)).toBe(true);
    expect(grid.fromParts(2, 200)).toBe(false);

    expect(grid.set(3, 100, 12.5)).toEqual([3, 2, 1]);
    expect([grid.cell(2, 100), grid.rowTotal(2), grid.columnTotal(100), grid.grandTotal()]).toEqual([17.5, 17.5, 17.5, 24.5]);

    // A parent with no parts shows its own entry; once a part is filled, the parts win.
    grid.set(8, 200, 3);
    expect(grid.cell(1, 200)).toBe(10);
    grid.set(5, 300, 40);
    expect(grid.cell(5, 300)).toBe(40);
    grid.set(7, 300, -2);
    expect([grid.cell(5, 300), grid.entry(5, 300), grid.columnTotal(300)]).toEqual([-2, 40, -2]);

    // Clearing every cell of a row empties its total instead of showing 0.
    grid.set(6, 200, null);
    expect([grid.rowTotal(6), grid.cell(5, 200), grid.cell(1, 200)]).toEqual([null, null, 3]);
    grid.set(3, 100, 0);
    expect(grid.rowTotal(3)).toBe(0);
  });
});
