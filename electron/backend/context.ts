import type { EventName, EventPayload, Method, ParsedArgs, Result } from '../../shared/contract';
import type { Document } from './db/document';
import type { FileStore } from './files';
import type { Task } from './tasks';

/** What every handler gets besides its arguments. */
export interface Context {
  readonly dataDir: string;
  readonly files: FileStore;
  /** The open document; throws a user-facing error when none is open. */
  doc(): Document;
  hasDocument(): boolean;
  /** Close the current document (if any) and open or create another one. */
  switchDocument(path: string, create: boolean): Promise<Document>;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** A long task with progress events and cancel ('tasks.cancel'). */
  startTask(taskId?: string): Task;
  cancelTask(taskId: string): void;
}

export type Handler<M extends Method> = (args: ParsedArgs<M>, ctx: Context) => Result<M> | Promise<Result<M>>;
export type HandlerMap = { [M in Method]: Handler<M> };
