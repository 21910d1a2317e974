// The workbooks of a per-commune export in one .zip, so the user saves one file instead of one per commune.
import { zipSync, type Zippable } from 'fflate';

export function archiveOf(files: readonly { fileName: string; bytes: Uint8Array }[]): Uint8Array {
  const entries: Zippable = {};
  // Workbooks are zip packages already: stored as they are, not compressed again.
  for (const file of files) entries[file.fileName] = [file.bytes, { level: 0 }];
  return zipSync(entries);
}
