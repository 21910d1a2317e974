import type { HandlerMap } from '../context';
import { buildSummary } from '../summary';
import { dashboardHandlers } from './dashboard';
import { documentHandlers } from './documents';
import { editHandlers } from './edits';
import { fundingHandlers } from './funding';
import { importHandlers } from './import';
import { matrixHandlers } from './matrix';
import { criteriaHandlers, planHandlers } from './plans';
import { printHandlers } from './print';
import { unitHandlers } from './units';
import { validationHandlers } from './validation';
import { documentInfo } from './documents';

const VERSION = '0.1.0';

/** Every method of the contract; the type makes a missing one a compile error. */
export const handlers: HandlerMap = {
  'app.info': (_args, ctx) => ({ version: VERSION, dataDir: ctx.dataDir, document: ctx.hasDocument() ? documentInfo(ctx.doc()) : null }),
  'summary.get': (_args, ctx) => buildSummary(ctx.doc()),
  ...documentHandlers,
  ...dashboardHandlers,
  ...unitHandlers,
  ...criteriaHandlers,
  ...planHandlers,
  ...editHandlers,
  ...fundingHandlers,
  ...importHandlers,
  ...matrixHandlers,
  ...printHandlers,
  ...validationHandlers,
};
