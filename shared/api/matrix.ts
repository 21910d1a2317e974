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

const PackedSide = z.object({ year: Year, kind: MarkKind, cells: z.string(), metYears: z.array(z.tuple([z.number(), z.number()])), statuses: z.array(UnitStatus) });

export const matrixMethods = {
  /** 'matrix.get' for the grid: the same matrix with its marks packed (shared/domain/matrix-pack.ts). */
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
