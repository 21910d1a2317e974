// Domain shapes shared by the backend, the hosts and the renderer. zod schemas are the single source;
// TypeScript types are inferred from them.
import { z } from 'zod';

export const Id = z.number().int().positive();
export const Year = z.number().int().min(1990).max(2100);

export const UnitKind = z.enum(['province', 'district', 'commune', 'village']);
export type UnitKind = z.infer<typeof UnitKind>;

export const Unit = z.object({
  id: Id,
  kind: UnitKind,
  name: z.string(),
  parentId: Id.nullable(),
  code: z.string().nullable(),
  mergedIntoId: Id.nullable(),
  ord: z.number(),
});
export type Unit = z.infer<typeof Unit>;

export const IndicatorKind = z.enum(['boolean', 'percent', 'number']);
export type IndicatorKind = z.infer<typeof IndicatorKind>;

export const Indicator = z.object({
  id: Id,
  criterionId: Id,
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  kind: IndicatorKind,
  threshold: z.string().nullable(),
  unconfirmed: z.boolean(),
  ord: z.number(),
});
export type Indicator = z.infer<typeof Indicator>;

export const Criterion = z.object({
  id: Id,
  setId: z.string(),
  no: z.number().int(),
  code: z.string(),
  name: z.string(),
  groupCode: z.string(),
  indicators: z.array(Indicator),
});
export type Criterion = z.infer<typeof Criterion>;

export const CriteriaGroup = z.object({ code: z.string(), name: z.string() });
export type CriteriaGroup = z.infer<typeof CriteriaGroup>;

/** A report bucket of "criteria met": e.g. 19, 15-18, 10-14, 5-9, under 5. */
export const Bucket = z.object({ label: z.string(), min: z.number().int(), max: z.number().int() });
export type Bucket = z.infer<typeof Bucket>;

export const CriteriaLevel = z.enum(['commune', 'village', 'district']);

export const CriteriaSet = z.object({
  id: z.string(),
  name: z.string(),
  period: z.string(),
  periodStart: Year,
  periodEnd: Year,
  level: CriteriaLevel,
  catalogVersion: z.number().int(),
  groups: z.array(CriteriaGroup),
  criteria: z.array(Criterion),
  buckets: z.array(Bucket),
});
export type CriteriaSet = z.infer<typeof CriteriaSet>;

export const PlanLevel = z.enum(['district', 'commune']);
export const Plan = z.object({
  id: Id,
  name: z.string(),
  level: PlanLevel,
  unitId: Id.nullable(),
  yearStart: Year,
  yearEnd: Year,
  criteriaSetId: z.string(),
  issuer: z.string(),
  docNumber: z.string(),
  docDate: z.string().nullable(),
  signer: z.string(),
  signerTitle: z.string(),
});
export type Plan = z.infer<typeof Plan>;

/** 'actual': status at 31/12 of the year; 'plan': the plan for the year. */
export const MarkKind = z.enum(['actual', 'plan']);
export type MarkKind = z.infer<typeof MarkKind>;

export const RecognitionLevel = z.enum(['ntm', 'nang_cao', 'kieu_mau']);
export type RecognitionLevel = z.infer<typeof RecognitionLevel>;

export const CriterionMark = z.object({
  unitId: Id,
  criterionId: Id,
  year: Year,
  kind: MarkKind,
  met: z.boolean(),
  metYear: Year.nullable(),
});
export type CriterionMark = z.infer<typeof CriterionMark>;

export const UnitStatus = z.object({
  unitId: Id,
  year: Year,
  kind: MarkKind,
  level: RecognitionLevel.nullable(),
  recognisedYear: Year.nullable(),
  plannedCount: z.number().int().nullable(),
  note: z.string(),
});
export type UnitStatus = z.infer<typeof UnitStatus>;

export const MatrixSide = z.object({
  year: Year,
  kind: MarkKind,
  marks: z.array(CriterionMark),
  statuses: z.array(UnitStatus),
});
export type MatrixSide = z.infer<typeof MatrixSide>;

export const MatrixSummaryEntry = z.object({
  year: Year,
  kind: MarkKind,
  communes: z.number().int(),
  met: z.number().int(),
  average: z.number(),
  fullyMet: z.number().int(),
  perCriterion: z.record(z.string(), z.number().int()),
});
export type MatrixSummaryEntry = z.infer<typeof MatrixSummaryEntry>;

export const Summary = z.object({
  document: z.object({ path: z.string(), schemaVersion: z.number().int() }),
  units: z.object({ communes: z.number().int(), villages: z.number().int(), communeNames: z.array(z.string()) }),
  criteriaSets: z.array(z.object({ id: z.string(), period: z.string(), criteria: z.number().int(), indicators: z.number().int() })),
  plans: z.array(z.object({ id: Id, name: z.string(), yearStart: Year, yearEnd: Year })),
  matrix: z.array(MatrixSummaryEntry),
  resources: z.array(z.object({ year: Year, total: z.number(), bySource: z.record(z.string(), z.number()) })),
  projects: z.array(
    z.object({
      year: Year,
      count: z.number().int(),
      continuing: z.number().int(),
      new: z.number().int(),
      plan: z.number(),
      bySource: z.record(z.string(), z.number()),
    }),
  ),
});
export type Summary = z.infer<typeof Summary>;

export const DocumentInfo = z.object({
  path: z.string(),
  name: z.string(),
  schemaVersion: z.number().int(),
  sizeBytes: z.number().int(),
});
export type DocumentInfo = z.infer<typeof DocumentInfo>;

/** A file the host handed to the backend (an upload in the browser, a dialog pick in Electron). */
export const FileRef = z.object({ fileId: z.string(), name: z.string(), size: z.number().int() });
export type FileRef = z.infer<typeof FileRef>;
