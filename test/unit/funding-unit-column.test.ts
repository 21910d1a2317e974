import { describe, expect, it } from 'vitest';
import type { Unit } from '../../shared/model';
import { unitColumn } from '../../renderer/views/funding/unit-column';

const unit = (id: number, kind: Unit['kind'], name: string): Unit => ({ id, kind, name, parentId: null, code: null, mergedIntoId: null, ord: id });

describe('a column naming a commune or village', () => {
  const column = unitColumn<unknown>([unit(1, 'commune', 'Bản Bo'), unit(2, 'commune', 'Nà Tăm'), unit(3, 'village', 'Bản Nà Cà')]);
  const parse = (text: string) => column.parse(text, {});

  it('finds a unit however its name is written', () => {
    expect(parse('Bản Bo')).toEqual({ value: 1 });
    expect(parse('Xã Bản Bo')).toEqual({ value: 1 });
    expect(parse('  bản   bo ')).toEqual({ value: 1 });
    expect(parse('Xã Nà Tăm'.normalize('NFD'))).toEqual({ value: 2 });
    expect(parse('Nà Cà')).toEqual({ value: 3 });
  });

  it('clears on blank and refuses an unknown name with a message', () => {
    expect(parse('')).toEqual({ value: null });
    expect(parse('Xã Không Có')).toEqual({ error: 'không có xã "Xã Không Có"' });
  });
});
