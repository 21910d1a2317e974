import type { HandlerMap } from '../context';
import { applyChanges } from '../edits/apply';
import { historyState, redo, undo } from '../edits/history';

const flags = (state: ReturnType<typeof historyState>) => ({ canUndo: state.canUndo, canRedo: state.canRedo });

export const editHandlers = {
  'edits.apply': ({ label, changes }, ctx) => {
    const db = ctx.doc().db;
    const { stepId } = applyChanges(db, label, changes);
    return { stepId, ...flags(historyState(db)) };
  },
  'edits.undo': (_args, ctx) => {
    const db = ctx.doc().db;
    return { changes: undo(db), ...flags(historyState(db)) };
  },
  'edits.redo': (_args, ctx) => {
    const db = ctx.doc().db;
    return { changes: redo(db), ...flags(historyState(db)) };
  },
  'edits.state': (_args, ctx) => historyState(ctx.doc().db),
} satisfies Partial<HandlerMap>;
