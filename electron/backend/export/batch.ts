// A district sends each commune its own copy of a form: one workbook per commune, with progress.
import type Database from 'better-sqlite3';
import { AppError } from '../errors';
import { getPlan } from '../repo/plans';
import { archiveOf } from './archive';
import { exportForm, fileNameFor, planCommunes, type ExportedForm } from './export-form';
import { BUILT_IN_LAYOUTS } from './layouts';

export interface BatchRequest {
  form: string;
  planId: number;
  /** A subset of the plan's communes; all of them when absent. */
  unitIds?: number[] | undefined;
}

export interface BatchExport {
  forms: ExportedForm[];
  /** Every commune's workbook in one .zip. */
  archive: { fileName: string; bytes: Uint8Array };
}

export async function exportPerCommune(
  db: Database.Database,
  request: BatchRequest,
  onProgress: (done: number, total: number, commune: string) => void,
): Promise<BatchExport> {
  const layout = BUILT_IN_LAYOUTS[request.form];
  if (!layout?.perCommune) throw new AppError('export.error.notPerCommune', { form: request.form });
  const plan = getPlan(db, request.planId);
  const all = planCommunes(db, plan);
  const wanted = request.unitIds ? new Set(request.unitIds) : null;
  const communes = wanted ? all.filter((c) => wanted.has(c.id)) : all;
  if (communes.length === 0) throw new AppError('export.error.noCommunes');
  const out: ExportedForm[] = [];
  for (const [i, commune] of communes.entries()) {
    onProgress(i, communes.length, commune.name);
    out.push(await exportForm(db, { form: request.form, planId: request.planId, unitId: commune.id, layout: 'builtin' }));
  }
  onProgress(communes.length, communes.length, '');
  const fileName = fileNameFor(request.form, plan, null).replace(/\.xlsx$/, '_cac-xa.zip');
  return { forms: out, archive: { fileName, bytes: archiveOf(out) } };
}
