import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const DOCUMENT_EXTENSION = '.ntm';

/** The user's data folder: documents, backups and temporary files live under it. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.NTM_DATA_DIR) return path.resolve(env.NTM_DATA_DIR);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'NTM Planner');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'NTM Planner');
  return path.join(env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'ntm-planner');
}

export function documentsDir(dataDir: string): string {
  return path.join(dataDir, 'documents');
}

export function defaultDocumentPath(dataDir: string): string {
  return path.join(documentsDir(dataDir), `NTM${DOCUMENT_EXTENSION}`);
}

/** `--db FILE`, then NTM_DB, then the default document in the data folder. */
export function resolveDocumentPath(explicit: string | undefined, dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = explicit ?? env.NTM_DB;
  return chosen ? path.resolve(chosen) : defaultDocumentPath(dataDir);
}

let cachedResources: string | undefined;

/** The shipped resources folder (catalogs, form definitions, fonts, print CSS). */
export function resourcesDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.NTM_RESOURCES) return path.resolve(env.NTM_RESOURCES);
  if (cachedResources) return cachedResources;
  const starts = [typeof __dirname === 'string' ? __dirname : import.meta.dirname, process.cwd()];
  for (const start of starts) {
    let dir = start;
    for (;;) {
      const candidate = path.join(dir, 'resources');
      if (fs.existsSync(path.join(candidate, 'criteria'))) return (cachedResources = candidate);
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new Error('resources/ folder not found; set NTM_RESOURCES');
}
