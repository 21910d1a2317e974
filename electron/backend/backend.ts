import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { contract, type EventName, type EventPayload, type Method, type Result } from '../../shared/contract';
import { seedCatalogs } from './catalog';
import { seedCapitalSources } from './funding/sources';
import type { Context, HandlerMap } from './context';
import { backupNow } from './db/backups';
import { openDocument, type Document } from './db/document';
import { AppError } from './errors';
import { FileStore } from './files';
import { handlers } from './handlers';
import { TaskRegistry } from './tasks';

export interface BackendOptions {
  dataDir: string;
  /** Document to open (created when missing). */
  documentPath?: string;
  /** Automatic backup period; 0 turns the timer off. */
  backupIntervalMs?: number;
}

type Listener = (event: EventName, payload: unknown) => void;

/**
 * The one implementation of the contract. Hosts (Electron utility process, loopback web host, CLI)
 * call `dispatch` with untrusted input; arguments are validated here.
 */
export class Backend {
  readonly files: FileStore;
  private current: Document | null = null;
  private readonly listeners = new Set<Listener>();
  private readonly ctx: Context;
  readonly tasks: TaskRegistry;
  private backupTimer: NodeJS.Timeout | null = null;
  private lastBackupChanges = -1;

  private constructor(private readonly options: BackendOptions) {
    this.files = new FileStore(path.join(options.dataDir, 'tmp', String(process.pid)));
    this.tasks = new TaskRegistry((event, payload) => this.emit(event, payload));
    this.ctx = {
      dataDir: options.dataDir,
      files: this.files,
      doc: () => {
        if (!this.current) throw new AppError('error.noDocument');
        return this.current;
      },
      hasDocument: () => this.current !== null,
      switchDocument: (file, create) => this.switchDocument(file, create),
      emit: (event, payload) => this.emit(event, payload),
      startTask: (taskId) => this.tasks.start(taskId),
      cancelTask: (taskId) => this.tasks.cancel(taskId),
    };
  }

  static async start(options: BackendOptions): Promise<Backend> {
    fs.mkdirSync(options.dataDir, { recursive: true });
    const backend = new Backend(options);
    if (options.documentPath) await backend.switchDocument(options.documentPath, true);
    const interval = options.backupIntervalMs ?? 15 * 60 * 1000;
    if (interval > 0) {
      backend.backupTimer = setInterval(() => void backend.periodicBackup(), interval);
      backend.backupTimer.unref();
    }
    return backend;
  }

  get document(): Document | null {
    return this.current;
  }

  async dispatch<M extends Method>(method: M, rawArgs: unknown): Promise<Result<M>>;
  async dispatch(method: string, rawArgs: unknown): Promise<unknown>;
  async dispatch(method: string, rawArgs: unknown): Promise<unknown> {
    if (!Object.hasOwn(contract, method)) throw new AppError('error.unknownMethod', { method: String(method).slice(0, 100) });
    const name = method as Method;
    const parsed = contract[name].args.safeParse(rawArgs ?? {});
    if (!parsed.success) throw new AppError('error.badRequest', { detail: z.prettifyError(parsed.error) });
    const handler = handlers[name] as (args: unknown, ctx: Context) => unknown;
    return await handler(parsed.data, this.ctx);
  }

  on(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) listener(event, payload);
  }

  async close(): Promise<void> {
    if (this.backupTimer) clearInterval(this.backupTimer);
    this.current?.close();
    this.current = null;
    this.files.dispose();
  }

  private async switchDocument(file: string, create: boolean): Promise<Document> {
    const resolved = path.resolve(file);
    if (this.current?.path === resolved) return this.current;
    const isNew = !fs.existsSync(resolved);
    const next = await openDocument(resolved, { create, backupDir: path.join(this.options.dataDir, 'backups', 'migrations') });
    try {
      seedCatalogs(next.db);
      seedCapitalSources(next.db);
    } catch (error) {
      next.close();
      throw error;
    }
    this.current?.close();
    this.current = next;
    this.lastBackupChanges = -1;
    if (!isNew) await backupNow(next, this.options.dataDir);
    this.emit('doc.changed', { path: resolved });
    return next;
  }

  private async periodicBackup(): Promise<void> {
    const doc = this.current;
    if (!doc) return;
    const changes = (doc.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
    if (changes === this.lastBackupChanges) return;
    this.lastBackupChanges = changes;
    try {
      await backupNow(doc, this.options.dataDir);
    } catch (error) {
      console.error('automatic backup failed', error);
    }
  }
}

export type { HandlerMap };
