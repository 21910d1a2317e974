import { z } from 'zod';

/** One method of the contract: its argument and result schemas. */
export function method<A extends z.ZodType, R extends z.ZodType>(args: A, result: R) {
  return { args, result };
}

export const empty = z.object({}).strict();
export const ok = z.object({ ok: z.literal(true) });
