// The indicator matrix and the village list: the parts of the matrix screen beyond 'matrix.get'.
import { z } from 'zod';
import { method } from './define';
import { CriteriaSet, Id, MarkKind, Plan, Unit, UnitStatus, Year } from '../model';

export const IndicatorValue = z.object({
  unitId: Id,
  indicatorId: Id,
  year: Year,
  kind: MarkKind,
  value: z.number().nullable(),
  text: z.string().nullable(),
});
export type IndicatorValue = z.infer<typeof IndicatorValue>;

export const IndicatorSide = z.object({ year: Year, kind: MarkKind, values: z.array(IndicatorValue) });
export type IndicatorSide = z.infer<typeof IndicatorSide>;

/** Indicator values commune by commune, in the order of the set's indicators; null where none is stored, trailing nulls left out. */
const PackedIndicatorSide = z.object({ year: Year, kind: MarkKind, values: z.array(z.number().nullable()) });

/**
 * One side of the criterion matrix packed for the wire: one character per commune × criterion cell ('1'
 * met, '0' not met, '.' no mark) instead of an object per mark, so a 3,321 × 19 matrix travels as ~63 KB
 * rather than megabytes of JSON; `metYears` holds [cell index, year met] for the marks that carry a year.
 */
export const PackedSide = z.object({ year: Year, kind: MarkKind, cells: z.string(), metYears: z.array(z.tuple([z.number(), z.number()])), statuses: z.array(UnitStatus) });
export type PackedSide = z.infer<typeof PackedSide>;

export const matrixMethods = {
  /** 'matrix.get' for the grid: the same matrix with its marks packed (PackedSide). */
  'matrix.open': method(
    z.object({ planId: Id }).strict(),
    z.object({ plan: Plan, set: CriteriaSet, communes: z.array(Unit), actual: PackedSide, planned: PackedSide }),
  ),
  'matrix.indicators': method(
    z.object({ planId: Id }).strict(),
    z.object({ set: CriteriaSet, communes: z.array(Unit), actual: PackedIndicatorSide, planned: PackedIndicatorSide }),
  ),
  'matrix.villages': method(
    z.object({ planId: Id }).strict(),
    z.object({ year: Year, communes: z.array(Unit), villages: z.array(Unit), statuses: z.array(UnitStatus) }),
  ),
} as const;
