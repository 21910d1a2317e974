import { describe, expect, it } from 'vitest';
import { Dataset } from '../../../shared/rules/dataset';
import { wire } from './fixtures';

const allocation = (source_id: number, unit_id: number, amount: number | null) => ({ plan_id: 1, year: 2025, source_id, unit_id, amount });
const amounts = (data: Dataset, source: number) => data.group('allocation', ['plan_id', 'year', 'source_id'], [1, 2025, source]).map((r) => [r.unit_id, r.amount]);

describe('dataset', () => {
  it('reads the loaded rows in place, by key and by group, without changing the caller’s arrays', () => {
    const tables = wire({ allocation: [allocation(3, 10, 5), allocation(3, 11, 7), allocation(6, 10, 1)] });
    const rows = tables.allocation?.rows;
    const data = new Dataset(tables);
    expect(data.get('allocation', [1, 2025, 3, 11])?.amount).toBe(7);
    expect(data.get('allocation', [1, 2025, 3, 12])).toBeUndefined();
    expect(amounts(data, 3)).toEqual([[10, 5], [11, 7]]);

    data.apply({ op: 'set', table: 'allocation', key: [1, 2025, 3, 10], field: 'amount', value: 9 });
    data.apply({ op: 'delete', table: 'allocation', key: [1, 2025, 3, 11] });
    data.apply({ op: 'insert', table: 'allocation', row: allocation(3, 12, 2) });
    expect(amounts(data, 3)).toEqual([[10, 9], [12, 2]]);
    expect(data.size('allocation')).toBe(3);
    // The caller's rows are as they were.
    expect(tables.allocation?.rows).toBe(rows);
    expect(rows).toEqual([[1, 2025, 3, 10, 5], [1, 2025, 3, 11, 7], [1, 2025, 6, 10, 1]]);
  });

  it('moves a row between groups when a grouped column changes, keeping table order', () => {
    const data = new Dataset(wire({ allocation: [allocation(3, 10, 5), allocation(6, 11, 7), allocation(3, 12, 1)] }));
    expect(amounts(data, 3)).toEqual([[10, 5], [12, 1]]);
    data.apply({ op: 'set', table: 'allocation', key: [1, 2025, 6, 11], field: 'source_id', value: 3 });
    expect(amounts(data, 3)).toEqual([[10, 5], [11, 7], [12, 1]]);
    expect(amounts(data, 6)).toEqual([]);
    expect(data.get('allocation', [1, 2025, 3, 11])?.amount).toBe(7);
    expect(data.get('allocation', [1, 2025, 6, 11])).toBeUndefined();
  });

  it('reports each change with the row before and after, a set creating a missing row and adding unknown columns', () => {
    const data = new Dataset(wire({ resource_amount: [{ plan_id: 1, year: 2025, source_id: 3, amount: 504 }] }));
    const set = data.apply({ op: 'set', table: 'resource_amount', key: [1, 2025, 3], field: 'amount', value: 600 });
    expect([set?.before?.amount, set?.after?.amount, set?.field]).toEqual([504, 600, 'amount']);
    const created = data.apply({ op: 'set', table: 'resource_amount', key: [1, 2025, 4], field: 'note', value: 'mới' });
    expect(created?.before).toBeUndefined();
    expect([created?.after?.source_id, created?.after?.note, created?.after?.amount]).toEqual([4, 'mới', null]);
    const removed = data.apply({ op: 'delete', table: 'resource_amount', key: [1, 2025, 3] });
    expect([removed?.before?.amount, removed?.after]).toEqual([600, undefined]);
    expect(data.rows('resource_amount').map((r) => r.source_id)).toEqual([4]);
    expect(data.apply({ op: 'set', table: 'model_site', key: [1], field: 'content', value: 'x' })).toBeNull();
  });

  it('finds rows by many ids and by small sets of years and kinds, including a key of more than eight kinds', () => {
    const marks = Array.from({ length: 12 }, (_, k) => ({ unit_id: 1000 + k, criterion_id: 1, year: 2014 + k, kind: `k${k}`, met: k % 2 }));
    const data = new Dataset(wire({ criterion_mark: marks }));
    for (const m of marks) expect(data.get('criterion_mark', [m.unit_id, 1, m.year, m.kind])?.met).toBe(m.met);
    data.apply({ op: 'delete', table: 'criterion_mark', key: [1003, 1, 2017, 'k3'] });
    expect(data.get('criterion_mark', [1003, 1, 2017, 'k3'])).toBeUndefined();
    expect(data.group('criterion_mark', ['kind'], ['k11']).map((r) => r.unit_id)).toEqual([1011]);
  });
});
