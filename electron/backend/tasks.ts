import crypto from 'node:crypto';
import type { EventName, EventPayload } from '../../shared/contract';
import { AppError } from './errors';

export interface Task {
  readonly id: string;
  /** Report progress; throws a "cancelled" error once the user cancelled, so the caller stops between steps. */
  progress(done: number, total: number, label: string): void;
  throwIfCancelled(): void;
}

/** Progress and cancel for long tasks, addressed by a task id the renderer may choose. */
export class TaskRegistry {
  private readonly cancelled = new Set<string>();

  constructor(private readonly emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void) {}

  start(taskId?: string): Task {
    const id = taskId ?? crypto.randomUUID();
    this.cancelled.delete(id);
    const throwIfCancelled = () => {
      if (this.cancelled.has(id)) {
        this.cancelled.delete(id);
        throw new AppError('error.cancelled');
      }
    };
    return {
      id,
      throwIfCancelled,
      progress: (done, total, label) => {
        throwIfCancelled();
        this.emit('progress', { taskId: id, label, done, total });
      },
    };
  }

  cancel(taskId: string): void {
    this.cancelled.add(taskId);
  }
}
