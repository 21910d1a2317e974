import { translate, type MessageKey, type MessageParams } from '../../shared/i18n';
import type { AppErrorShape } from '../../shared/contract';

/** An error meant for the user: a stable code and the message in Vietnamese and English. */
export class AppError extends Error {
  readonly code: MessageKey;
  readonly params: MessageParams;
  readonly details: unknown;

  constructor(code: MessageKey, params: MessageParams = {}, details?: unknown) {
    super(translate('vi', code, params));
    this.name = 'AppError';
    this.code = code;
    this.params = params;
    this.details = details;
  }

  toShape(): AppErrorShape {
    return { code: this.code, message: this.message, messageEn: translate('en', this.code, this.params), details: this.details };
  }
}

export function toErrorShape(error: unknown): AppErrorShape {
  if (error instanceof AppError) return error.toShape();
  const detail = error instanceof Error ? error.message : String(error);
  return new AppError('error.internal', { detail }).toShape();
}
