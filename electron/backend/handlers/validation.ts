import type { HandlerMap } from '../context';
import { getPlan } from '../repo/plans';
import { loadRuleTables, planScope } from '../validation/load';
import { validateDocument } from '../validation/validate';

export const validationHandlers = {
  'validation.run': ({ planId }, ctx) => ({ findings: validateDocument(ctx.doc().db, planId === undefined ? {} : { planId }) }),
  'validation.data': ({ planId }, ctx) => {
    const db = ctx.doc().db;
    const plan = planScope(getPlan(db, planId));
    return { plan, tables: loadRuleTables(db, plan) };
  },
} satisfies Partial<HandlerMap>;
