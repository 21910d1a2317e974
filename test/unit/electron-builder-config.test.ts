import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Target {
  target: string;
}
const config = parse(fs.readFileSync('electron-builder.yml', 'utf8')) as {
  asarUnpack: string[];
  npmRebuild: boolean;
  fileAssociations: { ext: string }[];
  win: { target: Target[] };
  nsis: { oneClick: boolean; perMachine: boolean; allowElevation: boolean };
  linux: { target: Target[] };
  extraMetadata: { main: string };
};

describe('electron-builder.yml', () => {
  it('builds a per-user NSIS installer that needs no administrator rights, and a portable build', () => {
    expect(config.win.target.map((t) => t.target)).toEqual(expect.arrayContaining(['nsis', 'portable']));
    expect(config.nsis.perMachine).toBe(false);
    expect(config.nsis.allowElevation).toBe(false);
  });
  it('builds a Linux AppImage', () => {
    expect(config.linux.target.map((t) => t.target)).toContain('AppImage');
  });
  it('associates the document extension', () => {
    expect(config.fileAssociations.map((a) => a.ext)).toContain('ntm');
  });
  it('unpacks native modules from the asar and leaves the rebuild to the failing-loudly dist script', () => {
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.npmRebuild).toBe(false);
    const dist = fs.readFileSync('scripts/dist.ts', 'utf8');
    expect(dist).toContain('electron-rebuild');
    expect(dist).toContain('process.exit(1)');
  });
  it('starts the built main process', () => {
    expect(config.extraMetadata.main).toBe('dist/electron/main.cjs');
    const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { main: string; scripts: Record<string, string> };
    expect(pkg.main).toBe(config.extraMetadata.main);
    for (const script of ['start', 'serve', 'test', 'typecheck', 'lint', 'bench', 'ntm', 'dist']) expect(pkg.scripts[script]).toBeTruthy();
  });
});
