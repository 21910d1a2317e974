// Runs workbook parsing in a worker thread: one long-lived worker, reused between files, killed and
// replaced when a file takes longer than the time limit or exhausts the worker's heap.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { isMessageKey } from '../../../shared/i18n';
import { AppError } from '../errors';
import { IMPORT_LIMITS, type ImportLimits } from './limits';
import type { ParseRequest, ParseResponse } from './parse-worker';
import type { ParsedWorkbook } from './workbook-model';
import { unpackWorkbook } from './workbook-transfer';

// Under tsx or vitest the worker entry is TypeScript: tsx is registered inside the thread before loading it.
// A bundled backend (dist/electron/backend.cjs) has the worker bundled next to it as parse-worker.cjs.
const TS_BOOT = `import('tsx/esm/api').then(({ register }) => { register(); return import(require('node:worker_threads').workerData.entry); })`;

function workerEntry(): string {
  const here = typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
  return here.endsWith('.ts') ? path.join(path.dirname(here), 'parse-worker.ts') : path.join(path.dirname(here), 'parse-worker.cjs');
}

interface Pending {
  resolve(workbook: ParsedWorkbook): void;
  reject(error: unknown): void;
  timer: NodeJS.Timeout;
}

class ParserWorker {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(
    private readonly format: 'xlsx' | 'xls',
    private readonly heapMb: number,
  ) {}

  parse(request: Omit<ParseRequest, 'id'>, timeoutMs: number): Promise<ParsedWorkbook> {
    const worker = this.ensure();
    const id = this.nextId++;
    return new Promise<ParsedWorkbook>((resolve, reject) => {
      const timer = setTimeout(() => this.fail(new AppError('import.timeout', { seconds: Math.round(timeoutMs / 1000) })), timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      worker.ref();
      // A copy of the bytes goes to the worker: the caller keeps its own to store in the document.
      worker.postMessage({ ...request, id } satisfies ParseRequest);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const options = { resourceLimits: { maxOldGenerationSizeMb: this.heapMb, maxYoungGenerationSizeMb: 64 } };
    const entry = workerEntry();
    const worker = entry.endsWith('.ts')
      ? new Worker(TS_BOOT, { ...options, eval: true, workerData: { entry: pathToFileURL(entry).href, format: this.format } })
      : new Worker(entry, { ...options, workerData: { format: this.format } });
    worker.on('message', (response: ParseResponse) => this.settle(response));
    worker.on('error', (error) => {
      if (this.worker === worker) this.fail(isOutOfMemory(error) ? new AppError('import.tooLargeUnpacked', { mb: this.heapMb }) : new AppError('import.corrupt'));
    });
    worker.on('exit', () => {
      if (this.worker === worker) this.fail(new AppError('import.corrupt'));
    });
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private settle(response: ParseResponse): void {
    const pending = this.pending.get(response.id);
    if (!pending) return;
    this.pending.delete(response.id);
    clearTimeout(pending.timer);
    if (this.pending.size === 0) this.worker?.unref();
    if (response.ok) pending.resolve(unpackWorkbook(response.workbook));
    else pending.reject(isMessageKey(response.code) ? new AppError(response.code, response.params) : new AppError('import.corrupt'));
  }

  /** Reject everything in flight and drop the worker: after a timeout or a crash its state is unknown. */
  private fail(error: AppError): void {
    const worker = this.worker;
    this.worker = null;
    for (const pending of this.pending.values()) {
      clearTimeout(pending.timer);
      pending.reject(error);
    }
    this.pending.clear();
    void worker?.terminate();
  }
}

function isOutOfMemory(error: Error): boolean {
  return (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
}

const workers: Partial<Record<'xlsx' | 'xls', ParserWorker>> = {};

/** Parse a checked package in the worker thread. */
export function parseWorkbook(
  bytes: Uint8Array,
  format: 'xlsx' | 'xls',
  defaultFont: string | null,
  limits: ImportLimits = IMPORT_LIMITS,
): Promise<ParsedWorkbook> {
  const worker = (workers[format] ??= new ParserWorker(format, limits.workerHeapMb));
  return worker.parse({ format, bytes, defaultFont, limits }, limits.parseTimeoutMs);
}

/** Stop the workers (tests and shutdown). */
export async function closeParser(): Promise<void> {
  for (const format of ['xlsx', 'xls'] as const) {
    await workers[format]?.close();
    delete workers[format];
  }
}
