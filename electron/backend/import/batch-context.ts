// What the files of one import batch share: the document, the communes (known and to be created), the
// plans, fresh ids for rows that later cells refer to, and the user's choices.
import type Database from 'better-sqlite3';
import type { Scalar } from '../../../shared/api/edits';
import type { FormDefinition } from './form-definition';
import { KeyedRowsByField } from './keyed-runs';
import { PlanResolver } from './plan-resolver';
import { RowIndex } from './row-id';
import { UnitDirectory } from './unit-directory';

export interface BatchOptions {
  year?: number | undefined;
  createUnits: boolean;
}

export class BatchContext {
  readonly units: UnitDirectory;
  readonly plans: PlanResolver;
  private readonly nextIds = new Map<string, number>();
  /** Rows the batch inserts, by table and key (see StageBuilder). */
  readonly newRows = new RowIndex<Record<string, Scalar>>();
  /** Rows the batch inserts column by column (see StageBuilder.setKeyed). */
  readonly keyedRows = new KeyedRowsByField();

  constructor(
    readonly db: Database.Database,
    readonly forms: readonly FormDefinition[],
    readonly options: BatchOptions,
  ) {
    this.units = new UnitDirectory(db, options.createUnits);
    this.plans = new PlanResolver(db);
  }

  /** A fresh integer id for a new row of `table`, unique across the batch, so later cells can refer to it. */
  nextId(table: 'project' | 'recurrent_content' | 'target_indicator'): number {
    let next = this.nextIds.get(table);
    if (next === undefined) next = (this.db.prepare(`SELECT coalesce(max(id), 0) + 1 AS id FROM ${table}`).get() as { id: number }).id;
    this.nextIds.set(table, next + 1);
    return next;
  }
}
