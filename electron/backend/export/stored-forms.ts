// Which forms a plan can export: the built-in layouts and every form whose workbook was imported for it
// (for the plan itself, or for its years when the form belongs to no plan, like a Biểu 01 of the status).
import type Database from 'better-sqlite3';
import type { ExportableForm } from '../../../shared/api/export';
import { getPlan } from '../repo/plans';
import { BUILT_IN_LAYOUTS } from './layouts';
import { findStoredWorkbook } from './stored-workbooks';

export function exportableFormsOf(db: Database.Database, planId: number): ExportableForm[] {
  const plan = getPlan(db, planId);
  const imported = (db.prepare('SELECT DISTINCT form FROM workbook').all() as { form: string }[]).map((r) => r.form);
  const forms = [...new Set([...Object.keys(BUILT_IN_LAYOUTS), ...imported])].sort();
  return forms.flatMap((form) => {
    const original = findStoredWorkbook(db, form, { planId: plan.id, from: plan.yearStart, to: plan.yearEnd });
    const layout = BUILT_IN_LAYOUTS[form];
    if (!original && !layout) return [];
    return [
      {
        form,
        builtIn: layout !== undefined,
        perCommune: layout?.perCommune ?? false,
        original: original ? { fileName: original.fileName, importedAt: original.importedAt } : null,
      },
    ];
  });
}
