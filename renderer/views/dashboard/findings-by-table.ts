import type { Finding } from '../../../shared/api/validation';

export interface TableFindings {
  /** The table as the user sees it ("Biểu 04 - Nguồn lực"). */
  label: string;
  count: number;
}

/** Open findings counted by the table they are in, most first. */
export function findingsByTable(findings: readonly Finding[]): TableFindings[] {
  const byTable = new Map<string, number>();
  for (const f of findings) byTable.set(f.table, (byTable.get(f.table) ?? 0) + 1);
  return [...byTable.entries()].map(([label, count]) => ({ label, count })).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'vi'));
}
