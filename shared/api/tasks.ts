// Long tasks (batch import, batch export, printing) report progress as events and can be cancelled.
import { z } from 'zod';
import { method, ok } from './define';

export const taskMethods = {
  'tasks.cancel': method(z.object({ taskId: z.string().min(1).max(100) }).strict(), ok),
} as const;
