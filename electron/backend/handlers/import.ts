import type { HandlerMap } from '../context';
import { historyState } from '../edits/history';
import { applyFiles, previewFiles, readFiles } from '../import/import-batch';
import { storedSource } from '../import/file-sources';
import { dropStaging, keepStaging, takeStaging } from '../import/staging-store';

export const importHandlers = {
  'import.preview': async ({ fileIds, year, createUnits }, ctx) => {
    const doc = ctx.doc();
    const sources = fileIds.map((id) => storedSource(ctx.files, id));
    const task = ctx.startTask();
    const reads = await readFiles(sources, (done, total, file) => task.progress(done, total, file));
    const options = { year, createUnits };
    const files = previewFiles(doc.db, reads, options);
    return { stagingId: keepStaging({ documentPath: doc.path, reads, options }), files };
  },
  'import.apply': ({ stagingId }, ctx) => {
    const doc = ctx.doc();
    const staging = takeStaging(stagingId, doc.path);
    const result = applyFiles(doc.db, staging.reads, staging.options);
    const state = historyState(doc.db);
    return { ...result, canUndo: state.canUndo, canRedo: state.canRedo };
  },
  'import.discard': ({ stagingId }) => {
    dropStaging(stagingId);
    return { ok: true as const };
  },
} satisfies Partial<HandlerMap>;
