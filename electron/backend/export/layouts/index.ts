// The built-in layouts: forms that can be produced without the province's own workbook.
import type Database from 'better-sqlite3';
import type { Unit } from '../../../../shared/model';
import { buildBieu01 } from './bieu01';
import { buildBieu04 } from './bieu04';
import { buildBieu05 } from './bieu05';
import type { Issuer } from './frame';

export interface LayoutScope {
  /** The communes the form covers: every commune of the plan, or the one commune of a per-commune export. */
  communes: Unit[];
  /** Set when the form is produced for one commune. */
  unitId: number | null;
}

export interface BuiltInLayout {
  /** Whether a district can send each commune its own copy of this form. */
  perCommune: boolean;
  build(db: Database.Database, issuer: Issuer, scope: LayoutScope): Promise<Uint8Array>;
}

export const BUILT_IN_LAYOUTS: Record<string, BuiltInLayout> = {
  bieu01: { perCommune: true, build: (db, issuer, scope) => buildBieu01(db, issuer, scope.communes) },
  bieu04: { perCommune: false, build: (db, issuer) => buildBieu04(db, issuer) },
  bieu05: { perCommune: true, build: (db, issuer, scope) => buildBieu05(db, issuer, scope.unitId) },
};
