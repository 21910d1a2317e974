// `npm run dist`: rebuild native modules against Electron's headers, then package with electron-builder.
// Needs internet access (Electron headers and binaries); a failed rebuild stops everything.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const electronVersion = (JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
const bin = (name: string) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

function run(command: string, args: string[]): void {
  console.log(`> ${command} ${args.join(' ')}`);
  execFileSync(command, args, { cwd: root, stdio: 'inherit' });
}

try {
  run(bin('electron-rebuild'), ['--force', '--only', 'better-sqlite3', '--version', electronVersion]);
} catch {
  console.error('Không dựng lại được better-sqlite3 cho Electron / Rebuilding better-sqlite3 for Electron failed: no installer is built.');
  process.exit(1);
}
try {
  run(bin('electron-builder'), ['--config', 'electron-builder.yml', ...process.argv.slice(2)]);
} finally {
  // Put the Node build back so tests and the CLI keep working on this machine.
  run('npm', ['rebuild', 'better-sqlite3']);
}
