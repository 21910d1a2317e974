// The only bridge between the sandboxed renderer and the app: a fixed set of channels, no Node APIs,
// and the raw IPC event never reaches the page.
import { contextBridge, ipcRenderer } from 'electron';
import type { AppErrorShape, NtmBridge } from '../shared/contract';
import type { FileRef } from '../shared/model';

type Reply<T> = { ok: true; result: T } | { ok: false; error: AppErrorShape };

class BridgeError extends Error {
  constructor(readonly shape: AppErrorShape) {
    super(shape.message);
    this.name = 'AppError';
  }
}

async function invoke<T>(channel: string, ...args: unknown[]): Promise<T> {
  const reply = (await ipcRenderer.invoke(channel, ...args)) as Reply<T>;
  if (!reply.ok) throw new BridgeError(reply.error);
  return reply.result;
}

const bridge: NtmBridge = {
  call: (method, args) => invoke('ntm:call', method, args),
  on: (event, listener) => {
    const handler = (_e: unknown, name: string, payload: unknown) => {
      if (name === event) (listener as (p: unknown) => void)(payload);
    };
    ipcRenderer.on('ntm:event', handler);
    return () => ipcRenderer.removeListener('ntm:event', handler);
  },
  pickFiles: (options) => invoke<FileRef[]>('ntm:pickFiles', options),
  saveFile: (file) => invoke<boolean>('ntm:saveFile', file),
  print: (file, options) => invoke<boolean>('ntm:print', file, options),
  viewUrl: (file) => `ntm-view://file/${encodeURIComponent(file.fileId)}`,
};

contextBridge.exposeInMainWorld('ntm', bridge);
