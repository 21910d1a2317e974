// The dashboard's chart data, the generated plan paragraphs and chart images handed out as files.
import { z } from 'zod';
import { method } from './define';
import { FileRef, Id, Year } from '../model';
import { Narrative } from '../narrative/generate';

const PlanYear = z.object({ planId: Id.optional(), year: Year.optional() }).strict();

/** A bar that stands for units: clicking it opens those rows in the matrix. */
const UnitBar = z.object({ count: z.number().int(), unitIds: z.array(Id) });

export const DashboardData = z.object({
  plan: z.object({ id: Id, name: z.string() }),
  year: Year,
  actualYear: Year,
  /** The communes the plan covers, in the office's order. */
  communes: z.array(z.object({ id: Id, name: z.string() })),
  buckets: z.array(z.object({ label: z.string(), actual: UnitBar, planned: UnitBar })),
  criteria: z.array(z.object({ no: z.number().int(), name: z.string(), actual: UnitBar, planned: UnitBar })),
  /** Status at 31/12 of every year recorded for the plan's criteria set. */
  progress: z.array(z.object({ year: Year, fullyMet: z.number().int(), average: z.number() })),
  resources: z.array(z.object({ sourceId: Id, label: z.string(), amount: z.number() })),
  investment: z.array(z.object({ unitId: Id, name: z.string(), amount: z.number(), projects: z.number().int() })),
  /** Open findings of the plan's validation by table. */
  findings: z.array(z.object({ table: z.string(), label: z.string(), count: z.number().int() })),
});
export type DashboardData = z.infer<typeof DashboardData>;

export const ChartId = z.enum(['buckets', 'criteria', 'progress', 'resources', 'investment', 'findings']);
export type ChartId = z.infer<typeof ChartId>;

export const dashboardMethods = {
  'dashboard.get': method(PlanYear, DashboardData),
  'narrative.get': method(PlanYear, Narrative),
  /** A chart rendered as PNG in the renderer, kept as a file for download or for a printed annex. */
  'dashboard.saveChart': method(
    z.object({ chart: ChartId, name: z.string().trim().min(1).max(120), dataUrl: z.string().startsWith('data:image/png;base64,').max(30_000_000) }).strict(),
    FileRef,
  ),
} as const;
