// Loading a funding table and keeping it fresh: reload after every acknowledged edit, undo or redo
// that touches the funding tables.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Args, Method, Result } from '../../../shared/contract';
import { formatAmount } from '../../../shared/format/vi';
import { call } from '../../api';
import { subscribeEdits, type Change } from '../../store/edits';
import { useApp } from '../../store/app';

export const FUNDING_TABLES = new Set([
  'capital_source',
  'resource_amount',
  'allocation',
  'project',
  'recurrent_content',
  'recurrent_amount',
  'target_indicator',
  'recognition_target',
  'model_site',
]);

export const touchesFunding = (changes: readonly Change[]) => changes.some((c) => FUNDING_TABLES.has(c.table));

/** Amounts as the forms print them: 205.250; 3.973,5; empty stays empty. */
export const amountText = (value: number | null | undefined): string => formatAmount(value ?? null, 3);

/**
 * The result of one read method, reloaded when its arguments change and after every funding edit.
 * `skip` lets a grid that applies edits itself (the large allocation grid) opt out of the reload.
 */
export function useFundingQuery<M extends Method>(method: M, args: Args<M> | null, skip?: (changes: Change[]) => boolean): { data: Result<M> | null; reload(): void } {
  const run = useApp((s) => s.run);
  const [data, setData] = useState<Result<M> | null>(null);
  const key = args === null ? null : JSON.stringify(args);
  const skipRef = useRef(skip);
  skipRef.current = skip;
  const generation = useRef(0);

  const reload = useCallback(() => {
    if (key === null) return;
    const mine = ++generation.current;
    void run(async () => {
      const result = await call(method, JSON.parse(key) as Args<M>);
      if (mine === generation.current) setData(result);
    });
  }, [method, key, run]);

  useEffect(() => {
    setData(null);
    reload();
  }, [reload]);

  useEffect(
    () =>
      subscribeEdits((changes) => {
        if (touchesFunding(changes) && !skipRef.current?.(changes)) reload();
      }),
    [reload],
  );
  return { data, reload };
}
