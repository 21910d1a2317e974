// Builds the renderer (Vite), the web host's bridge script and the Electron bundles (esbuild).
// `--renderer` builds only what the web host and the tests need.
import path from 'node:path';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

const root = path.resolve(import.meta.dirname, '..');
const rendererOnly = process.argv.includes('--renderer');

export async function buildRenderer(): Promise<void> {
  // Under vitest NODE_ENV is 'test', which would make Vite bundle React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn', mode: 'production' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  await esbuild({
    entryPoints: [path.join(root, 'electron/host/web-bridge.ts')],
    outfile: path.join(root, 'dist/renderer/web-bridge.js'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'warning',
  });
}

export async function buildElectron(): Promise<void> {
  const common = {
    bundle: true,
    platform: 'node' as const,
    target: 'node20',
    format: 'cjs' as const,
    logLevel: 'warning' as const,
    sourcemap: true,
    // Modules written as ESM find their folder through import.meta; in the CommonJS bundle that is __dirname.
    define: { 'import.meta.dirname': '__dirname', 'import.meta.filename': '__filename' },
    // Code that also runs as ESM checks for __filename before it falls back to import.meta.url.
    logOverride: { 'empty-import-meta': 'silent' as const },
  };
  await esbuild({ ...common, entryPoints: [path.join(root, 'electron/main.ts')], outfile: path.join(root, 'dist/electron/main.cjs'), external: ['electron'] });
  await esbuild({ ...common, entryPoints: [path.join(root, 'electron/preload.ts')], outfile: path.join(root, 'dist/electron/preload.cjs'), external: ['electron'] });
  await esbuild({
    ...common,
    entryPoints: [path.join(root, 'electron/utility.ts')],
    outfile: path.join(root, 'dist/electron/backend.cjs'),
    external: ['better-sqlite3', 'exceljs', 'hyperformula', 'playwright-core', 'xlsx'],
  });
  // Workbooks are parsed in a worker thread, bundled next to the backend.
  await esbuild({
    ...common,
    entryPoints: [path.join(root, 'electron/backend/import/parse-worker.ts')],
    outfile: path.join(root, 'dist/electron/parse-worker.cjs'),
    external: ['exceljs', 'xlsx'],
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  await buildRenderer();
  if (!rendererOnly) await buildElectron();
}
