// The one contract between the renderer and the backend: method name → argument and result schemas.
// Every host (Electron IPC, the loopback web host, the CLI) dispatches through it, and the backend
// validates arguments against it where requests enter.
import { z } from 'zod';
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
} from './model';

const empty = z.object({}).strict();
const ok = z.object({ ok: z.literal(true) });

const PlanInput = z.object({
  name: z.string().trim().min(1).max(300),
  level: PlanLevel,
  unitId: Id.nullable().default(null),
  yearStart: Year,
  yearEnd: Year,
  criteriaSetId: z.string().min(1),
  issuer: z.string().max(300).default(''),
  docNumber: z.string().max(100).default(''),
  docDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().default(null),
  signer: z.string().max(200).default(''),
  signerTitle: z.string().max(200).default(''),
});

function method<A extends z.ZodType, R extends z.ZodType>(args: A, result: R) {
  return { args, result };
}

export const contract = {
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
  'plans.update': method(PlanInput.partial().extend({ id: Id }).strict(), Plan),
  'plans.delete': method(z.object({ id: Id }).strict(), ok),

  'matrix.get': method(
    z.object({ planId: Id }).strict(),
    z.object({ plan: Plan, set: CriteriaSet, communes: z.array(Unit), actual: MatrixSide, planned: MatrixSide }),
  ),

  'summary.get': method(empty, Summary),
} as const;

export type Contract = typeof contract;
export type Method = keyof Contract;
export type Args<M extends Method> = z.input<Contract[M]['args']>;
export type ParsedArgs<M extends Method> = z.output<Contract[M]['args']>;
export type Result<M extends Method> = z.output<Contract[M]['result']>;

/** Pushed from the backend to every window: long-task progress and document changes. */
export const events = {
  progress: z.object({ taskId: z.string(), label: z.string(), done: z.number(), total: z.number() }),
  'doc.changed': z.object({ path: z.string().nullable() }),
} as const;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;

export const AppErrorShape = z.object({ code: z.string(), message: z.string(), messageEn: z.string(), details: z.unknown().optional() });
export type AppErrorShape = z.infer<typeof AppErrorShape>;

/** What the renderer sees as `window.ntm`, whatever the host. */
export interface NtmBridge {
  call<M extends Method>(method: M, args: Args<M>): Promise<Result<M>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** Native open dialog or browser file input; the file is handed to the backend. */
  pickFiles(options: { accept: string[]; multiple: boolean }): Promise<FileRef[]>;
  /** Native save dialog or browser download of a file the backend produced. */
  saveFile(file: FileRef): Promise<boolean>;
}
