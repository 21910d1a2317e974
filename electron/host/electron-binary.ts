import fs from 'node:fs';
import path from 'node:path';

/**
 * The Electron executable if it is installed, without triggering the npm package's lazy download
 * (which cannot reach its server on these machines).
 */
export function findElectronBinary(root: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const pkg = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(pkg, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : null;
  const candidate = env.ELECTRON_OVERRIDE_DIST_PATH
    ? path.join(env.ELECTRON_OVERRIDE_DIST_PATH, relative ?? (process.platform === 'win32' ? 'electron.exe' : 'electron'))
    : relative
      ? path.join(pkg, 'dist', relative)
      : null;
  return candidate && fs.existsSync(candidate) ? candidate : null;
}
