import path from 'node:path';
import { Backend } from '../../electron/backend/backend';
import { tempDir } from './temp';

/** A backend over a real document file in a temp folder. */
export async function openTestBackend(name = 'test.ntm'): Promise<{ backend: Backend; dataDir: string; documentPath: string }> {
  const dataDir = tempDir();
  const documentPath = path.join(dataDir, 'documents', name);
  const backend = await Backend.start({ dataDir, documentPath, backupIntervalMs: 0 });
  return { backend, dataDir, documentPath };
}
