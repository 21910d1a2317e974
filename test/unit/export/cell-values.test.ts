import { describe, expect, it } from 'vitest';
import { desiredValue, sameMeaning } from '../../../electron/backend/export/cell-values';
import type { BoundCell } from '../../../electron/backend/forms/binding';

const target = { table: 'resource_amount', key: [1, 2025, 3], field: 'amount' };
const number = (decimals?: number): BoundCell => ({ cell: 'C9', kind: 'number', target, ...(decimals === undefined ? {} : { decimals }) });
const mark: BoundCell = { cell: 'C9', kind: 'mark', markText: 'Đạt', target };
const text: BoundCell = { cell: 'Y9', kind: 'text', target };

describe('what export writes into a bound cell', () => {
  it('writes amounts as numbers rounded as the form shows them, and fractions into percentage cells', () => {
    expect(desiredValue(number(0), 3973.5)).toEqual({ type: 'number', value: 3974 });
    expect(desiredValue(number(2), 1.005)).toEqual({ type: 'number', value: 1.01 });
    expect(desiredValue(number(), '19.783')).toEqual({ type: 'number', value: 19783 });
    expect(desiredValue(number(1), 16.3, true)).toEqual({ type: 'number', value: 0.163 });
    expect(desiredValue(number(0), null)).toEqual({ type: 'empty' });
  });

  it('writes the form’s own mark for met, and nothing for not met', () => {
    expect(desiredValue(mark, 1)).toEqual({ type: 'text', text: 'Đạt' });
    expect(desiredValue(mark, 0)).toEqual({ type: 'empty' });
    expect(desiredValue({ ...mark, markText: undefined }, 1)).toEqual({ type: 'text', text: 'x' });
  });

  it('keeps text as text, including text that looks like a formula', () => {
    expect(desiredValue(text, '=SUM(A1)')).toEqual({ type: 'text', text: '=SUM(A1)' });
    expect(desiredValue(text, '  ')).toEqual({ type: 'empty' });
  });
});

describe('whether the province’s cell already says it (then it is left as it was)', () => {
  it('reads numbers typed as Vietnamese text, and percentages however they were written', () => {
    expect(sameMeaning(number(0), { type: 'text', text: '19.783' }, { type: 'number', value: 19783 })).toBe(true);
    expect(sameMeaning(number(0), { type: 'number', value: 3973.4 }, { type: 'number', value: 3973 })).toBe(true);
    expect(sameMeaning(number(0), { type: 'number', value: 3973.6 }, { type: 'number', value: 3973 })).toBe(false);
    expect(sameMeaning(number(), { type: 'number', value: 0.9 }, { type: 'number', value: 0.9 }, true)).toBe(true);
    expect(sameMeaning(number(), { type: 'text', text: '85%' }, { type: 'number', value: 85 })).toBe(true);
    expect(sameMeaning(number(0), { type: 'empty' }, { type: 'empty' })).toBe(true);
  });

  it('reads any mark meaning met, in any case, and blanks or dashes as not met', () => {
    for (const t of ['x', 'X', 'đạt', 'ĐẠT', '✓', '1']) expect(sameMeaning(mark, { type: 'text', text: t }, { type: 'text', text: 'Đạt' })).toBe(true);
    expect(sameMeaning(mark, { type: 'number', value: 1 }, { type: 'text', text: 'Đạt' })).toBe(true);
    for (const t of ['-', '0', 'Chưa đạt']) expect(sameMeaning(mark, { type: 'text', text: t }, { type: 'empty' })).toBe(true);
    expect(sameMeaning(mark, { type: 'text', text: 'x' }, { type: 'empty' })).toBe(false);
  });

  it('compares text in NFC without surrounding spaces', () => {
    expect(sameMeaning(text, { type: 'text', text: ' Ba\u0309n Bo ' }, { type: 'text', text: 'Bản Bo' })).toBe(true);
    expect(sameMeaning(text, { type: 'text', text: 'Bản Bo' }, { type: 'text', text: 'Bản Hon' })).toBe(false);
  });
});
