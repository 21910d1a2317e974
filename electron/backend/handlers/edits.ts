import type { Change } from '../../../shared/api/edits';
import type { Context, HandlerMap } from '../context';
import { applyChanges } from '../edits/apply';
import { historyState, redo, undo } from '../edits/history';
import { liveFindings } from '../validation/live';

const flags = (state: ReturnType<typeof historyState>) => ({ canUndo: state.canUndo, canRedo: state.canRedo });

/** Steps with more changes than this are answered first and checked right after. */
export const CHECK_BEFORE_ANSWER_MAX = 2000;

/**
 * Save through `write` and check what it touches: every plan's finding counts for the response, and a
 * 'validation.changed' event for each plan whose findings moved (another window, the status bar). A big
 * step (a whole-matrix paste), or the first save of a big document (after opening it or importing into it,
 * when every plan's rules are loaded), is acknowledged without waiting for its check, which runs next and
 * reports by event only.
 */
function saveChecked<T>(ctx: Context, write: () => { result: T; changes: readonly Change[]; stepId?: number }) {
  const { db } = ctx.doc();
  const live = liveFindings(db);
  const before = live.mark();
  const answerFirst = live.loadIsSlow(before);
  const { result, changes, stepId } = write();
  const check = () => {
    const { counts, changed } = live.afterSave(before, changes, stepId);
    for (const entry of changed) ctx.emit('validation.changed', entry);
    return counts;
  };
  if (changes.length <= CHECK_BEFORE_ANSWER_MAX && !answerFirst) return { ...result, findings: check() };
  setImmediate(() => {
    if (!db.open) return;
    try {
      check();
    } catch (error) {
      // The step is saved; a check that failed leaves the findings to the next save or a full run.
      console.error('validation after save failed:', error);
    }
  });
  return result;
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
