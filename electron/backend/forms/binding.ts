// How the cells of an imported workbook map to the document, stored with the workbook (table `workbook`,
// column `binding`) so the form can be exported back into its own file. Written by import, read by export.
import { z } from 'zod';

/** Where a cell's value lives in the document. `key` identifies the row of `table`, in the table's own key order. */
export const CellTarget = z.object({
  table: z.string(),
  key: z.array(z.union([z.string(), z.number()])),
  field: z.string(),
});
export type CellTarget = z.infer<typeof CellTarget>;

export const BoundCell = z.object({
  /** A1 address on the bound sheet. */
  cell: z.string(),
  target: CellTarget,
  /** How the value is written: a met/not-met mark, a number, or text. */
  kind: z.enum(['mark', 'number', 'text']),
  /** The mark this form uses for "met" (x, X, Đạt, 1, ✓), so export writes marks the way the province reads them. */
  markText: z.string().optional(),
  /** Decimals shown by the form's number format (amounts are rounded to them on export). */
  decimals: z.number().int().min(0).max(10).optional(),
});
export type BoundCell = z.infer<typeof BoundCell>;

export const Binding = z.object({
  version: z.literal(1),
  /** Form definition id from resources/forms, e.g. "bieu01". */
  form: z.string(),
  sheet: z.string(),
  /** Path of the sheet's part inside the package, e.g. "xl/worksheets/sheet1.xml". */
  sheetPart: z.string(),
  year: z.number().int().nullable(),
  planId: z.number().int().nullable(),
  /** Data cells that export rewrites. */
  cells: z.array(BoundCell),
  /** Formula cells (derived totals) whose cached values export recomputes. */
  formulaCells: z.array(z.string()),
  /** Legacy text encoding found in the workbook, if any. */
  encoding: z.enum(['unicode', 'tcvn3', 'vni', 'mixed']).default('unicode'),
});
export type Binding = z.infer<typeof Binding>;
