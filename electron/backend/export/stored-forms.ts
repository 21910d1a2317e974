// Which forms a plan can export: the built-in layouts and every form whose workbook was imported for it.
import type Database from 'better-sqlite3';
import type { ExportableForm } from '../../../shared/api/export';
import { BUILT_IN_LAYOUTS } from './layouts';

export function exportableFormsOf(db: Database.Database, planId: number): ExportableForm[] {
  const imported = db
    .prepare('SELECT form, file_name AS fileName, imported_at AS importedAt FROM workbook WHERE plan_id = ? ORDER BY imported_at DESC, id DESC')
    .all(planId) as { form: string; fileName: string; importedAt: string }[];
  const forms = [...new Set([...Object.keys(BUILT_IN_LAYOUTS), ...imported.map((w) => w.form)])].sort();
  return forms.map((form) => {
    const original = imported.find((w) => w.form === form);
    return {
      form,
      builtIn: form in BUILT_IN_LAYOUTS,
      perCommune: BUILT_IN_LAYOUTS[form]?.perCommune ?? false,
      original: original ? { fileName: original.fileName, importedAt: original.importedAt } : null,
    };
  });
}
