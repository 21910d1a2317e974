// The `cellFinding` provider for grids: the findings of one table, looked up by row key and column.
import { useMemo } from 'react';
import type { Finding } from '../../shared/api/validation';
import { keyString } from '../../shared/rules/dataset';
import type { CellFinding } from '../grid/excel/types';
import { useFindings } from './store';

export type CellFindingLookup = (key: readonly (string | number)[], field: string) => CellFinding | null;

export function indexFindings(findings: readonly Finding[], table: string): CellFindingLookup {
  const byCell = new Map<string, CellFinding>();
  for (const f of findings) {
    if (f.target?.table !== table) continue;
    const id = `${keyString(f.target.key)}|${f.target.field}`;
    const previous = byCell.get(id);
    byCell.set(id, {
      severity: previous?.severity === 'error' || f.severity === 'error' ? 'error' : 'warning',
      message: previous ? `${previous.message}\n${f.message}` : f.message,
    });
  }
  return (key, field) => byCell.get(`${keyString(key)}|${field}`) ?? null;
}

/**
 * For useExcelGrid: `const findings = useCellFindings('resource_amount')`, then
 * `cellFinding: (rowId, colId) => findings.at([planId, year, Number(rowId)], field), findingsVersion: findings.version`.
 */
export function useCellFindings(table: string): { at: CellFindingLookup; version: number } {
  const findings = useFindings((s) => s.findings);
  const version = useFindings((s) => s.version);
  return useMemo(() => ({ at: indexFindings(findings, table), version }), [findings, table, version]);
}
