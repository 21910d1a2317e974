import { describe, expect, it } from 'vitest';
import type { Finding } from '../../shared/api/validation';
import { findingsByTable } from '../../renderer/views/dashboard/findings-by-table';

const finding = (table: string): Finding => ({ severity: 'error', rule: 'r', table, row: '', column: '', expected: 1, actual: 2, message: '' });

describe('open findings by table', () => {
  it('counts the findings of each table, most first, then by name', () => {
    const findings = ['Biểu 04', 'Biểu 05', 'Biểu 01', 'Biểu 05', 'Biểu 04', 'Biểu 05'].map(finding);
    expect(findingsByTable(findings)).toEqual([
      { label: 'Biểu 05', count: 3 },
      { label: 'Biểu 04', count: 2 },
      { label: 'Biểu 01', count: 1 },
    ]);
    expect(findingsByTable([])).toEqual([]);
  });
});
