import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';

// A fake of the electron module: enough for main.ts to start, recording what it asked for.
const fake = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => void;
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  const appListeners = new Map<string, Listener>();
  const forked: { path: string; options: { env: Record<string, string> }; posted: unknown[]; listeners: Map<string, Listener>; killed: boolean }[] = [];
  const windows: {
    options: Record<string, unknown>;
    loaded: string | null;
    contentsListeners: Map<string, Listener>;
    openHandler: (() => unknown) | null;
    sent: unknown[][];
    printed?: Record<string, unknown>;
    destroyed?: boolean;
  }[] = [];
  const protocols = { privileged: [] as string[], handlers: new Map<string, (request: Request) => Promise<Response>>() };
  let permissionHandler: ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void) | null = null;

  class FakeBrowserWindow {
    record: (typeof windows)[number];
    webContents: Record<string, unknown>;
    constructor(options: Record<string, unknown>) {
      this.record = { options, loaded: null, contentsListeners: new Map(), openHandler: null, sent: [] };
      windows.push(this.record);
      const record = this.record;
      this.webContents = {
        setWindowOpenHandler: (fn: () => unknown) => (record.openHandler = fn),
        on: (event: string, fn: Listener) => record.contentsListeners.set(event, fn),
        send: (...args: unknown[]) => record.sent.push(args),
        print: (options: Record<string, unknown>, done: (ok: boolean) => void) => {
          record.printed = options;
          done(true);
        },
      };
    }
    on() {}
    loadFile(file: string) {
      this.record.loaded = file;
      return Promise.resolve();
    }
    destroy() {
      this.record.destroyed = true;
    }
    static fromWebContents() {
      return null;
    }
  }

  const electron = {
    app: {
      isPackaged: false,
      whenReady: () => Promise.resolve(),
      on: (event: string, fn: Listener) => appListeners.set(event, fn),
      quit: () => {},
    },
    BrowserWindow: FakeBrowserWindow,
    ipcMain: { handle: (channel: string, fn: (...args: unknown[]) => unknown) => handlers.set(channel, fn) },
    dialog: { showErrorBox: () => {}, showOpenDialog: async () => ({ canceled: true, filePaths: [] }), showSaveDialog: async () => ({ canceled: true }) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: { scheme: string }[]) => schemes.forEach((s) => protocols.privileged.push(s.scheme)),
      handle: (scheme: string, fn: (request: Request) => Promise<Response>) => protocols.handlers.set(scheme, fn),
    },
    session: { defaultSession: { setPermissionRequestHandler: (fn: typeof permissionHandler) => (permissionHandler = fn) } },
    utilityProcess: {
      fork: (file: string, _args: string[], options: { env: Record<string, string> }) => {
        const child = { path: file, options, posted: [] as unknown[], listeners: new Map<string, Listener>(), killed: false };
        forked.push(child);
        return {
          postMessage: (m: unknown) => child.posted.push(m),
          on: (event: string, fn: Listener) => child.listeners.set(event, fn),
          kill: () => (child.killed = true),
        };
      },
    },
  };
  return { electron, handlers, appListeners, forked, windows, protocols, permission: () => permissionHandler };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

describe('electron/main.ts with the electron module faked', () => {
  beforeAll(async () => {
    process.argv = [process.argv[0]!, '.', '--db', '/tmp/office.ntm'];
    await import('../../electron/main');
    await new Promise((r) => setTimeout(r, 10));
  });

  it('opens one sandboxed, isolated window on the built renderer', () => {
    expect(fake.windows).toHaveLength(1);
    const prefs = fake.windows[0]!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
    expect(String(prefs.preload)).toMatch(/preload\.cjs$/);
    expect(fake.windows[0]!.loaded).toMatch(/renderer[\\/]index\.html$/);
  });

  it('blocks navigation, new windows and permission requests', () => {
    const win = fake.windows[0]!;
    expect(win.openHandler?.()).toEqual({ action: 'deny' });
    let prevented = false;
    win.contentsListeners.get('will-navigate')?.({ preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    let granted: boolean | null = null;
    fake.permission()?.(null, 'geolocation', (ok) => (granted = ok));
    expect(granted).toBe(false);
  });

  it('runs the backend in a utility process on the document named on the command line', () => {
    expect(fake.forked).toHaveLength(1);
    expect(fake.forked[0]!.path).toMatch(/backend\.cjs$/);
    expect(fake.forked[0]!.options.env.NTM_DB).toBe('/tmp/office.ntm');
  });

  it('forwards calls to the backend and relays its replies and events', async () => {
    const call = fake.handlers.get('ntm:call')!;
    const pending = call({}, 'summary.get', {}) as Promise<unknown>;
    const child = fake.forked[0]!;
    const sent = child.posted.at(-1) as { type: string; id: number; method: string };
    expect(sent).toMatchObject({ type: 'call', method: 'summary.get' });
    child.listeners.get('message')?.({ type: 'reply', id: sent.id, ok: true, result: { figures: 1 } });
    await expect(pending).resolves.toEqual({ ok: true, result: { figures: 1 } });

    child.listeners.get('message')?.({ type: 'event', event: 'progress', payload: { done: 1 } });
    expect(fake.windows[0]!.sent.at(-1)).toEqual(['ntm:event', 'progress', { done: 1 }]);
  });

  it('refuses malformed IPC arguments without reaching the backend', async () => {
    const before = fake.forked[0]!.posted.length;
    const result = (await fake.handlers.get('ntm:call')!({}, 42, {})) as { ok: boolean };
    expect(result.ok).toBe(false);
    expect(fake.forked[0]!.posted.length).toBe(before);
  });

  it('prints a backend page in a hidden window with scripts off, then closes it', async () => {
    const pending = fake.handlers.get('ntm:print')!({}, { fileId: 'f1', name: 'bieu01.html', size: 10 }, { landscape: true, paper: 'A4' }) as Promise<unknown>;
    const child = fake.forked[0]!;
    const asked = child.posted.at(-1) as { type: string; id: number; fileId: string };
    expect(asked).toMatchObject({ type: 'pathOf', fileId: 'f1' });
    child.listeners.get('message')?.({ type: 'reply', id: asked.id, ok: true, result: '/tmp/bieu01.html' });
    await expect(pending).resolves.toEqual({ ok: true, result: true });
    const printer = fake.windows.at(-1)!;
    expect(printer.options).toMatchObject({ show: false, webPreferences: { sandbox: true, javascript: false } });
    expect(printer.loaded).toBe('/tmp/bieu01.html');
    expect(printer.printed).toMatchObject({ landscape: true, pageSize: 'A4', silent: false });
    expect(printer.destroyed).toBe(true);
  });

  it('serves backend pages inline on its own scheme for the print preview, nothing else', async () => {
    expect(fake.protocols.privileged).toContain('ntm-view');
    const handler = fake.protocols.handlers.get('ntm-view')!;
    const child = fake.forked[0]!;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ntm-view-'));
    const pdf = path.join(dir, 'bieu01.pdf');
    fs.writeFileSync(pdf, '%PDF-1.4');
    const answer = (file: string) => {
      const asked = child.posted.at(-1) as { id: number };
      child.listeners.get('message')?.({ type: 'reply', id: asked.id, ok: true, result: file });
    };
    const shown = handler(new Request('ntm-view://file/f1'));
    await new Promise((r) => setTimeout(r, 0));
    answer(pdf);
    const response = await shown;
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await response.text()).toBe('%PDF-1.4');
    const other = path.join(dir, 'secret.txt');
    fs.writeFileSync(other, 'x');
    const refused = handler(new Request('ntm-view://file/f2'));
    await new Promise((r) => setTimeout(r, 0));
    answer(other);
    expect((await refused).status).toBe(404);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('stops the backend when the last window closes', () => {
    fake.appListeners.get('window-all-closed')?.();
    expect(fake.forked[0]!.killed).toBe(true);
  });
});
