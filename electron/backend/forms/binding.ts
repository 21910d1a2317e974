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

const BindingV1 = z.object({
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

/** What bound cells share, stored once per binding: a 60,000-mark form has a handful of these. */
const CellKind = BoundCell.omit({ cell: true, target: true }).extend({ table: z.string(), field: z.string() });

/**
 * The binding as it is stored: each cell as [address, index into `kinds`, key], in the order of `cells` (a
 * third of the JSON of version 1, which documents imported before it still hold and which reads the same).
 */
const BindingV2 = BindingV1.omit({ version: true, cells: true })
  .extend({
    version: z.literal(2),
    kinds: z.array(CellKind),
    cells: z.array(z.tuple([z.string(), z.number().int().min(0), CellTarget.shape.key])),
  })
  .transform(({ kinds, cells, ...rest }, ctx): z.infer<typeof BindingV1> => {
    const expanded: BoundCell[] = [];
    for (const [cell, index, key] of cells) {
      const kind = kinds[index];
      if (!kind) {
        ctx.addIssue({ code: 'custom', message: `no cell kind ${index}` });
        return z.NEVER;
      }
      const { table, field, ...rendering } = kind;
      expanded.push({ cell, target: { table, key, field }, ...rendering });
    }
    return { ...rest, version: 1, cells: expanded };
  });

/** A binding as import and export use it (version 1's shape), read from either stored version. */
export const Binding = z.union([BindingV1, BindingV2]);
export type Binding = z.infer<typeof BindingV1>;

/** The JSON kept in table `workbook`: version 2 of the binding. */
export function storedBinding(binding: Binding): string {
  const kinds: z.infer<typeof CellKind>[] = [];
  const index = new Map<string, number>();
  let last: BoundCell | undefined;
  let n = -1;
  const cells = binding.cells.map((c): [string, number, (string | number)[]] => {
    // Neighbouring cells mostly share their kind (a row of marks): only a change of kind is looked up.
    if (!last || c.target.table !== last.target.table || c.target.field !== last.target.field || c.kind !== last.kind || c.markText !== last.markText || c.decimals !== last.decimals) {
      const id = JSON.stringify([c.target.table, c.target.field, c.kind, c.markText ?? null, c.decimals ?? null]);
      const known = index.get(id);
      if (known === undefined) {
        n = kinds.length;
        index.set(id, n);
        const kind: z.infer<typeof CellKind> = { table: c.target.table, field: c.target.field, kind: c.kind };
        if (c.markText !== undefined) kind.markText = c.markText;
        if (c.decimals !== undefined) kind.decimals = c.decimals;
        kinds.push(kind);
      } else n = known;
      last = c;
    }
    return [c.cell, n, c.target.key];
  });
  const { cells: _cells, version: _version, ...rest } = binding;
  return JSON.stringify({ ...rest, version: 2, kinds, cells });
}
