// The indicator matrix and the village list: the parts of the matrix screen beyond 'matrix.get'.
import { z } from 'zod';
import { method } from './define';
import { CriteriaSet, Id, MarkKind, Unit, UnitStatus, Year } from '../model';

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

export const matrixMethods = {
  'matrix.indicators': method(
    z.object({ planId: Id }).strict(),
    z.object({ set: CriteriaSet, communes: z.array(Unit), actual: IndicatorSide, planned: IndicatorSide }),
  ),
  'matrix.villages': method(
    z.object({ planId: Id }).strict(),
    z.object({ year: Year, communes: z.array(Unit), villages: z.array(Unit), statuses: z.array(UnitStatus) }),
  ),
} as const;
