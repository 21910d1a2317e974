import '../matrix/editable-tables';
import type { IndicatorSide } from '../../../shared/api/matrix';
import { packSide } from '../../../shared/domain/matrix-pack';
import type { HandlerMap } from '../context';
import { planHandlers as handlers } from './plans';
import { getCriteriaSet } from '../repo/criteria';
import { loadIndicatorSide, loadStatuses } from '../repo/matrix';
import { getPlan } from '../repo/plans';
import { getUnit, listUnits } from '../repo/units';

export const matrixHandlers = {
  'matrix.open': async ({ planId }, ctx) => {
    const matrix = await handlers['matrix.get']({ planId }, ctx);
    const unitIds = matrix.communes.map((c) => c.id);
    const criterionIds = matrix.set.criteria.map((c) => c.id);
    return { ...matrix, actual: packSide(unitIds, criterionIds, matrix.actual), planned: packSide(unitIds, criterionIds, matrix.planned) };
  },
  'matrix.indicators': ({ planId }, ctx) => {
    const db = ctx.doc().db;
    const plan = getPlan(db, planId);
    const set = getCriteriaSet(db, plan.criteriaSetId);
    const communes = plan.level === 'commune' && plan.unitId !== null ? [getUnit(db, plan.unitId)] : listUnits(db, 'commune');
    const indicatorIds = set.criteria.flatMap((c) => c.indicators.map((i) => i.id));
    const pack = (side: IndicatorSide) => {
      const stored = new Map(side.values.map((v) => [`${v.unitId}:${v.indicatorId}`, v.value]));
      return { year: side.year, kind: side.kind, values: communes.flatMap((c) => indicatorIds.map((id) => stored.get(`${c.id}:${id}`) ?? null)) };
    };
    return {
      set,
      communes,
      actual: pack(loadIndicatorSide(db, set.id, plan.yearStart - 1, 'actual')),
      planned: pack(loadIndicatorSide(db, set.id, plan.yearStart, 'plan')),
    };
  },
  'matrix.villages': ({ planId }, ctx) => {
    const db = ctx.doc().db;
    const plan = getPlan(db, planId);
    // Villages carry their recognition as the status at 31/12 of the year before the plan.
    const year = plan.yearStart - 1;
    const communes = listUnits(db, 'commune');
    const inPlan = plan.level === 'commune' && plan.unitId !== null ? new Set([plan.unitId]) : new Set(communes.map((c) => c.id));
    const villages = listUnits(db, 'village').filter((v) => v.parentId !== null && inPlan.has(v.parentId));
    const ids = new Set(villages.map((v) => v.id));
    return { year, communes: communes.filter((c) => inPlan.has(c.id)), villages, statuses: loadStatuses(db, year, 'actual').filter((s) => ids.has(s.unitId)) };
  },
} satisfies Partial<HandlerMap>;
