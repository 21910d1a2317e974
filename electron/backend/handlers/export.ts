import fs from 'node:fs';
import type { FileRef } from '../../../shared/model';
import type { Context, HandlerMap } from '../context';
import { exportPerCommune } from '../export/batch';
import { exportForm, type ExportedForm } from '../export/export-form';
import { exportableFormsOf } from '../export/stored-forms';
import { validateDocument } from '../validation/validate';

/** Hand an exported workbook to the host as a file to save. */
function handOut(ctx: Context, exported: Pick<ExportedForm, 'fileName' | 'bytes'>): FileRef {
  const target = ctx.files.newTempPath(exported.fileName);
  fs.writeFileSync(target, exported.bytes);
  return ctx.files.adoptTemp(target, exported.fileName);
}

export const exportHandlers = {
  'export.forms': ({ planId }, ctx) => exportableFormsOf(ctx.doc().db, planId),
  'export.run': async (request, ctx) => {
    const exported = await exportForm(ctx.doc().db, request);
    const findings = exported.planId === null ? [] : validateDocument(ctx.doc().db, { planId: exported.planId });
    return { file: handOut(ctx, exported), source: exported.source, original: exported.original, findings };
  },
  'export.batch': async ({ taskId, ...request }, ctx) => {
    // Cancelling stops between communes; files are handed out only when every commune is done.
    const task = ctx.startTask(taskId);
    const exported = await exportPerCommune(ctx.doc().db, request, (done, total, commune) => task.progress(done, total, commune));
    const findings = validateDocument(ctx.doc().db, { planId: request.planId });
    return { files: exported.forms.map((e) => handOut(ctx, e)), archive: handOut(ctx, exported.archive), findings };
  },
} satisfies Partial<HandlerMap>;
