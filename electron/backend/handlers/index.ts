import type { HandlerMap } from '../context';
import { buildSummary } from '../summary';
import { dashboardHandlers } from './dashboard';
import { documentHandlers, documentInfo } from './documents';
import { editHandlers } from './edits';
import { exportHandlers } from './export';
import { fundingHandlers } from './funding';
import { importHandlers } from './import';
import { matrixHandlers } from './matrix';
import { criteriaHandlers, planHandlers } from './plans';
import { printHandlers } from './print';
import { unitHandlers } from './units';
import { validationHandlers } from './validation';
import pkg from '../../../package.json';

/** Every method of the contract; the type makes a missing one a compile error. */
export const handlers: HandlerMap = {
  'app.info': (_args, ctx) => ({ version: pkg.version, dataDir: ctx.dataDir, document: ctx.hasDocument() ? documentInfo(ctx.doc()) : null }),
  'summary.get': (_args, ctx) => buildSummary(ctx.doc()),
  'tasks.cancel': ({ taskId }, ctx) => {
    ctx.cancelTask(taskId);
    return { ok: true as const };
  },
  ...documentHandlers,
  ...dashboardHandlers,
  ...unitHandlers,
  ...criteriaHandlers,
  ...planHandlers,
  ...editHandlers,
  ...exportHandlers,
  ...fundingHandlers,
  ...importHandlers,
  ...matrixHandlers,
  ...printHandlers,
  ...validationHandlers,
};
