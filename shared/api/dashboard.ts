// The dashboard's chart data, the generated plan paragraphs and chart images handed out as files.
import { z } from 'zod';
import { method } from './define';
import { FileRef, Id, Year } from '../model';
import { Narrative } from '../narrative/generate';

const PlanYear = z.object({ planId: Id.optional(), year: Year.optional() }).strict();

const Side = z.enum(['actual', 'planned']);

export const DashboardData = z.object({
  plan: z.object({ id: Id, name: z.string() }),
  year: Year,
  actualYear: Year,
  /** Communes the plan covers. */
  communes: z.number().int(),
  /** Communes by number of criteria met, at 31/12 of last year and planned for the year. */
  buckets: z.array(z.object({ label: z.string(), actual: z.number().int(), planned: z.number().int() })),
  /** Communes meeting each criterion. */
  criteria: z.array(z.object({ no: z.number().int(), name: z.string(), actual: z.number().int(), planned: z.number().int() })),
  /** Status at 31/12 of every year recorded for the plan's criteria set. */
  progress: z.array(z.object({ year: Year, fullyMet: z.number().int(), average: z.number() })),
  resources: z.array(z.object({ sourceId: Id, label: z.string(), amount: z.number() })),
  investment: z.array(z.object({ unitId: Id, name: z.string(), amount: z.number(), projects: z.number().int() })),
});
export type DashboardData = z.infer<typeof DashboardData>;

export const ChartId = z.enum(['buckets', 'criteria', 'progress', 'resources', 'investment', 'findings']);
export type ChartId = z.infer<typeof ChartId>;

export const dashboardMethods = {
  'dashboard.get': method(PlanYear, DashboardData),
  /** The communes behind a bar (a bucket or a criterion, on one side), to open their rows in the matrix. */
  'dashboard.units': method(
    z.object({ planId: Id, year: Year.optional(), side: Side, bucket: z.string().max(50).optional(), criterionNo: z.number().int().min(1).optional() }).strict(),
    z.array(z.object({ id: Id, name: z.string() })),
  ),
  'narrative.get': method(PlanYear, Narrative),
  /** A chart rendered as PNG in the renderer, kept as a file for download or for a printed annex. */
  'dashboard.saveChart': method(
    z.object({ chart: ChartId, name: z.string().trim().min(1).max(120), dataUrl: z.string().startsWith('data:image/png;base64,').max(30_000_000) }).strict(),
    FileRef,
  ),
} as const;
