import type { Change } from '../../../shared/api/edits';
import type { Context, HandlerMap } from '../context';
import { applyChanges } from '../edits/apply';
import { historyState, redo, undo } from '../edits/history';
import { liveFindings } from '../validation/live';

const flags = (state: ReturnType<typeof historyState>) => ({ canUndo: state.canUndo, canRedo: state.canRedo });

/**
 * Save through `write` and check what it touched: every plan's finding counts for the response, and a
 * 'validation.changed' event for each plan whose findings moved (another window, the status bar).
 */
function saveChecked<T>(ctx: Context, write: () => { result: T; changes: readonly Change[]; stepId?: number }) {
  const live = liveFindings(ctx.doc().db);
  const before = live.mark();
  const { result, changes, stepId } = write();
  const { counts, changed } = live.afterSave(before, changes, stepId);
  for (const entry of changed) ctx.emit('validation.changed', entry);
  return { ...result, findings: counts };
}

export const editHandlers = {
  'edits.apply': ({ label, changes }, ctx) => {
    const db = ctx.doc().db;
    return saveChecked(ctx, () => {
      const { stepId } = applyChanges(db, label, changes);
      return { result: { stepId, ...flags(historyState(db)) }, changes, stepId };
    });
  },
  'edits.undo': (_args, ctx) => {
    const db = ctx.doc().db;
    return saveChecked(ctx, () => {
      const changes = undo(db);
      return { result: { changes, ...flags(historyState(db)) }, changes };
    });
  },
  'edits.redo': (_args, ctx) => {
    const db = ctx.doc().db;
    return saveChecked(ctx, () => {
      const changes = redo(db);
      return { result: { changes, ...flags(historyState(db)) }, changes };
    });
  },
  'edits.state': (_args, ctx) => historyState(ctx.doc().db),
} satisfies Partial<HandlerMap>;
