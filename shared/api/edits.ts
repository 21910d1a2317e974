// Undoable edits: every user action (a typed cell, a paste, a fill, an import) is one list of changes
// applied in one transaction and recorded as one undo step, addressed by SQLite table/key/column.
import { z } from 'zod';
import { empty, method } from './define';

export const Scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type Scalar = z.infer<typeof Scalar>;

const Identifier = z.string().regex(/^[a-z_][a-z0-9_]*$/).max(64);
const Key = z.array(z.union([z.string(), z.number()])).min(1).max(8);

export const Change = z.discriminatedUnion('op', [
  z.object({ op: z.literal('set'), table: Identifier, key: Key, field: Identifier, value: Scalar }).strict(),
  z.object({ op: z.literal('insert'), table: Identifier, row: z.record(Identifier, Scalar) }).strict(),
  z.object({ op: z.literal('delete'), table: Identifier, key: Key }).strict(),
]);
export type Change = z.infer<typeof Change>;

/** A 3,321 × 57 indicator block is the largest paste we expect; a little headroom above it. */
export const MAX_CHANGES_PER_STEP = 250_000;

const History = z.object({ canUndo: z.boolean(), canRedo: z.boolean() });

export const editMethods = {
  'edits.apply': method(
    z.object({ label: z.string().trim().min(1).max(200), changes: z.array(Change).min(1).max(MAX_CHANGES_PER_STEP) }).strict(),
    History.extend({ stepId: z.number().int() }),
  ),
  'edits.undo': method(empty, History.extend({ changes: z.array(Change) })),
  'edits.redo': method(empty, History.extend({ changes: z.array(Change) })),
  'edits.state': method(empty, History.extend({ undoLabel: z.string().nullable(), redoLabel: z.string().nullable() })),
} as const;
