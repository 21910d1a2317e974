// Funding tables of a plan: capital sources, resources (Biểu 04), projects (Biểu 05), allocation by
// commune, recurrent capital (Biểu 07), target indicators (Biểu 02) and model sites. Reads only: every
// write goes through 'edits.apply' (one undo step), except removing a source, which needs checks.
import { z } from 'zod';
import { method } from './define';
import { Id, Plan, RecognitionLevel, Unit, Year } from '../model';
import { PROJECT_PHASES, SOURCE_ROLES } from '../domain/funding';

const Amount = z.number().nullable();

export const CapitalSource = z.object({
  id: Id,
  parentId: Id.nullable(),
  code: z.string(),
  label: z.string(),
  role: z.string().nullable(),
  ord: z.number(),
});
export type CapitalSource = z.infer<typeof CapitalSource>;

export const SourceRole = z.enum(SOURCE_ROLES);

export const ResourceEntry = z.object({ sourceId: Id, amount: Amount, investment: Amount, typedTotal: Amount, note: z.string() });
export type ResourceEntry = z.infer<typeof ResourceEntry>;

export const Project = z.object({
  id: Id,
  planId: Id,
  year: Year,
  sourceId: Id,
  phase: z.enum(PROJECT_PHASES),
  name: z.string(),
  unitId: Id.nullable(),
  period: z.string(),
  totalInvestment: Amount,
  allocatedBefore: Amount,
  planAmount: Amount,
  note: z.string(),
  ord: z.number(),
});
export type Project = z.infer<typeof Project>;

export const AllocationCell = z.object({ sourceId: Id, unitId: Id, amount: Amount });
export type AllocationCell = z.infer<typeof AllocationCell>;

export const RecurrentContent = z.object({ id: Id, parentId: Id.nullable(), code: z.string(), label: z.string(), ord: z.number() });
export type RecurrentContent = z.infer<typeof RecurrentContent>;

export const RecurrentCell = z.object({ contentId: Id, unitId: Id, amount: Amount });
export type RecurrentCell = z.infer<typeof RecurrentCell>;

export const TargetIndicator = z.object({
  id: Id,
  unitId: Id.nullable(),
  code: z.string(),
  label: z.string(),
  unit: z.string(),
  valuePrev: Amount,
  target: Amount,
  ord: z.number(),
});
export type TargetIndicator = z.infer<typeof TargetIndicator>;

export const RecognitionTarget = z.object({ unitId: Id, year: Year, level: RecognitionLevel });
export type RecognitionTarget = z.infer<typeof RecognitionTarget>;

export const ModelSite = z.object({ id: Id, unitId: Id.nullable(), scope: z.enum(['commune', 'village']), content: z.string(), ord: z.number() });
export type ModelSite = z.infer<typeof ModelSite>;

const PlanYear = z.object({ planId: Id, year: Year.optional() }).strict();
const PlanOnly = z.object({ planId: Id }).strict();
/** What every plan-scoped table returns besides its rows: the plan, the year shown and the plan's years. */
const Scope = z.object({ plan: Plan, year: Year, years: z.array(Year) });

export const fundingMethods = {
  'funding.sources': method(z.object({}).strict(), z.array(CapitalSource)),
  'funding.removeSource': method(z.object({ id: Id }).strict(), z.object({ stepId: z.number().int(), canUndo: z.boolean(), canRedo: z.boolean() })),
  'funding.resources': method(PlanYear, Scope.extend({ sources: z.array(CapitalSource), entries: z.array(ResourceEntry) })),
  'funding.projects': method(PlanYear, Scope.extend({ sources: z.array(CapitalSource), communes: z.array(Unit), projects: z.array(Project), entries: z.array(ResourceEntry) })),
  'funding.allocation': method(PlanYear, Scope.extend({ sources: z.array(CapitalSource), communes: z.array(Unit), cells: z.array(AllocationCell) })),
  'funding.recurrent': method(
    PlanOnly,
    Scope.extend({ sources: z.array(CapitalSource), entries: z.array(ResourceEntry), communes: z.array(Unit), contents: z.array(RecurrentContent), cells: z.array(RecurrentCell) }),
  ),
  'funding.targets': method(
    PlanOnly,
    Scope.extend({ communes: z.array(Unit), villages: z.array(Unit), indicators: z.array(TargetIndicator), recognition: z.array(RecognitionTarget) }),
  ),
  'funding.modelSites': method(PlanOnly, Scope.extend({ communes: z.array(Unit), villages: z.array(Unit), sites: z.array(ModelSite) })),
} as const;
