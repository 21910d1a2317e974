import type { HandlerMap } from '../context';
import { barUnits } from '../dashboard/bar-units';
import { saveChartImage } from '../dashboard/chart-image';
import { dashboardData } from '../dashboard/charts';
import { planNarrative } from '../dashboard/narrative';
import { loadSnapshot } from '../dashboard/snapshot';

export const dashboardHandlers = {
  'dashboard.get': ({ planId, year }, ctx) => {
    const db = ctx.doc().db;
    return dashboardData(db, loadSnapshot(db, planId, year));
  },
  'dashboard.units': (selection, ctx) => barUnits(ctx.doc().db, selection),
  'narrative.get': ({ planId, year }, ctx) => planNarrative(ctx.doc().db, planId, year),
  'dashboard.saveChart': ({ name, dataUrl }, ctx) => saveChartImage(ctx.files, name, dataUrl),
} satisfies Partial<HandlerMap>;
