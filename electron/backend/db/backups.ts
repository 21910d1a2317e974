import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Document } from './document';
import { timestamp } from './document';

const KEEP = 10;

/** Automatic backups of one document, by SQLite's online backup API, in the data folder. */
export function backupFolder(dataDir: string, documentPath: string): string {
  const hash = crypto.createHash('sha256').update(path.resolve(documentPath)).digest('hex').slice(0, 8);
  const base = path.basename(documentPath).replace(/[^\p{L}\p{N}._-]+/gu, '_');
  return path.join(dataDir, 'backups', `${base}-${hash}`);
}

export async function backupNow(doc: Document, dataDir: string): Promise<string> {
  const dir = backupFolder(dataDir, doc.path);
  fs.mkdirSync(dir, { recursive: true });
  let target = path.join(dir, `${timestamp()}.ntm`);
  for (let i = 1; fs.existsSync(target); i++) target = path.join(dir, `${timestamp()}-${i}.ntm`);
  await doc.db.backup(target);
  pruneBackups(dir);
  return target;
}

export function listBackups(dataDir: string, documentPath: string): { path: string; createdAt: string; sizeBytes: number }[] {
  const dir = backupFolder(dataDir, documentPath);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.ntm'))
    .sort()
    .reverse()
    .map((f) => {
      const full = path.join(dir, f);
      const stat = fs.statSync(full);
      return { path: full, createdAt: stat.mtime.toISOString(), sizeBytes: stat.size };
    });
}

/** Keep the newest backups; names sort by time. */
function pruneBackups(dir: string): void {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.ntm')).sort();
  for (const old of files.slice(0, Math.max(0, files.length - KEEP))) fs.rmSync(path.join(dir, old), { force: true });
}
