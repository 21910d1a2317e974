import { describe, expect, it } from 'vitest';
import type { Change } from '../../shared/api/edits';
import { decodeChanges, encodeChanges } from '../../electron/backend/edits/step-record';

const mark = (unit: number, criterion: number, met: boolean): Change => ({ op: 'insert', table: 'criterion_mark', row: { unit_id: unit, criterion_id: criterion, year: 2024, kind: 'actual', met } });

describe('undo step records', () => {
  it('keep every change, in order, whether runs are grouped or not', () => {
    const changes: Change[] = [
      { op: 'set', table: 'unit_status', key: [1, 2024, 'actual'], field: 'note', value: 'ghi chú' },
      ...Array.from({ length: 20 }, (_, i) => mark(1 + Math.floor(i / 19), (i % 19) + 1, i % 3 !== 0)),
      { op: 'insert', table: 'criterion_mark', row: { criterion_id: 1, unit_id: 9, year: 2024, kind: 'actual', met: true } },
      ...Array.from({ length: 3 }, (_, i) => mark(5, i + 1, true)),
      ...Array.from({ length: 10 }, (_, i): Change => ({ op: 'delete', table: 'unit_status', key: [i + 1, 2024, 'plan'] })),
      { op: 'delete', table: 'unit', key: [4] },
      ...Array.from({ length: 9 }, (_, i): Change => ({ op: 'delete', table: 'odd_keys', key: i === 4 ? [i] : [i, 'x'] })),
      ...Array.from({ length: 9 }, (_, i): Change => ({ op: 'insert', table: 'project', row: { id: i + 10, name: `Công trình ${i}`, amount: i === 4 ? null : i * 1.5 } })),
    ];
    const text = encodeChanges(changes);
    expect(decodeChanges(text)).toEqual(changes);
    expect(JSON.parse(text)).toHaveLength(1 + 1 + 1 + 3 + 1 + 1 + 9 + 1);
  });

  it('reads steps recorded as plain arrays of changes', () => {
    const changes = Array.from({ length: 12 }, (_, i) => mark(i + 1, 1, true));
    expect(decodeChanges(JSON.stringify(changes))).toEqual(changes);
  });
});
