import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../shared/api/validation';
import { indexFindings } from '../../../renderer/findings/cell-findings';

const finding = (severity: Finding['severity'], table: string, key: (string | number)[], field: string, message: string): Finding => ({
  severity, rule: 'r', table: 'T', row: 'R', column: 'C', target: { table, key, field }, expected: null, actual: null, message,
});

describe('cell findings for the grids', () => {
  it('finds a cell by its table, key and column; the worst severity wins and messages are joined', () => {
    const at = indexFindings(
      [
        finding('warning', 'resource_amount', [1, 2025, 7], 'amount', 'một'),
        finding('error', 'resource_amount', [1, 2025, 7], 'amount', 'hai'),
        finding('error', 'resource_amount', [1, 2025, 8], 'investment', 'ba'),
        finding('error', 'allocation', [1, 2025, 7, 3], 'amount', 'bốn'),
      ],
      'resource_amount',
    );
    expect(at([1, 2025, 7], 'amount')).toEqual({ severity: 'error', message: 'một\nhai' });
    expect(at([1, 2025, 8], 'investment')?.message).toBe('ba');
    expect(at([1, 2025, 8], 'amount')).toBeNull();
    expect(at([1, 2025, 7, 3], 'amount')).toBeNull();
  });
});
