// Undo and redo over the persistent undo_step log: one step per user action, kept across restarts.
import type Database from 'better-sqlite3';
import type { Change } from '../../../shared/api/edits';
import { executeChange } from './sql';
import { decodeChanges } from './step-record';

interface StepRow {
  id: number;
  label: string;
  forward: string;
  inverse: string;
}

export interface HistoryState {
  canUndo: boolean;
  canRedo: boolean;
  undoLabel: string | null;
  redoLabel: string | null;
}

const lastDone = (db: Database.Database) =>
  db.prepare('SELECT id, label, forward, inverse FROM undo_step WHERE undone = 0 ORDER BY id DESC LIMIT 1').get() as StepRow | undefined;
const firstUndone = (db: Database.Database) =>
  db.prepare('SELECT id, label, forward, inverse FROM undo_step WHERE undone = 1 ORDER BY id LIMIT 1').get() as StepRow | undefined;

export function historyState(db: Database.Database): HistoryState {
  const undo = lastDone(db);
  const redo = firstUndone(db);
  return { canUndo: undo !== undefined, canRedo: redo !== undefined, undoLabel: undo?.label ?? null, redoLabel: redo?.label ?? null };
}

/** Undo the latest step; returns the changes now applied (empty when there was nothing to undo). */
export function undo(db: Database.Database): Change[] {
  return db.transaction(() => replay(db, lastDone(db), 'inverse', 1))();
}

export function redo(db: Database.Database): Change[] {
  return db.transaction(() => replay(db, firstUndone(db), 'forward', 0))();
}

function replay(db: Database.Database, step: StepRow | undefined, side: 'forward' | 'inverse', undone: 0 | 1): Change[] {
  if (!step) return [];
  const changes = decodeChanges(step[side]);
  for (const change of changes) executeChange(db, change);
  db.prepare('UPDATE undo_step SET undone = ? WHERE id = ?').run(undone, step.id);
  return changes;
}
