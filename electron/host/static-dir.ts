import fs from 'node:fs';
import path from 'node:path';

/** The built renderer: NTM_RENDERER_DIR, or dist/renderer of the project. */
export function rendererDir(): string {
  if (process.env.NTM_RENDERER_DIR) return path.resolve(process.env.NTM_RENDERER_DIR);
  const starts = [typeof __dirname === 'string' ? __dirname : import.meta.dirname, process.cwd()];
  for (const start of starts) {
    let dir = start;
    for (;;) {
      const candidate = path.join(dir, 'dist', 'renderer');
      if (fs.existsSync(path.join(candidate, 'index.html'))) return candidate;
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new Error('The renderer is not built: run `npm run build` first.');
}
