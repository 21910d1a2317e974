import { describe, expect, it } from 'vitest';
import { AppError } from '../../electron/backend/errors';
import { TaskRegistry } from '../../electron/backend/tasks';

describe('long tasks', () => {
  it('report progress as events and stop at the next step once cancelled', () => {
    const events: unknown[] = [];
    const tasks = new TaskRegistry((event, payload) => events.push([event, payload]));
    const task = tasks.start('t1');
    task.progress(1, 3, 'Bản Bo');
    tasks.cancel('t1');
    expect(() => task.progress(2, 3, 'Giang Ma')).toThrow(AppError);
    expect(events).toEqual([['progress', { taskId: 't1', label: 'Bản Bo', done: 1, total: 3 }]]);
  });

  it('give each task its own id unless the caller chose one', () => {
    const tasks = new TaskRegistry(() => {});
    expect(tasks.start().id).not.toBe(tasks.start().id);
    expect(tasks.start('mine').id).toBe('mine');
  });
});
