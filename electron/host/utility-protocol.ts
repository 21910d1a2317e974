// Messages between Electron's main process and the backend's utility process. Pure: no Electron import,
// so both ends are tested under plain Node.
import fs from 'node:fs';
import type { AppErrorShape } from '../../shared/contract';
import type { FileRef } from '../../shared/model';
import type { Backend } from '../backend/backend';
import { toErrorShape } from '../backend/errors';

export type ToBackend =
  | { type: 'call'; id: number; method: string; args: unknown }
  /** A path picked in a native open dialog becomes a FileRef. */
  | { type: 'registerPath'; id: number; path: string }
  /** Copy a backend file to a path picked in a native save dialog. */
  | { type: 'copyOut'; id: number; fileId: string; path: string }
  /** Where a backend file is on disk (for printing it in a hidden window). */
  | { type: 'pathOf'; id: number; fileId: string };

export type FromBackend =
  | { type: 'ready' }
  | { type: 'fatal'; error: AppErrorShape }
  | { type: 'reply'; id: number; ok: true; result: unknown }
  | { type: 'reply'; id: number; ok: false; error: AppErrorShape }
  | { type: 'event'; event: string; payload: unknown };

/** The utility-process side: answer every request from main through `post`. */
export function serveBackend(backend: Backend, post: (message: FromBackend) => void): (message: ToBackend) => Promise<void> {
  backend.on((event, payload) => post({ type: 'event', event, payload }));
  return async (message) => {
    try {
      const result = await answer(backend, message);
      post({ type: 'reply', id: message.id, ok: true, result });
    } catch (error) {
      post({ type: 'reply', id: message.id, ok: false, error: toErrorShape(error) });
    }
  };
}

async function answer(backend: Backend, message: ToBackend): Promise<unknown> {
  switch (message.type) {
    case 'call':
      return backend.dispatch(message.method, message.args);
    case 'registerPath':
      return backend.files.registerPath(message.path) satisfies FileRef;
    case 'copyOut':
      fs.copyFileSync(backend.files.get(message.fileId).path, message.path);
      return true;
    case 'pathOf':
      return backend.files.get(message.fileId).path;
  }
}

type Pending = { resolve: (value: unknown) => void; reject: (error: unknown) => void };

/** The main-process side: numbered requests, answered in any order; everything pending fails if the backend dies. */
export class BackendClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly send: (message: ToBackend) => void) {}

  request(message: DistributiveOmit<ToBackend, 'id'>): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.send({ ...message, id } as ToBackend);
    });
  }

  /** Feed a message from the backend; returns events for the caller to forward. */
  receive(message: FromBackend): { event: string; payload: unknown } | null {
    if (message.type === 'event') return { event: message.event, payload: message.payload };
    if (message.type !== 'reply') return null;
    const waiting = this.pending.get(message.id);
    if (!waiting) return null;
    this.pending.delete(message.id);
    if (message.ok) waiting.resolve(message.result);
    else waiting.reject(message.error);
    return null;
  }

  failAll(error: AppErrorShape): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}

type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;
