// The binding kept with an imported workbook reads back as it was staged, from every stored version.
import { describe, expect, it } from 'vitest';
import { Binding, BoundCells, storedBinding, type StagedBinding } from '../../../electron/backend/forms/binding';
import { parseA1 } from '../../../electron/backend/export/a1';

const binding: Binding = {
  version: 1,
  form: 'bieu01',
  sheet: 'Bieu 01',
  sheetPart: 'xl/worksheets/sheet1.xml',
  year: 2024,
  planId: null,
  cells: [
    { cell: 'C6', target: { table: 'criterion_mark', key: [1, 5, 2024, 'actual'], field: 'met' }, kind: 'mark', markText: 'x' },
    { cell: 'D6', target: { table: 'criterion_mark', key: [1, 6, 2024, 'actual'], field: 'met' }, kind: 'mark', markText: 'x' },
    { cell: 'W6', target: { table: 'unit_status', key: [1, 2024, 'actual'], field: 'recognised_year' }, kind: 'number', decimals: 0 },
    { cell: 'Y6', target: { table: 'unit_status', key: [1, 2024, 'actual'], field: 'note' }, kind: 'text' },
    { cell: 'C7', target: { table: 'criterion_mark', key: [2, 5, 2024, 'actual'], field: 'met' }, kind: 'mark', markText: 'Đạt' },
    { cell: 'E7', target: { table: 'criterion_mark', key: [2, 6, 2024, 'actual'], field: 'met' }, kind: 'mark', markText: '' },
    { cell: 'G9', target: { table: 'project', key: [12], field: 'plan_amount' }, kind: 'number' },
  ],
  formulaCells: ['V6', 'V7'],
  encoding: 'tcvn3',
};

/** The binding as import collects it, one key array reused for every cell as the matrix binder does. */
function staged(): StagedBinding {
  const { version: _version, cells, ...rest } = binding;
  const collected = new BoundCells();
  const key: (string | number)[] = [];
  for (const { cell, target, ...rendering } of cells) {
    const { row, col } = parseA1(cell)!;
    key.length = 0;
    key.push(...target.key);
    collected.add(row, col, target.table, target.field, key, rendering);
  }
  return { ...rest, cells: collected };
}

const byCell = (b: Binding) => ({ ...b, cells: [...b.cells].sort((x, y) => x.cell.localeCompare(y.cell)) });

describe('stored bindings', () => {
  it('read back cell for cell from the column-wise version, grouped by kind', () => {
    const json = JSON.parse(storedBinding(staged())) as { version: number; blocks: { keys: unknown[] }[] };
    expect(json.version).toBe(3);
    expect(json.blocks).toHaveLength(6);
    // The year and side of the x-marks are the same in both cells: written once.
    expect(json.blocks[0]!.keys).toEqual([{ all: 1 }, [5, 6], { all: 2024 }, { all: 'actual' }]);
    expect(byCell(Binding.parse(json))).toStrictEqual(byCell(binding));
  });

  it('read version 1 as stored before', () => {
    expect(Binding.parse(JSON.parse(JSON.stringify(binding)))).toStrictEqual(binding);
  });

  it('read version 2 as stored before, in its order', () => {
    const kinds = [
      { table: 'criterion_mark', field: 'met', kind: 'mark', markText: 'x' },
      { table: 'project', field: 'plan_amount', kind: 'number' },
    ];
    const { cells: _cells, ...rest } = binding;
    const v2 = { ...rest, version: 2, kinds, cells: [['G9', 1, [12]], ['C6', 0, [1, 5, 2024, 'actual']]] };
    expect(Binding.parse(v2).cells).toStrictEqual([binding.cells[6], binding.cells[0]]);
    expect(Binding.safeParse({ ...v2, cells: [['C6', 9, [1]]] }).success).toBe(false);
  });

  it('refuse blocks whose places and keys do not line up', () => {
    const broken = JSON.parse(storedBinding(staged())) as { blocks: { rows: number[] }[] };
    broken.blocks[0]!.rows.push(99);
    expect(Binding.safeParse(broken).success).toBe(false);
  });
});
