import fs from 'node:fs';
import path from 'node:path';
import type { DocumentInfo } from '../../../shared/model';
import type { HandlerMap } from '../context';
import { listBackups } from '../db/backups';
import type { Document } from '../db/document';
import { AppError } from '../errors';
import { DOCUMENT_EXTENSION, documentsDir } from '../paths';

export function documentInfo(doc: Document): DocumentInfo {
  return { path: doc.path, name: path.basename(doc.path, DOCUMENT_EXTENSION), schemaVersion: doc.schemaVersion, sizeBytes: fs.statSync(doc.path).size };
}

function fileInfo(file: string): DocumentInfo {
  return { path: file, name: path.basename(file, DOCUMENT_EXTENSION), schemaVersion: 0, sizeBytes: fs.statSync(file).size };
}

export const documentHandlers = {
  'doc.list': (_args, ctx) => {
    const dir = documentsDir(ctx.dataDir);
    const documents = fs.existsSync(dir)
      ? fs
          .readdirSync(dir)
          .filter((f) => f.endsWith(DOCUMENT_EXTENSION))
          .sort((a, b) => a.localeCompare(b, 'vi'))
          .map((f) => fileInfo(path.join(dir, f)))
      : [];
    return { dataDir: ctx.dataDir, documents };
  },
  'doc.create': async ({ name }, ctx) => {
    const safe = name.normalize('NFC').replace(/[\\/:*?"<>|]+/g, '_');
    const file = path.join(documentsDir(ctx.dataDir), `${safe}${DOCUMENT_EXTENSION}`);
    if (fs.existsSync(file)) throw new AppError('error.docExists', { path: file });
    return documentInfo(await ctx.switchDocument(file, true));
  },
  'doc.open': async ({ path: file }, ctx) => documentInfo(await ctx.switchDocument(file, false)),
  'doc.current': (_args, ctx) => (ctx.hasDocument() ? documentInfo(ctx.doc()) : null),
  'doc.saveCopy': async (_args, ctx) => {
    const doc = ctx.doc();
    const name = path.basename(doc.path);
    const target = ctx.files.newTempPath(name);
    await doc.db.backup(target);
    return ctx.files.adoptTemp(target, name);
  },
  'doc.backups': (_args, ctx) => listBackups(ctx.dataDir, ctx.doc().path),
} satisfies Partial<HandlerMap>;
