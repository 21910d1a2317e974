// Undoable edits: every user action (a typed cell, a paste, a fill, an import) is one list of changes
// applied in one transaction and recorded as one undo step, addressed by SQLite table/key/column.
import { z } from 'zod';
import { empty, method } from './define';

export const Scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type Scalar = z.infer<typeof Scalar>;
type Key = (string | number)[];
export type Change =
  | { op: 'set'; table: string; key: Key; field: string; value: Scalar }
  | { op: 'insert'; table: string; row: Record<string, Scalar> }
  | { op: 'delete'; table: string; key: Key };

/** A 3,321 × 57 indicator block is the largest paste we expect; a little headroom above it. */
export const MAX_CHANGES_PER_STEP = 250_000;

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,63}$/;
const isScalar = (v: unknown): v is Scalar => v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
const isKey = (v: unknown): v is Key =>
  Array.isArray(v) && v.length >= 1 && v.length <= 8 && v.every((k) => typeof k === 'string' || (typeof k === 'number' && Number.isFinite(k)));
const hasOnly = (o: object, keys: readonly string[]) => Object.keys(o).every((k) => keys.includes(k));

/**
 * The shape of one change. Hand-written rather than a zod union: a pasted block is tens of thousands
 * of changes, and this check runs where requests enter the backend. Tables, columns and value types
 * are checked against the registry when the changes are applied.
 */
export function isChange(v: unknown): v is Change {
  if (typeof v !== 'object' || v === null) return false;
  const c = v as Record<string, unknown>;
  if (typeof c.table !== 'string' || !IDENTIFIER.test(c.table)) return false;
  if (c.op === 'set') return hasOnly(c, ['op', 'table', 'key', 'field', 'value']) && isKey(c.key) && typeof c.field === 'string' && IDENTIFIER.test(c.field) && isScalar(c.value);
  if (c.op === 'delete') return hasOnly(c, ['op', 'table', 'key']) && isKey(c.key);
  if (c.op !== 'insert' || !hasOnly(c, ['op', 'table', 'row']) || typeof c.row !== 'object' || c.row === null || Array.isArray(c.row)) return false;
  return Object.entries(c.row).every(([k, value]) => IDENTIFIER.test(k) && isScalar(value));
}

export const Change = z.custom<Change>(isChange, { message: 'not a change: { op: set|insert|delete, table, key|row, field, value }' });

const History = z.object({ canUndo: z.boolean(), canRedo: z.boolean() });

/** How many findings a plan has once a save is checked (also pushed to every window as 'validation.changed'). */
export const PlanFindingCounts = z.object({ planId: z.number().int(), errors: z.number().int().nonnegative(), warnings: z.number().int().nonnegative() });
export type PlanFindingCounts = z.infer<typeof PlanFindingCounts>;

/**
 * A saved step, checked by the rules it touches: every plan's findings after it. A step too big to check
 * before answering (a whole-matrix paste), or the first save of a big document (whose rules load in full
 * then), answers without them; its counts follow as 'validation.changed'.
 */
const Saved = History.extend({ findings: z.array(PlanFindingCounts).optional() });

export const editMethods = {
  'edits.apply': method(
    z.object({ label: z.string().trim().min(1).max(200), changes: z.array(Change).min(1).max(MAX_CHANGES_PER_STEP) }).strict(),
    Saved.extend({ stepId: z.number().int() }),
  ),
  'edits.undo': method(empty, Saved.extend({ changes: z.array(Change) })),
  'edits.redo': method(empty, Saved.extend({ changes: z.array(Change) })),
  'edits.state': method(empty, History.extend({ undoLabel: z.string().nullable(), redoLabel: z.string().nullable() })),
} as const;
