import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, findChromium } from '../helpers/browser';

// `npm start` on a machine without the Electron binary: one line says so, then the app is served on loopback.
describe('npm start without the Electron binary', () => {
  let child: ChildProcess;
  let dataDir: string;
  const lines: string[] = [];

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ntm-start-'));
    child = spawn(process.execPath, ['--import', 'tsx', 'electron/start.ts'], {
      env: { ...process.env, NTM_DATA_DIR: dataDir, ELECTRON_OVERRIDE_DIST_PATH: path.join(dataDir, 'no-electron-here') },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => {
        lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        if (lines.some((l) => l.startsWith('NTM Planner: http'))) resolve();
      });
      child.on('exit', (code) => reject(new Error(`start exited with ${code}`)));
    });
  });
  afterAll(() => {
    child.kill('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('says in one line that Electron is unavailable, then prints the address on its own line', () => {
    expect(lines[0]).toMatch(/Electron is unavailable/);
    expect(lines.find((l) => l.startsWith('NTM Planner: '))).toMatch(/^NTM Planner: http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+$/);
  });

  it('created the document in the data folder', () => {
    expect(fs.existsSync(path.join(dataDir, 'documents', 'NTM.ntm'))).toBe(true);
  });

  it('serves the app at that address to a real browser, and refuses it without the token', async () => {
    const url = lines.find((l) => l.startsWith('NTM Planner: '))!.slice('NTM Planner: '.length);
    const browser = await chromium.launch({ executablePath: findChromium()!, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      await page.goto(url);
      await page.getByRole('heading', { name: 'Đơn vị hành chính' }).waitFor();
      expect(await page.locator('body').innerText()).toContain('Thôn, bản');
      const refused = await browser.newPage();
      const response = await refused.goto(url.replace(/\?token=.*/, ''));
      expect(response?.status()).toBe(403);
    } finally {
      await browser.close();
    }
  });
});
