import type { HandlerMap } from '../context';
import { getPlan } from '../repo/plans';
import { loadRuleTables, planScope } from '../validation/load';
import { validateDocument } from '../validation/validate';
import { workbookFindings } from '../validation/workbooks';

export const validationHandlers = {
  'validation.run': async ({ planId }, ctx) => {
    const db = ctx.doc().db;
    const rules = validateDocument(db, planId === undefined ? {} : { planId });
    return { findings: [...rules, ...(await workbookFindings(db, planId))] };
  },
  'validation.data': ({ planId }, ctx) => {
    const db = ctx.doc().db;
    const plan = planScope(getPlan(db, planId));
    return { plan, tables: loadRuleTables(db, plan) };
  },
} satisfies Partial<HandlerMap>;
