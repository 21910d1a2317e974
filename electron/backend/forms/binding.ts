// How the cells of an imported workbook map to the document, stored with the workbook (table `workbook`,
// column `binding`) so the form can be exported back into its own file. Written by import, read by export.
import { z } from 'zod';
import { toA1 } from '../export/a1';

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
 * How bindings were stored before version 3: each cell as [address, index into `kinds`, key], in the order of
 * `cells` (a third of the JSON of version 1). Documents imported then still hold versions 1 and 2.
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

/** A key column of a block's cells: each cell's value, or the one value they all have. */
const KeyColumn = z.union([z.array(z.union([z.string(), z.number()])), z.object({ all: z.union([z.string(), z.number()]) })]);

/** Cells of one kind, column by column: their places on the sheet and their targets' key columns. */
const CellBlock = CellKind.extend({
  rows: z.array(z.number().int().min(1)),
  cols: z.array(z.number().int().min(1)),
  keys: z.array(KeyColumn),
});
type CellBlock = z.infer<typeof CellBlock>;

/**
 * The binding as import stores it since 60,000-mark forms: cells grouped by kind, each group column by column
 * (no object per cell to build, write or read). Cells read back grouped by kind.
 */
const BindingV3 = BindingV1.omit({ version: true, cells: true })
  .extend({ version: z.literal(3), blocks: z.array(CellBlock) })
  .transform(({ blocks, ...rest }, ctx): z.infer<typeof BindingV1> => {
    const cells: BoundCell[] = [];
    for (const { table, field, rows, cols, keys, ...rendering } of blocks) {
      if (cols.length !== rows.length || keys.some((k) => Array.isArray(k) && k.length !== rows.length)) {
        ctx.addIssue({ code: 'custom', message: `cells of ${table}.${field} do not line up` });
        return z.NEVER;
      }
      rows.forEach((row, i) => {
        const key = keys.map((k) => (Array.isArray(k) ? (k[i] as string | number) : k.all));
        cells.push({ cell: toA1(row, cols[i] as number), target: { table, key, field }, ...rendering });
      });
    }
    return { ...rest, version: 1, cells };
  });

/** A binding as import and export use it (version 1's shape), read from any stored version. */
export const Binding = z.union([BindingV1, BindingV2, BindingV3]);
export type Binding = z.infer<typeof BindingV1>;

/** How a bound cell is written back (everything of a BoundCell but its place and target). */
export type Rendering = Omit<BoundCell, 'cell' | 'target'>;
export const TEXT_CELL: Rendering = Object.freeze({ kind: 'text' });
export const NUMBER_CELL: Rendering = Object.freeze({ kind: 'number' });

/** One key column being collected: one value while every cell has it, each cell's value once they differ. */
interface KeyColumnBuilder {
  first: string | number;
  each: (string | number)[] | null;
}

/** One block being collected: its kind and, per cell, row, column and key parts. */
interface BlockBuilder {
  table: string;
  field: string;
  rendering: Rendering;
  rows: number[];
  cols: number[];
  keys: KeyColumnBuilder[];
}

const sameRendering = (a: Rendering, b: Rendering) => a === b || (a.kind === b.kind && a.markText === b.markText && a.decimals === b.decimals);

/** The bound cells of a form as import collects them, written as version 3's blocks. */
export class BoundCells {
  private readonly blocks: BlockBuilder[] = [];
  private last: BlockBuilder | null = null;

  /** Bind the cell at (row, col) to `key` of `table`.`field`; the key is copied, so one array may serve many calls. */
  add(row: number, col: number, table: string, field: string, key: readonly (string | number)[], rendering: Rendering): void {
    const last = this.last;
    const block = last && last.table === table && last.field === field && last.rendering === rendering ? last : this.blockOf(table, field, rendering);
    const n = block.rows.length;
    block.rows.push(row);
    block.cols.push(col);
    for (let k = 0; k < key.length; k++) {
      const value = key[k] as string | number;
      const column = block.keys[k];
      if (!column) block.keys[k] = { first: value, each: null };
      else if (column.each) column.each.push(value);
      else if (value !== column.first) (column.each = new Array<string | number>(n).fill(column.first)).push(value);
    }
  }

  private blockOf(table: string, field: string, rendering: Rendering): BlockBuilder {
    // A form binds a handful of kinds, each to many cells.
    let block = this.blocks.find((b) => b.table === table && b.field === field && sameRendering(b.rendering, rendering));
    if (!block) this.blocks.push((block = { table, field, rendering, rows: [], cols: [], keys: [] }));
    this.last = block;
    return block;
  }

  stored(): CellBlock[] {
    return this.blocks.map(({ table, field, rendering, rows, cols, keys }) => ({ table, field, ...rendering, rows, cols, keys: keys.map((k) => k.each ?? { all: k.first }) }));
  }
}

/** A binding as import stages it: its cells still being collected. */
export type StagedBinding = Omit<Binding, 'version' | 'cells'> & { cells: BoundCells };

/** The JSON kept in table `workbook`: version 3 of the binding. */
export function storedBinding(binding: StagedBinding): string {
  const { cells, ...rest } = binding;
  return JSON.stringify({ ...rest, version: 3, blocks: cells.stored() });
}
