// Files to import, from a path (the CLI) or from the backend's file store (the app).
import fs from 'node:fs';
import path from 'node:path';
import type { FileStore } from '../files';
import type { FileSource } from './stage-file';

export function pathSource(file: string): FileSource {
  return { name: path.basename(file), size: fs.statSync(file).size, read: () => fs.readFileSync(file) };
}

export function storedSource(files: FileStore, fileId: string): FileSource {
  const stored = files.get(fileId);
  return { name: stored.ref.name, size: fs.statSync(stored.path).size, read: () => fs.readFileSync(stored.path) };
}
