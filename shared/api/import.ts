// Import of the provincial Excel forms: a preview (staged result per file: diff, problems, findings)
// and the apply step that writes a staged batch as one undo step.
import { z } from 'zod';
import { method } from './define';
import { Scalar } from './edits';
import { Finding } from './validation';
import { Year } from '../model';

export const ImportProblem = z.object({
  severity: z.enum(['error', 'warning']),
  /** 'Sheet!C8', or the file name when the whole file is concerned. */
  cell: z.string(),
  message: z.string(),
  messageEn: z.string(),
});
export type ImportProblem = z.infer<typeof ImportProblem>;

export const DiffItem = z.object({
  action: z.enum(['create', 'change', 'remove']),
  table: z.string(),
  row: z.string(),
  column: z.string(),
  cell: z.string().optional(),
  before: Scalar,
  after: Scalar,
});
export type DiffItem = z.infer<typeof DiffItem>;

export const DiffCounts = z.object({ create: z.number().int(), change: z.number().int(), remove: z.number().int(), same: z.number().int() });
export type DiffCounts = z.infer<typeof DiffCounts>;

export const ImportCounts = z.object({ units: z.number().int(), rows: z.number().int(), values: z.number().int() });
export type ImportCounts = z.infer<typeof ImportCounts>;

export const StagedFile = z.object({
  file: z.string(),
  status: z.enum(['staged', 'rejected']),
  form: z.string().nullable(),
  formName: z.string().nullable(),
  sheet: z.string().nullable(),
  year: z.number().int().nullable(),
  counts: ImportCounts,
  /** Units this file creates (districts, communes, villages), by name. */
  newUnits: z.array(z.string()),
  /** Legacy Vietnamese encoding the form's text was typed in (converted on reading). */
  encoding: z.enum(['unicode', 'tcvn3', 'vni', 'mixed']),
  diff: z.array(DiffItem),
  diffCounts: DiffCounts,
  problems: z.array(ImportProblem),
  findings: z.array(Finding),
  /** Why the file was refused (Vietnamese and English), when it was. */
  error: z.object({ code: z.string(), message: z.string(), messageEn: z.string() }).nullable(),
});
export type StagedFile = z.infer<typeof StagedFile>;

export const ImportOptions = z.object({
  /** The year when a form states none. */
  year: Year.optional(),
  /** Create communes the document does not have (always done in a document without communes). */
  createUnits: z.boolean().default(false),
});

export const importMethods = {
  'import.preview': method(
    ImportOptions.extend({ fileIds: z.array(z.string().min(1).max(100)).min(1).max(500) }).strict(),
    z.object({ stagingId: z.string(), files: z.array(StagedFile) }),
  ),
  'import.apply': method(
    z.object({ stagingId: z.string().min(1).max(100) }).strict(),
    z.object({ stepId: z.number().int(), files: z.array(StagedFile), canUndo: z.boolean(), canRedo: z.boolean() }),
  ),
  'import.discard': method(z.object({ stagingId: z.string().min(1).max(100) }).strict(), z.object({ ok: z.literal(true) })),
} as const;
