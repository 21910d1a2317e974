// Findings of the validation rules: what is wrong, where, the figures, and a message in Vietnamese.
import { z } from 'zod';
import { method } from './define';
import { Scalar } from './edits';
import { Id } from '../model';

export const FindingTarget = z.object({ table: z.string(), key: z.array(z.union([z.string(), z.number()])), field: z.string() });
export type FindingTarget = z.infer<typeof FindingTarget>;

export const Finding = z.object({
  severity: z.enum(['error', 'warning']),
  rule: z.string(),
  /** Human labels of the place: table, row and column as the user sees them. */
  table: z.string(),
  row: z.string(),
  column: z.string(),
  /** 'Sheet!C8' for a cell of an imported form. */
  cell: z.string().optional(),
  /** The document cell the finding is about, addressed like an edit. */
  target: FindingTarget.optional(),
  expected: Scalar,
  actual: Scalar,
  message: z.string(),
});
export type Finding = z.infer<typeof Finding>;
export type Severity = Finding['severity'];

const TableRows = z.object({ columns: z.array(z.string()), rows: z.array(z.array(Scalar)) });

export const PlanScope = z.object({
  id: Id,
  yearStart: z.number().int(),
  yearEnd: z.number().int(),
  level: z.enum(['district', 'commune']),
  unitId: Id.nullable(),
  criteriaSetId: z.string(),
});
export type PlanScope = z.infer<typeof PlanScope>;

export const validationMethods = {
  /** Full validation of the document, or of one plan. */
  'validation.run': method(z.object({ planId: Id.optional() }).strict(), z.object({ findings: z.array(Finding) })),
  /** The tables the rules read for one plan, so the renderer can revalidate edits as they are typed. */
  'validation.data': method(z.object({ planId: Id }).strict(), z.object({ plan: PlanScope, tables: z.record(z.string(), TableRows) })),
} as const;
