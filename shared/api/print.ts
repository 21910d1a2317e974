// Print-ready annex tables: the same HTML for the on-screen preview, the printer and the PDF.
import { z } from 'zod';
import { method } from './define';
import { FileRef, Id, MarkKind, Year } from '../model';

export const PrintTable = z.enum(['criteria', 'indicators', 'resources', 'projects', 'recurrent', 'targets', 'model-sites']);
export type PrintTable = z.infer<typeof PrintTable>;

export const Paper = z.enum(['A4', 'A3']);
export type Paper = z.infer<typeof Paper>;

const mm = (min: number, max: number, fallback: number) => z.number().min(min).max(max).default(fallback);

/** Nghị định 30/2020: top and bottom 20-25 mm, left 30-35 mm, right 15-20 mm; offices may adjust. */
export const Margins = z
  .object({ top: mm(5, 60, 20), bottom: mm(5, 60, 20), left: mm(5, 60, 30), right: mm(5, 60, 15) })
  .strict();
export type Margins = z.infer<typeof Margins>;

const text = (max: number) => z.string().max(max).optional();

/** Everything the user may change before printing; what is left out comes from the plan. */
export const PrintOptions = z
  .object({
    paper: Paper.default('A4'),
    orientation: z.enum(['auto', 'portrait', 'landscape']).default('auto'),
    margins: Margins.default({ top: 20, bottom: 20, left: 30, right: 15 }),
    /** The plan year the table shows; the plan's first year by default. */
    year: Year.optional(),
    /** Matrices: status at 31/12 of the year before ('actual') or the plan for the year ('plan'). */
    side: MarkKind.default('actual'),
    formNo: z.string().trim().max(20).optional(),
    title: text(500),
    issuer: text(300),
    docNumber: text(100),
    docDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().optional(),
    /** "của ..." in the italic line; derived from the issuer when left out. */
    issuedBy: text(300),
    signer: text(200),
    signerTitle: text(200),
    preparedBy: text(200),
    /** Images (e.g. a chart as PNG) printed under the table, before the signature. */
    images: z.array(z.object({ file: FileRef, caption: z.string().max(300).default('') }).strict()).max(10).default([]),
  })
  .strict();
export type PrintOptions = z.infer<typeof PrintOptions>;
export type PrintOptionsInput = z.input<typeof PrintOptions>;

const PrintRequest = z.object({ planId: Id, table: PrintTable, options: PrintOptions.default(PrintOptions.parse({})), taskId: z.string().max(100).optional() }).strict();

export const PrintDefaults = z.object({
  formNo: z.string(),
  title: z.string(),
  landscape: z.boolean(),
  issuer: z.string(),
  docNumber: z.string(),
  docDate: z.string().nullable(),
  issuedBy: z.string(),
  signer: z.string(),
  signerTitle: z.string(),
  year: Year,
});
export type PrintDefaults = z.infer<typeof PrintDefaults>;

export const printMethods = {
  /** What the print form shows before the user edits it: the plan's header fields and the table's own. */
  'print.defaults': method(z.object({ planId: Id, table: PrintTable, options: PrintOptions.default(PrintOptions.parse({})) }).strict(), PrintDefaults),
  /** A self-contained HTML page (fonts embedded) for the preview and the browser's print. */
  'print.html': method(PrintRequest, z.object({ file: FileRef, landscape: z.boolean(), paper: Paper })),
  /** The same page printed to PDF by headless Chromium. */
  'print.pdf': method(PrintRequest, z.object({ file: FileRef, pages: z.number().int(), landscape: z.boolean(), paper: Paper })),
} as const;
