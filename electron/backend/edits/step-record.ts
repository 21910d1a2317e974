// How an undo step's changes are kept in undo_step.forward / .inverse: a JSON array with one element per
// change, except that a run of inserts of the same columns into one table (an import's 60,000 marks) is one
// element holding each column's values, and so is a run of deletes from one table (their keys' columns); a
// column with one value throughout (the year, the side) is written once. An import stages its matrix as such
// a run from the start (InsertRun), so it is applied and recorded without an object per mark. Steps recorded
// before runs were grouped are plain arrays of changes and read the same.
import type { Change, Scalar } from '../../../shared/api/edits';

/** A column's values, or the one value every row has. */
export type Column = Scalar[] | { all: Scalar };

/** Many inserts of the same columns into one table, held column by column (an import's matrix of marks). */
export interface InsertRun {
  op: 'inserts';
  table: string;
  count: number;
  columns: string[];
  values: Column[];
}

/** Many deletes from one table, their keys held column by column (the inverse of an InsertRun). */
export interface DeleteRun {
  op: 'deletes';
  table: string;
  count: number;
  keys: Column[];
}

/** One element of a recorded step: a change, or a run of inserts or deletes kept whole. */
export type StepItem = Change | InsertRun | DeleteRun;

/** Shorter runs stay one element per change. */
const MIN_RUN = 8;

export function encodeChanges(changes: readonly StepItem[]): string {
  return JSON.stringify(groupRuns(changes, { inserts: () => true, deletes: true }));
}

/** Which runs `groupRuns` makes: of inserts (by their first insert), and of deletes. */
interface Grouping {
  inserts: (first: Extract<Change, { op: 'insert' }>) => boolean;
  deletes: boolean;
}

/** The changes with each run of at least MIN_RUN inserts of the same columns, or deletes, into one table made one item. */
export function groupRuns(changes: readonly StepItem[], grouping: Grouping): StepItem[] {
  const out: StepItem[] = [];
  for (let i = 0; i < changes.length; ) {
    const change = changes[i] as StepItem;
    const groupable = change.op === 'insert' ? grouping.inserts(change) : change.op === 'delete' && grouping.deletes;
    const end = groupable ? runEnd(changes, i) : i + 1;
    if (end - i < MIN_RUN) {
      out.push(change);
      i++;
      continue;
    }
    if (change.op === 'insert') {
      const columns = Object.keys(change.row);
      const values = columns.map((column) => columnOf(changes, i, end, (c) => (c as Extract<Change, { op: 'insert' }>).row[column] as Scalar));
      out.push({ op: 'inserts', table: change.table, count: end - i, columns, values });
    } else if (change.op === 'delete') {
      const keys = change.key.map((_v, k) => columnOf(changes, i, end, (c) => (c as Extract<Change, { op: 'delete' }>).key[k] as Scalar));
      out.push({ op: 'deletes', table: change.table, count: end - i, keys });
    }
    i = end;
  }
  return out;
}

function columnOf(changes: readonly StepItem[], start: number, end: number, value: (change: Change) => Scalar): Column {
  const first = value(changes[start] as Change);
  let i = start + 1;
  while (i < end && value(changes[i] as Change) === first) i++;
  if (i === end) return { all: first };
  const values: Scalar[] = new Array<Scalar>(end - start);
  for (let k = start; k < end; k++) values[k - start] = value(changes[k] as Change);
  return values;
}

const valueAt = (column: Column, row: number): Scalar => (Array.isArray(column) ? (column[row] as Scalar) : column.all);

/** Row `r` of a run as one insert's row. */
export function runRow(run: InsertRun, r: number): Record<string, Scalar> {
  const row: Record<string, Scalar> = {};
  run.columns.forEach((column, k) => (row[column] = valueAt(run.values[k] as Column, r)));
  return row;
}

export function decodeChanges(text: string): Change[] {
  const stored = JSON.parse(text) as StepItem[];
  const changes: Change[] = [];
  for (const item of stored) {
    if (item.op === 'inserts') {
      for (let r = 0; r < item.count; r++) changes.push({ op: 'insert', table: item.table, row: runRow(item, r) });
    } else if (item.op === 'deletes') {
      for (let r = 0; r < item.count; r++) changes.push({ op: 'delete', table: item.table, key: item.keys.map((column) => valueAt(column, r) as string | number) });
    } else {
      changes.push(item);
    }
  }
  return changes;
}

/** End (exclusive) of the run of inserts with the same columns, or deletes, into the table of changes[start]. */
function runEnd(changes: readonly StepItem[], start: number): number {
  const first = changes[start] as Change;
  if (first.op === 'set') return start + 1;
  const columns = first.op === 'insert' ? Object.keys(first.row) : null;
  if (first.op === 'insert' && !sameColumns(columns as string[], first.row)) return start + 1;
  let end = start + 1;
  for (; end < changes.length; end++) {
    const next = changes[end] as StepItem;
    if (next.op !== first.op || next.table !== first.table) break;
    if (columns && next.op === 'insert' && !sameColumns(columns, next.row)) break;
    if (first.op === 'delete' && next.op === 'delete' && next.key.length !== first.key.length) break;
  }
  return end;
}

/** The row has exactly these columns, in this order, each with a value (JSON keeps no undefined in arrays). */
function sameColumns(columns: readonly string[], row: Record<string, Scalar>): boolean {
  let n = 0;
  for (const key in row) if (columns[n++] !== key || row[key] === undefined) return false;
  return n === columns.length;
}
