import fs from 'node:fs';
import type { PrintTable } from '../../../shared/api/print';
import type { FileRef } from '../../../shared/model';
import type { FileStore } from '../files';

/** "Bieu-01-criteria.pdf": ASCII, so every host and mail client keeps the name. */
export function printFileName(formNo: string, table: PrintTable, ext: 'html' | 'pdf'): string {
  const form = formNo.normalize('NFD').replace(/[^A-Za-z0-9]+/g, '') || 'bieu';
  return `Bieu-${form}-${table}.${ext}`;
}

export function storeOutput(files: FileStore, name: string, bytes: string | Buffer): FileRef {
  const target = files.newTempPath(name);
  fs.writeFileSync(target, bytes);
  return files.adoptTemp(target, name);
}
