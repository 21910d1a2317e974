// How an undo step's changes are kept in undo_step.forward / .inverse: a JSON array with one element per
// change, except that a run of inserts of the same columns into one table (an import's 60,000 marks) is one
// element with a row of values per insert, and a run of deletes from one table one element with their keys.
// Steps recorded before runs were grouped are plain arrays of changes and read the same.
import type { Change, Scalar } from '../../../shared/api/edits';

type Key = Extract<Change, { op: 'delete' }>['key'];

type Stored = Change | { op: 'inserts'; table: string; columns: string[]; rows: Scalar[][] } | { op: 'deletes'; table: string; keys: Key[] };

/** Shorter runs stay one element per change. */
const MIN_RUN = 8;

export function encodeChanges(changes: readonly Change[]): string {
  const out: Stored[] = [];
  for (let i = 0; i < changes.length; ) {
    const change = changes[i] as Change;
    const end = runEnd(changes, i);
    if (end - i < MIN_RUN) {
      out.push(change);
      i++;
      continue;
    }
    const run = changes.slice(i, end);
    if (change.op === 'insert') {
      const columns = Object.keys(change.row);
      out.push({ op: 'inserts', table: change.table, columns, rows: run.map((c) => Object.values((c as Extract<Change, { op: 'insert' }>).row)) });
    } else {
      out.push({ op: 'deletes', table: change.table, keys: run.map((c) => (c as Extract<Change, { op: 'delete' }>).key) });
    }
    i = end;
  }
  return JSON.stringify(out);
}

export function decodeChanges(text: string): Change[] {
  const stored = JSON.parse(text) as Stored[];
  const changes: Change[] = [];
  for (const item of stored) {
    if (item.op === 'inserts') {
      for (const values of item.rows) {
        const row: Record<string, Scalar> = {};
        item.columns.forEach((column, k) => (row[column] = values[k] as Scalar));
        changes.push({ op: 'insert', table: item.table, row });
      }
    } else if (item.op === 'deletes') {
      for (const key of item.keys) changes.push({ op: 'delete', table: item.table, key });
    } else {
      changes.push(item);
    }
  }
  return changes;
}

/** End (exclusive) of the run of inserts with the same columns, or deletes, into the table of changes[start]. */
function runEnd(changes: readonly Change[], start: number): number {
  const first = changes[start] as Change;
  if (first.op === 'set') return start + 1;
  const columns = first.op === 'insert' ? Object.keys(first.row) : null;
  if (first.op === 'insert' && !sameColumns(columns as string[], first.row)) return start + 1;
  let end = start + 1;
  for (; end < changes.length; end++) {
    const next = changes[end] as Change;
    if (next.op !== first.op || next.table !== first.table) break;
    if (columns && next.op === 'insert' && !sameColumns(columns, next.row)) break;
  }
  return end;
}

/** The row has exactly these columns, in this order, each with a value (JSON keeps no undefined in arrays). */
function sameColumns(columns: readonly string[], row: Record<string, Scalar>): boolean {
  let n = 0;
  for (const key in row) if (columns[n++] !== key || row[key] === undefined) return false;
  return n === columns.length;
}
