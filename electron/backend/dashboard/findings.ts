// Open findings by table come from the document's validation (issue 5). It registers itself here so the
// dashboard does not depend on it; without it the chart says that validation is not available.
import type Database from 'better-sqlite3';

export interface TableFindings {
  table: string;
  label: string;
  count: number;
}

export type FindingsProvider = (db: Database.Database) => TableFindings[];

let provider: FindingsProvider | null = null;

export function registerFindingsProvider(next: FindingsProvider): void {
  provider = next;
}

export function findingsByTable(db: Database.Database): TableFindings[] | null {
  return provider ? provider(db) : null;
}
