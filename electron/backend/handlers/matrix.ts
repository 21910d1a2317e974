import '../matrix/editable-tables';
import type { HandlerMap } from '../context';
import { loadIndicatorGrid, loadPackedMatrixSide, loadStatuses, matrixScope } from '../repo/matrix';
import { getPlan } from '../repo/plans';
import { listUnits } from '../repo/units';

export const matrixHandlers = {
  'matrix.open': ({ planId }, ctx) => {
    const db = ctx.doc().db;
    const { plan, set, communes } = matrixScope(db, planId);
    const unitIds = communes.map((c) => c.id);
    const criterionIds = set.criteria.map((c) => c.id);
    const side = (year: number, kind: 'actual' | 'plan') => loadPackedMatrixSide(db, year, kind, unitIds, criterionIds);
    return { plan, set, communes, actual: side(plan.yearStart - 1, 'actual'), planned: side(plan.yearStart, 'plan') };
  },
  'matrix.indicators': ({ planId }, ctx) => {
    const db = ctx.doc().db;
    const { plan, set, communes } = matrixScope(db, planId);
    const unitIds = communes.map((c) => c.id);
    const indicatorIds = set.criteria.flatMap((c) => c.indicators.map((i) => i.id));
    const side = (year: number, kind: 'actual' | 'plan') => ({ year, kind, values: loadIndicatorGrid(db, year, kind, unitIds, indicatorIds) });
    return { set, communes, actual: side(plan.yearStart - 1, 'actual'), planned: side(plan.yearStart, 'plan') };
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
