// Documents, units, criteria sets, plans, the read side of the matrix and the summary.
import { z } from 'zod';
import { empty, method, ok } from './define';
import {
  CriteriaSet,
  DocumentInfo,
  FileRef,
  Id,
  Indicator,
  IndicatorKind,
  MatrixSide,
  Plan,
  PlanLevel,
  Summary,
  Unit,
  UnitKind,
  Year,
} from '../model';

// Plan fields as typed by the user; creation fills the optional ones, an update changes only what it names.
const PlanFields = z.object({
  name: z.string().trim().min(1).max(300),
  level: PlanLevel,
  unitId: Id.nullable(),
  yearStart: Year,
  yearEnd: Year,
  criteriaSetId: z.string().min(1),
  issuer: z.string().max(300),
  docNumber: z.string().max(100),
  docDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  signer: z.string().max(200),
  signerTitle: z.string().max(200),
});
const PlanInput = PlanFields.extend({
  unitId: PlanFields.shape.unitId.default(null),
  issuer: PlanFields.shape.issuer.default(''),
  docNumber: PlanFields.shape.docNumber.default(''),
  docDate: PlanFields.shape.docDate.default(null),
  signer: PlanFields.shape.signer.default(''),
  signerTitle: PlanFields.shape.signerTitle.default(''),
});

export const coreMethods = {
  'app.info': method(empty, z.object({ version: z.string(), dataDir: z.string(), document: DocumentInfo.nullable() })),

  'doc.list': method(empty, z.object({ dataDir: z.string(), documents: z.array(DocumentInfo) })),
  'doc.create': method(z.object({ name: z.string().trim().min(1).max(120) }).strict(), DocumentInfo),
  'doc.open': method(z.object({ path: z.string().min(1).max(4096) }).strict(), DocumentInfo),
  'doc.current': method(empty, DocumentInfo.nullable()),
  'doc.saveCopy': method(empty, FileRef),
  'doc.backups': method(empty, z.array(z.object({ path: z.string(), createdAt: z.string(), sizeBytes: z.number().int() }))),

  'units.list': method(z.object({ kind: UnitKind.optional(), includeMerged: z.boolean().default(false) }).strict(), z.array(Unit)),
  'units.create': method(
    z.object({ kind: UnitKind, name: z.string().trim().min(1).max(200), parentId: Id.nullable().default(null), code: z.string().max(50).nullable().default(null) }).strict(),
    Unit,
  ),
  'units.rename': method(z.object({ id: Id, name: z.string().trim().min(1).max(200) }).strict(), Unit),
  'units.delete': method(z.object({ id: Id }).strict(), ok),
  'units.merge': method(
    z.object({ ids: z.array(Id).min(2).max(50), name: z.string().trim().min(1).max(200) }).strict(),
    Unit,
  ),
  'units.history': method(z.object({ id: Id }).strict(), z.array(Unit)),

  'criteria.sets': method(empty, z.array(CriteriaSet)),
  'criteria.saveIndicator': method(
    z
      .object({
        id: Id.optional(),
        criterionId: Id,
        code: z.string().trim().min(1).max(20),
        name: z.string().trim().min(1).max(1000),
        unit: z.string().max(50).default(''),
        kind: IndicatorKind,
        threshold: z.string().max(500).nullable().default(null),
      })
      .strict(),
    Indicator,
  ),
  'criteria.deleteIndicator': method(z.object({ id: Id }).strict(), ok),

  'plans.list': method(empty, z.array(Plan)),
  'plans.create': method(PlanInput.strict(), Plan),
  'plans.update': method(PlanFields.partial().extend({ id: Id }).strict(), Plan),
  'plans.delete': method(z.object({ id: Id }).strict(), ok),

  'matrix.get': method(
    z.object({ planId: Id }).strict(),
    z.object({ plan: Plan, set: CriteriaSet, communes: z.array(Unit), actual: MatrixSide, planned: MatrixSide }),
  ),

  'summary.get': method(empty, Summary),
} as const;
