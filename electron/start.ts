// `npm start`: the Electron window where Electron's binary is installed, otherwise the same app on loopback.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { findElectronBinary } from './host/electron-binary';
import { serve } from './web';

const root = path.resolve(import.meta.dirname, '..');
const argv = process.argv.slice(2);
const binary = findElectronBinary(root);

if (binary) {
  const child = spawn(binary, [root, ...argv], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('Electron không có trên máy này — NTM Planner chạy trên trình duyệt / Electron is unavailable here: serving NTM Planner on loopback instead.');
  await serve(argv);
}
