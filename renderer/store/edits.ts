// The renderer side of undoable edits: every edit, paste, fill, undo and redo goes through here, in
// order, and is acknowledged by the backend (saved with its undo record) before listeners hear of it.
import { create } from 'zustand';
import type { Change } from '../../shared/api/edits';
import { translate } from '../../shared/i18n';
import { call, errorText } from '../api';
import { useI18n } from '../i18n';
import { useApp } from './app';

export type { Change, Scalar } from '../../shared/api/edits';

interface EditsState {
  canUndo: boolean;
  canRedo: boolean;
  undoLabel: string | null;
  redoLabel: string | null;
  /** Requests sent and not yet acknowledged. */
  pending: number;
}

export const useEdits = create<EditsState>(() => ({ canUndo: false, canRedo: false, undoLabel: null, redoLabel: null, pending: 0 }));

type Listener = (changes: Change[]) => void;
const listeners = new Set<Listener>();
let queue: Promise<unknown> = Promise.resolve();

/** Listen to every acknowledged edit, undo or redo, with the changes now in effect. */
export function subscribeEdits(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Save one user action as one undo step. Rejects (after reporting in the status bar) when refused. */
export function applyEdit(label: string, changes: Change[]): Promise<{ stepId: number }> {
  if (changes.length === 0) return Promise.resolve({ stepId: 0 });
  return enqueue(async () => {
    const result = await call('edits.apply', { label, changes });
    await afterAck(changes);
    return { stepId: result.stepId };
  });
}

export function undo(): Promise<Change[]> {
  return enqueue(async () => afterAck((await call('edits.undo', {})).changes, 'edits.nothingToUndo'));
}

export function redo(): Promise<Change[]> {
  return enqueue(async () => afterAck((await call('edits.redo', {})).changes, 'edits.nothingToRedo'));
}

/**
 * Resolves once every edit sent so far is acknowledged and its listeners have run, so that reads which
 * build the next edit (toggle, fill down) see current data. Listeners that feed a grid should update it
 * synchronously (React: flushSync) for that to hold.
 */
export async function whenIdle(): Promise<void> {
  await queue;
}

/** Reload the undo/redo labels, e.g. after opening another document. */
export async function refreshEditState(): Promise<void> {
  const state = await call('edits.state', {});
  useEdits.setState(state);
}

async function afterAck(changes: Change[], emptyMessage?: 'edits.nothingToUndo' | 'edits.nothingToRedo'): Promise<Change[]> {
  const lang = useI18n.getState().lang;
  useApp.getState().setStatus({ kind: changes.length > 0 ? 'saved' : 'idle', text: translate(lang, changes.length > 0 || !emptyMessage ? 'edits.saved' : emptyMessage) });
  if (changes.length > 0) for (const listener of listeners) listener(changes);
  await refreshEditState();
  return changes;
}

function enqueue<T>(task: () => Promise<T>): Promise<T> {
  useEdits.setState((s) => ({ pending: s.pending + 1 }));
  const run = queue.then(task).then(
    (value) => {
      useEdits.setState((s) => ({ pending: s.pending - 1 }));
      return value;
    },
    (error: unknown) => {
      useEdits.setState((s) => ({ pending: s.pending - 1 }));
      useApp.getState().setStatus({ kind: 'error', text: errorText(error) });
      throw error;
    },
  );
  queue = run.catch(() => undefined);
  return run;
}
