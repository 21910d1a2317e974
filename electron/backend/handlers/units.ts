import type { HandlerMap } from '../context';
import { createUnit, deleteUnit, listUnits, mergeCommunes, mergeHistory, renameUnit } from '../repo/units';

export const unitHandlers = {
  'units.list': ({ kind, includeMerged }, ctx) => listUnits(ctx.doc().db, kind, includeMerged),
  'units.create': (input, ctx) => createUnit(ctx.doc().db, input),
  'units.rename': ({ id, name }, ctx) => renameUnit(ctx.doc().db, id, name),
  'units.delete': ({ id }, ctx) => {
    const db = ctx.doc().db;
    db.transaction(() => deleteUnit(db, id))();
    return { ok: true as const };
  },
  'units.merge': ({ ids, name }, ctx) => {
    const db = ctx.doc().db;
    return db.transaction(() => mergeCommunes(db, ids, name))();
  },
  'units.history': ({ id }, ctx) => mergeHistory(ctx.doc().db, id),
} satisfies Partial<HandlerMap>;
