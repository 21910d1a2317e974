import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FileRef } from '../../shared/model';
import { AppError } from './errors';

interface StoredFile {
  ref: FileRef;
  path: string;
  /** Files we wrote ourselves (uploads, exports) are deleted on close; picked files are not. */
  owned: boolean;
}

/**
 * Files handed between a host and the backend by id, so the renderer never sees paths: a browser
 * upload, a file picked in a native dialog, or a file the backend produced for download.
 */
export class FileStore {
  private readonly files = new Map<string, StoredFile>();

  constructor(private readonly tempDir: string) {}

  /** A file that already exists on disk (picked in a native dialog). */
  registerPath(filePath: string, name = path.basename(filePath)): FileRef {
    if (!fs.existsSync(filePath)) throw new AppError('error.fileNotFound');
    return this.add(filePath, name, false);
  }

  /** Bytes that arrived from a host (a browser upload). */
  registerBytes(bytes: Uint8Array, name: string): FileRef {
    const target = this.newTempPath(name);
    fs.writeFileSync(target, bytes);
    return this.add(target, name, true);
  }

  /** A path where the backend may write a file it will hand out under `name`. */
  newTempPath(name: string): string {
    fs.mkdirSync(this.tempDir, { recursive: true });
    const safe = path.basename(name).replace(/[^\p{L}\p{N}._ -]+/gu, '_') || 'file';
    return path.join(this.tempDir, `${crypto.randomUUID()}-${safe}`);
  }

  /** Register a file the backend wrote at a path from `newTempPath`. */
  adoptTemp(filePath: string, name: string): FileRef {
    return this.add(filePath, name, true);
  }

  get(fileId: string): StoredFile {
    const file = this.files.get(fileId);
    if (!file || !fs.existsSync(file.path)) throw new AppError('error.fileNotFound');
    return file;
  }

  read(fileId: string): Buffer {
    return fs.readFileSync(this.get(fileId).path);
  }

  dispose(): void {
    for (const file of this.files.values()) if (file.owned) fs.rmSync(file.path, { force: true });
    this.files.clear();
  }

  private add(filePath: string, name: string, owned: boolean): FileRef {
    const ref: FileRef = { fileId: crypto.randomUUID(), name, size: fs.statSync(filePath).size };
    this.files.set(ref.fileId, { ref, path: filePath, owned });
    return ref;
  }
}
