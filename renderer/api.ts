import type { AppErrorShape, Args, Method, Result } from '../shared/contract';
import { useI18n } from './i18n';

/** A backend error with its message in the user's language. */
export class ApiError extends Error {
  constructor(readonly shape: AppErrorShape) {
    super(shape.message);
    this.name = 'ApiError';
  }
}

export async function call<M extends Method>(method: M, args: Args<M>): Promise<Result<M>> {
  try {
    return await window.ntm.call(method, args);
  } catch (error) {
    const shape = (error as { shape?: AppErrorShape }).shape;
    throw shape ? new ApiError(shape) : error;
  }
}

export function errorText(error: unknown): string {
  if (error instanceof ApiError) return useI18n.getState().lang === 'en' ? error.shape.messageEn : error.shape.message;
  return error instanceof Error ? error.message : String(error);
}
