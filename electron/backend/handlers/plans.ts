import type { HandlerMap } from '../context';
import { deleteIndicator, listCriteriaSets, saveIndicator } from '../repo/criteria';
import { loadMatrixSide, matrixScope } from '../repo/matrix';
import { createPlan, deletePlan, listPlans, updatePlan } from '../repo/plans';

export const criteriaHandlers = {
  'criteria.sets': (_args, ctx) => listCriteriaSets(ctx.doc().db),
  'criteria.saveIndicator': (input, ctx) => saveIndicator(ctx.doc().db, input),
  'criteria.deleteIndicator': ({ id }, ctx) => {
    deleteIndicator(ctx.doc().db, id);
    return { ok: true as const };
  },
} satisfies Partial<HandlerMap>;

export const planHandlers = {
  'plans.list': (_args, ctx) => listPlans(ctx.doc().db),
  'plans.create': (input, ctx) => createPlan(ctx.doc().db, input),
  'plans.update': ({ id, ...patch }, ctx) => updatePlan(ctx.doc().db, id, patch),
  'plans.delete': ({ id }, ctx) => {
    deletePlan(ctx.doc().db, id);
    return { ok: true as const };
  },
  'matrix.get': ({ planId }, ctx) => {
    const db = ctx.doc().db;
    const { plan, set, communes } = matrixScope(db, planId);
    return {
      plan,
      set,
      communes,
      actual: loadMatrixSide(db, set.id, plan.yearStart - 1, 'actual'),
      planned: loadMatrixSide(db, set.id, plan.yearStart, 'plan'),
    };
  },
} satisfies Partial<HandlerMap>;
