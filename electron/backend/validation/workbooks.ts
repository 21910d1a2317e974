// The imported forms kept in the document: a formula cell whose stored value disagrees with its formula
// is a finding at its 'Sheet!Cell', named after the file it came from.
import type Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import type { Finding } from '../../../shared/api/validation';
import { checkFormulaCells } from '../formulas/check';
import { sheetCellsOf } from '../formulas/workbook-cells';

interface WorkbookRow {
  file_name: string;
  bytes: Buffer;
}

export async function workbookFindings(db: Database.Database, planId?: number): Promise<Finding[]> {
  const rows = db
    .prepare('SELECT file_name, bytes FROM workbook WHERE :plan IS NULL OR plan_id = :plan ORDER BY id')
    .all({ plan: planId ?? null }) as WorkbookRow[];
  const findings: Finding[] = [];
  for (const row of rows) {
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(row.bytes as unknown as ArrayBuffer);
    } catch {
      // Old .xls files are kept as they came; only .xlsx packages carry formulas we can read back.
      continue;
    }
    for (const finding of checkFormulaCells(sheetCellsOf(workbook))) findings.push({ ...finding, table: row.file_name });
  }
  return findings;
}
