// Importing files through the contract, as the app does: register the files, preview, apply.
import path from 'node:path';
import type { Backend } from '../../electron/backend/backend';
import type { StagedFile } from '../../shared/api/import';
import { EXAMPLES_DIR } from './examples';

export { EXAMPLES_DIR };
export const CORPUS_DIR = path.resolve(import.meta.dirname, '../fixtures/import');

export const EXAMPLE_FILES = ['bieu01-tieu-chi-xa.xlsx', 'bieu04-nguon-luc.xlsx', 'bieu05-danh-muc-cong-trinh.xlsx'].map((f) => path.join(EXAMPLES_DIR, f));

export const corpus = (name: string): string => path.join(CORPUS_DIR, name);

export async function previewFiles(backend: Backend, files: string[], options: { year?: number; createUnits?: boolean } = {}) {
  const fileIds = files.map((f) => backend.files.registerPath(f).fileId);
  return backend.dispatch('import.preview', { fileIds, ...options });
}

/** Preview and apply; returns the per-file report of the apply. */
export async function importFiles(backend: Backend, files: string[], options: { year?: number; createUnits?: boolean } = {}): Promise<StagedFile[]> {
  const preview = await previewFiles(backend, files, options);
  const applied = await backend.dispatch('import.apply', { stagingId: preview.stagingId });
  return applied.files;
}
