import type { AppErrorShape, Args, Method, Result } from '../shared/contract';
import { useI18n } from './i18n';

/** A backend error with its message in the user's language. */
export class ApiError extends Error {
  constructor(readonly shape: AppErrorShape) {
    super(shape.message);
    this.name = 'ApiError';
  }
}

let inFlight = 0;
let quiet: (() => void)[] = [];

const prefetched = new Map<string, { at: number; result: Promise<unknown> }>();
// A prefetched answer is for the screen about to open; one older than this is asked again.
const PREFETCH_FRESH_MS = 5000;

/**
 * Ask now for what a screen still loading its code will ask first: its own `call` with the same
 * arguments then takes this answer (once) instead of waiting behind the code.
 */
export function prefetch<M extends Method>(method: M, args: Args<M>): void {
  const result = send(method, args);
  result.catch(() => undefined); // the screen's own call reports errors
  prefetched.set(JSON.stringify([method, args]), { at: performance.now(), result });
}

export function call<M extends Method>(method: M, args: Args<M>): Promise<Result<M>> {
  const key = JSON.stringify([method, args]);
  const early = prefetched.get(key);
  prefetched.delete(key);
  if (early && performance.now() - early.at < PREFETCH_FRESH_MS) return early.result as Promise<Result<M>>;
  return send(method, args);
}

function send<M extends Method>(method: M, args: Args<M>): Promise<Result<M>> {
  return track(
    window.ntm.call(method, args).catch((error: unknown) => {
      const shape = (error as { shape?: AppErrorShape }).shape;
      throw shape ? new ApiError(shape) : error;
    }),
  );
}

/** Count something the screen is waiting for until the returned function is called (once is enough). */
export function hold(): () => void {
  inFlight++;
  let held = true;
  return () => {
    if (!held) return;
    held = false;
    if (--inFlight === 0) settleQuiet();
  };
}

/** Count `work` (a request) as something the screen is waiting for while it runs. */
export async function track<T>(work: Promise<T>): Promise<T> {
  const release = hold();
  try {
    return await work;
  } finally {
    release();
  }
}

/**
 * Resolves once no call or screen code is in flight and the page has drawn what they brought: background work (the
 * findings' full validation) then waits behind what the screen is showing instead of competing with it.
 */
export function whenQuiet(): Promise<void> {
  return new Promise((resolve) => {
    quiet.push(resolve);
    if (inFlight === 0) settleQuiet();
  });
}

function settleQuiet(): void {
  // Two frames: the one that renders the results, and the one that paints them.
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      if (inFlight > 0) return;
      const waiting = quiet;
      quiet = [];
      for (const resolve of waiting) resolve();
    }),
  );
}

export function errorText(error: unknown): string {
  if (error instanceof ApiError) return useI18n.getState().lang === 'en' ? error.shape.messageEn : error.shape.message;
  return error instanceof Error ? error.message : String(error);
}
