import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { Backend } from '../../electron/backend/backend';
import { startWebServer, type WebServer } from '../../electron/host/web-server';
import { CHROMIUM_ARGS, findChromium } from '../helpers/browser';

export interface RunningApp {
  backend: Backend;
  server: WebServer;
  dataDir: string;
  documentPath: string;
  browser: Browser;
  page: Page;
  /** Page errors seen so far; tests assert there are none. */
  errors: string[];
  close(): Promise<void>;
}

/** The real renderer in a real Chromium, against the loopback web host over a real document in a temp folder. */
export async function startApp(options: { seed?: (backend: Backend) => Promise<void>; viewport?: { width: number; height: number } } = {}): Promise<RunningApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ntm-e2e-'));
  const documentPath = path.join(dataDir, 'documents', 'e2e.ntm');
  const backend = await Backend.start({ dataDir, documentPath, backupIntervalMs: 0 });
  if (options.seed) await options.seed(backend);
  const server = await startWebServer({ backend, staticDir: path.resolve(import.meta.dirname, '../../dist/renderer') });
  const browser = await chromium.launch({ executablePath: findChromium()!, args: CHROMIUM_ARGS, headless: true });
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1400, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url);
  return {
    backend,
    server,
    dataDir,
    documentPath,
    browser,
    page,
    errors,
    close: async () => {
      await browser.close();
      await server.close();
      await backend.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
