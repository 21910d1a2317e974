// The Electron shell, kept thin: one window per document view, the backend in a utility process,
// native dialogs, and the security settings. Everything else lives in the backend and the renderer.
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol, session, utilityProcess, type IpcMainInvokeEvent, type UtilityProcess } from 'electron';
import { z } from 'zod';
import type { AppErrorShape } from '../shared/contract';
import { FileRef } from '../shared/model';
import { documentFromArgv } from './host/launch-args';
import { BackendClient, type FromBackend } from './host/utility-protocol';
import { VIEW_POLICY, VIEWABLE } from './host/view-route';

const here = __dirname;
const rendererIndex = path.join(here, '..', 'renderer', 'index.html');
let backend: UtilityProcess | null = null;
let client: BackendClient | null = null;
const windows = new Set<BrowserWindow>();

const CallArgs = z.tuple([z.string().max(100), z.unknown()]);
const PickArgs = z.object({ accept: z.array(z.string().max(20)).max(20), multiple: z.boolean() });
const PrintOptions = z.object({ landscape: z.boolean(), paper: z.enum(['A4', 'A3']) });

function startBackend(): BackendClient {
  const child = utilityProcess.fork(path.join(here, 'backend.cjs'), [], {
    serviceName: 'NTM Planner backend',
    env: {
      ...process.env,
      NTM_DB: documentFromArgv(process.argv.slice(1)) ?? process.env.NTM_DB ?? '',
      NTM_RESOURCES: process.env.NTM_RESOURCES ?? path.join(app.isPackaged ? process.resourcesPath : path.join(here, '..', '..'), 'resources'),
    },
  });
  const next = new BackendClient((m) => child.postMessage(m));
  child.on('message', (message: FromBackend) => {
    if (message.type === 'fatal') dialog.showErrorBox('NTM Planner', `${message.error.message}\n\n${message.error.messageEn}`);
    const event = next.receive(message);
    if (event) for (const win of windows) win.webContents.send('ntm:event', event.event, event.payload);
  });
  child.on('exit', () => {
    next.failAll({ code: 'error.internal', message: 'Tiến trình xử lý dữ liệu đã dừng.', messageEn: 'The backend process stopped.' });
    backend = null;
  });
  backend = child;
  return next;
}

async function reply(work: () => Promise<unknown>): Promise<{ ok: true; result: unknown } | { ok: false; error: AppErrorShape }> {
  try {
    return { ok: true, result: await work() };
  } catch (error) {
    const shape = error as Partial<AppErrorShape>;
    if (typeof shape.code === 'string' && typeof shape.message === 'string') return { ok: false, error: shape as AppErrorShape };
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'error.badRequest', message, messageEn: message } };
  }
}

function backendClient(): BackendClient {
  client ??= startBackend();
  return client;
}

function registerIpc(): void {
  ipcMain.handle('ntm:call', (_e: IpcMainInvokeEvent, ...args: unknown[]) =>
    reply(async () => {
      const [method, callArgs] = CallArgs.parse(args);
      return backendClient().request({ type: 'call', method, args: callArgs });
    }),
  );
  ipcMain.handle('ntm:pickFiles', (e: IpcMainInvokeEvent, options: unknown) =>
    reply(async () => {
      const { accept, multiple } = PickArgs.parse(options);
      const win = BrowserWindow.fromWebContents(e.sender);
      const picked = await dialog.showOpenDialog(win!, {
        properties: multiple ? ['openFile', 'multiSelections'] : ['openFile'],
        filters: [{ name: 'Excel', extensions: accept.map((a) => a.replace(/^\./, '')) }],
      });
      if (picked.canceled) return [];
      return Promise.all(picked.filePaths.map((p) => backendClient().request({ type: 'registerPath', path: p })));
    }),
  );
  ipcMain.handle('ntm:saveFile', (e: IpcMainInvokeEvent, file: unknown) =>
    reply(async () => {
      const ref = FileRef.parse(file);
      const win = BrowserWindow.fromWebContents(e.sender);
      const target = await dialog.showSaveDialog(win!, { defaultPath: ref.name });
      if (target.canceled || !target.filePath) return false;
      await backendClient().request({ type: 'copyOut', fileId: ref.fileId, path: target.filePath });
      return true;
    }),
  );
  ipcMain.handle('ntm:print', (_e: IpcMainInvokeEvent, file: unknown, options: unknown) =>
    reply(async () => {
      const ref = FileRef.parse(file);
      const path = (await backendClient().request({ type: 'pathOf', fileId: ref.fileId })) as string;
      return printFile(path, PrintOptions.parse(options));
    }),
  );
}

/** ntm-view://file/<id>: a page or PDF the backend produced, shown inline in the print preview. */
const VIEW_SCHEME = 'ntm-view';
protocol.registerSchemesAsPrivileged([{ scheme: VIEW_SCHEME, privileges: { standard: true, secure: true, stream: true } }]);

async function serveView(request: Request): Promise<Response> {
  const fileId = decodeURIComponent(new URL(request.url).pathname.slice(1));
  try {
    const file = (await backendClient().request({ type: 'pathOf', fileId })) as string;
    const type = VIEWABLE[path.extname(file).toLowerCase()];
    if (!type) return new Response('Not Found', { status: 404 });
    // The app's pages come from file://, so that is who may frame the view.
    const policy = VIEW_POLICY.replace("frame-ancestors 'self'", 'frame-ancestors file:');
    return new Response(fs.readFileSync(file), { headers: { 'Content-Type': type, 'Content-Security-Policy': policy, 'X-Content-Type-Options': 'nosniff' } });
  } catch {
    return new Response('Not Found', { status: 404 });
  }
}

/** The system print dialog for a page the backend rendered, loaded in a hidden window with scripts off. */
async function printFile(file: string, options: z.infer<typeof PrintOptions>): Promise<boolean> {
  const win = new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true, javascript: false } });
  try {
    await win.loadFile(file);
    return await new Promise<boolean>((resolve) =>
      win.webContents.print({ silent: false, printBackground: true, landscape: options.landscape, pageSize: options.paper }, (success) => resolve(success)),
    );
  } finally {
    win.destroy();
  }
}

export function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    title: 'NTM Planner',
    webPreferences: {
      preload: path.join(here, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      spellcheck: false,
      // Chromium's PDF viewer, for the print preview.
      plugins: true,
    },
  });
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  win.webContents.on('will-redirect', (event) => event.preventDefault());
  windows.add(win);
  win.on('closed', () => windows.delete(win));
  void win.loadFile(rendererIndex);
  return win;
}

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

app.on('window-all-closed', () => {
  backend?.kill();
  app.quit();
});

void app.whenReady().then(() => {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  protocol.handle(VIEW_SCHEME, serveView);
  registerIpc();
  backendClient();
  createWindow();
});
