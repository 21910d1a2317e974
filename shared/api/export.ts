// Export of the provincial forms: into the province's own workbook when it was imported, or from the
// built-in layouts; one form, or one workbook per commune. Files come back as FileRefs to save.
import { z } from 'zod';
import { method } from './define';
import { FileRef, Id, Year } from '../model';
import { Finding } from './validation';

export const FormId = z.string().regex(/^[a-z0-9_-]{1,40}$/);
export const ExportLayout = z.enum(['auto', 'original', 'builtin']);
export type ExportLayout = z.infer<typeof ExportLayout>;

export const ExportableForm = z.object({
  form: FormId,
  builtIn: z.boolean(),
  perCommune: z.boolean(),
  /** The province's workbook imported for this plan, if any. */
  original: z.object({ fileName: z.string(), importedAt: z.string() }).nullable(),
});
export type ExportableForm = z.infer<typeof ExportableForm>;

export const ExportResult = z.object({
  file: FileRef,
  source: z.enum(['original', 'builtin']),
  /** notInForm: figures of the document the province's workbook has no cell for (communes, projects added since). */
  original: z.object({ fileName: z.string(), changedCells: z.number().int(), notInForm: z.number().int() }).nullable(),
  /** What the checks found in the exported plan: reported with the file, never blocking it. */
  findings: z.array(Finding),
});
export type ExportResult = z.infer<typeof ExportResult>;

export const exportMethods = {
  'export.forms': method(z.object({ planId: Id }).strict(), z.array(ExportableForm)),
  'export.run': method(
    z
      .object({
        form: FormId,
        /** null: the plan of `year`, or the province's workbook of that year when the document has no plan for it. */
        planId: Id.nullable(),
        year: Year.nullable().default(null),
        unitId: Id.nullable().default(null),
        layout: ExportLayout.default('auto'),
      })
      .strict(),
    ExportResult,
  ),
  'export.batch': method(
    z.object({ form: FormId, planId: Id, unitIds: z.array(Id).min(1).max(10_000).optional(), taskId: z.string().min(1).max(100).optional() }).strict(),
    /** Each commune's workbook, and all of them in one .zip (one file to save instead of one dialog per commune). */
    z.object({ files: z.array(FileRef), archive: FileRef, findings: z.array(Finding) }),
  ),
} as const;
