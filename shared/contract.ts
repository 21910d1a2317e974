// The one contract between the renderer and the backend: method name → argument and result schemas.
// Every host (Electron IPC, the loopback web host, the CLI) dispatches through it, and the backend
// validates arguments against it where requests enter. Each domain declares its methods in shared/api/.
import { z } from 'zod';
import { coreMethods } from './api/core';
import { dashboardMethods } from './api/dashboard';
import { editMethods, PlanFindingCounts } from './api/edits';
import { exportMethods } from './api/export';
import { fundingMethods } from './api/funding';
import { importMethods } from './api/import';
import { matrixMethods } from './api/matrix';
import { printMethods } from './api/print';
import { taskMethods } from './api/tasks';
import { validationMethods } from './api/validation';
import type { FileRef } from './model';

export const contract = {
  ...coreMethods,
  ...dashboardMethods,
  ...editMethods,
  ...exportMethods,
  ...fundingMethods,
  ...importMethods,
  ...matrixMethods,
  ...printMethods,
  ...taskMethods,
  ...validationMethods,
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
  /** A save changed a plan's findings (its counts; the findings themselves come from 'validation.run'). */
  'validation.changed': PlanFindingCounts,
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
  /** Print a page the backend produced ('print.html'): the system print dialog (Electron) or the browser's print. */
  print(file: FileRef, options: { landscape: boolean; paper: 'A4' | 'A3' }): Promise<boolean>;
  /** An address the page can frame to show a produced PDF or HTML inline (print preview); absent where the host has none. */
  viewUrl?(file: FileRef): string;
}
