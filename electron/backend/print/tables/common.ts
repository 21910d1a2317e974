import type Database from 'better-sqlite3';
import { formatAmount } from '../../../../shared/format/vi';
import type { PrintOptions } from '../../../../shared/api/print';
import type { Plan, Unit } from '../../../../shared/model';
import { listUnits } from '../../repo/units';
import type { Annex } from '../annex';

/** What every table builder gets: the open document, the plan and the print options. */
export interface TableInput {
  db: Database.Database;
  plan: Plan;
  options: PrintOptions;
  /** The plan year shown: options.year (one of the plan's years) or the plan's first year. */
  year: number;
}

export type TableBuilder = (input: TableInput) => Annex;

/** Amounts in million VND the Vietnamese way; printed tables show a zero as "-". */
export function amount(value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return value === 0 ? '-' : formatAmount(value, 3);
}

/** Names of every unit, merged ones included (old projects may name a commune merged since). */
export function unitNames(db: Database.Database): Map<number, Unit> {
  return new Map(listUnits(db, undefined, true).map((u) => [u.id, u]));
}

