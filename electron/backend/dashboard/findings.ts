import type Database from 'better-sqlite3';
import type { TableFindings } from '../../../shared/api/dashboard';
import { validateDocument } from '../validation/validate';

/** Open findings of the plan's validation, counted by the table they are in (most first). */
export function findingsByTable(db: Database.Database, planId: number): TableFindings {
  const byTable = new Map<string, TableFindings[number]>();
  for (const finding of validateDocument(db, { planId })) {
    const entry = byTable.get(finding.table) ?? { table: finding.target?.table ?? finding.table, label: finding.table, count: 0 };
    entry.count++;
    byTable.set(finding.table, entry);
  }
  return [...byTable.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'vi'));
}
