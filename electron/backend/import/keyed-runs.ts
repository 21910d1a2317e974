// New rows of one field whose keys differ only in two integer ids (commune × criterion, for one year and
// side), staged column by column for the whole batch: a matrix of 60,000 marks becomes one insert run per
// file, not 60,000 row objects. Each file's rows are a range of the store, taken when the file is staged.
import type { Scalar } from '../../../shared/api/edits';
import type { InsertRun } from '../edits/step-record';

// Two ids packed this way stay a small integer, which a Map hashes fastest (communes < 2^20, criteria < 2^10).
const ID0_LIMIT = 2 ** 20;
const ID1_LIMIT = 2 ** 10;

export class KeyedRows {
  readonly ids0: number[] = [];
  readonly ids1: number[] = [];
  readonly values: Scalar[] = [];
  /** Where each pair of the rows before `indexed` is; filled only once a second file stages here. */
  private readonly index = new Map<number | string, number>();
  private indexed = 0;

  constructor(
    readonly table: string,
    /** The table's key columns: the two ids, then the columns of `rest`. */
    private readonly keyColumns: readonly string[],
    readonly field: string,
    readonly rest: readonly (string | number)[],
  ) {}

  get length(): number {
    return this.ids0.length;
  }

  /**
   * Stage a new row for the file whose rows start at `start`; false when an earlier file of the batch staged
   * the row: the caller then sets it after that file's insert. A file stages each pair of ids at most once.
   */
  stage(id0: number, id1: number, value: Scalar, start: number): boolean {
    if (start > 0) {
      for (; this.indexed < start; this.indexed++) this.index.set(slotKey(this.ids0[this.indexed] as number, this.ids1[this.indexed] as number), this.indexed);
      if (this.index.has(slotKey(id0, id1))) return false;
    }
    this.ids0.push(id0);
    this.ids1.push(id1);
    this.values.push(value);
    return true;
  }

  /** The inserts of rows [start, end): what one file staged. */
  run(start: number, end: number): InsertRun {
    return {
      op: 'inserts',
      table: this.table,
      count: end - start,
      columns: [...this.keyColumns, this.field],
      values: [this.ids0.slice(start, end), this.ids1.slice(start, end), ...this.rest.map((all) => ({ all })), this.values.slice(start, end)],
    };
  }
}

/** One number for a pair of ids while they are small enough to pack exactly, else text. */
function slotKey(id0: number, id1: number): number | string {
  return id0 >= 0 && id1 >= 0 && id0 < ID0_LIMIT && id1 < ID1_LIMIT ? id0 * ID1_LIMIT + id1 : `${id0}:${id1}`;
}

/** The batch's keyed rows, one store per table, field and fixed key rest. */
export class KeyedRowsByField {
  private readonly stores = new Map<string, KeyedRows>();

  of(table: string, keyColumns: readonly string[], field: string, rest: readonly (string | number)[]): KeyedRows {
    const id = JSON.stringify([table, field, rest]);
    let store = this.stores.get(id);
    if (!store) this.stores.set(id, (store = new KeyedRows(table, keyColumns, field, rest)));
    return store;
  }
}
