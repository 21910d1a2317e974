// The binding kept with an imported workbook reads back as it was staged, from either stored version.
import { describe, expect, it } from 'vitest';
import { Binding, storedBinding } from '../../../electron/backend/forms/binding';

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

describe('stored bindings', () => {
  it('read back cell for cell, in order, from the compact version', () => {
    const json = storedBinding(binding);
    expect(JSON.parse(json)).toMatchObject({ version: 2, kinds: expect.any(Array) });
    expect(JSON.parse(json).kinds).toHaveLength(6);
    expect(Binding.parse(JSON.parse(json))).toStrictEqual(binding);
  });

  it('read version 1 as stored before', () => {
    expect(Binding.parse(JSON.parse(JSON.stringify(binding)))).toStrictEqual(binding);
  });

  it('refuse a cell naming a kind the binding does not have', () => {
    const broken = JSON.parse(storedBinding(binding)) as { cells: [string, number, unknown][] };
    broken.cells[0]![1] = 99;
    expect(Binding.safeParse(broken).success).toBe(false);
  });
});
