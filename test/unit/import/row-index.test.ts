import { describe, expect, it } from 'vitest';
import { RowIndex } from '../../../electron/backend/import/row-id';

describe('rows by table and key', () => {
  it('finds every row it was given by its table and key, and only those', () => {
    const index = new RowIndex<{ n: number }>();
    const keys: (string | number)[][] = [];
    for (let u = 1; u <= 400; u++) for (let c = 1; c <= 19; c++) keys.push([u, c, 2024, u % 2 ? 'actual' : 'plan']);
    keys.forEach((key, n) => index.set('criterion_mark', key, { n }));
    keys.forEach((key, n) => expect(index.get('criterion_mark', [...key])).toEqual({ n }));
    expect(index.get('criterion_mark', [1, 1, 2024, 'plan'])).toBeUndefined();
    expect(index.get('unit_status', [1, 1, 2024, 'actual'])).toBeUndefined();
    expect(index.has('criterion_mark', [400, 19, 2024, 'plan'])).toBe(true);
    expect(index.has('criterion_mark', [400, 19, 2024])).toBe(false);
  });

  it('keeps apart keys whose hashes meet, and replaces a row given again', () => {
    const index = new RowIndex<{ v: string }>();
    // 'Aa' and 'BB' have the same 31-based hash.
    index.set('t', ['Aa', 1], { v: 'first' });
    index.set('t', ['BB', 1], { v: 'second' });
    expect([index.get('t', ['Aa', 1])?.v, index.get('t', ['BB', 1])?.v]).toEqual(['first', 'second']);
    index.set('t', ['Aa', 1], { v: 'again' });
    expect([index.get('t', ['Aa', 1])?.v, index.get('t', ['BB', 1])?.v]).toEqual(['again', 'second']);
  });
});
