// HTML → PDF with headless Chromium through playwright-core: the page's own @page rules set the paper,
// margins and page numbers, so the PDF is what the browser's print of the same page gives.
import { chromium, type Browser } from 'playwright-core';
import { AppError } from '../errors';
import { CHROMIUM_ARGS, findChromium } from './browser';

export interface PdfResult {
  bytes: Buffer;
  pages: number;
}

/** How long a launched browser waits for the next job before it is closed. */
const IDLE_MS = 20_000;

let browser: Promise<Browser> | null = null;
let idleTimer: NodeJS.Timeout | null = null;
let running = 0;

function launch(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new AppError('print.noBrowser');
  if (browser) return browser;
  const launching = chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true }).then(
    (launched) => {
      // A browser that crashed or was closed from outside is launched afresh next time.
      launched.on('disconnected', () => {
        if (browser === launching) browser = null;
      });
      return launched;
    },
    (error: unknown) => {
      browser = null;
      throw new AppError('print.browserFailed', { detail: error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error) });
    },
  );
  browser = launching;
  return launching;
}

/** Close the shared browser now (the CLI and tests call this; long-lived hosts let it idle out). */
export async function closePrintBrowser(): Promise<void> {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  const open = browser;
  browser = null;
  if (open) await (await open.catch(() => null))?.close();
}

function scheduleIdleClose(): void {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    if (running === 0) void closePrintBrowser();
  }, IDLE_MS);
  idleTimer.unref();
}

/** Start the browser ahead of the first PDF (the print screen opening); a failure shows on the real print. */
export function warmPrintBrowser(): void {
  if (browser || !findChromium()) return;
  launch().then(scheduleIdleClose, () => undefined);
}

/** Pages in a PDF Chromium wrote: the /Count of its page tree root. */
export function countPdfPages(bytes: Buffer): number {
  const counts = [...bytes.toString('latin1').matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g)].map((m) => Number(m[1] ?? m[2]));
  return counts.length ? Math.max(...counts) : 0;
}

export async function htmlToPdf(html: string): Promise<PdfResult> {
  running++;
  if (idleTimer) clearTimeout(idleTimer);
  try {
    const context = await (await launch()).newContext();
    try {
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load', timeout: 0 });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const bytes = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      return { bytes, pages: countPdfPages(bytes) };
    } finally {
      await context.close();
    }
  } finally {
    running--;
    scheduleIdleClose();
  }
}
