// `window.ntm` for the browser: the loopback web host serves this script next to the renderer.
// The token travels in an HttpOnly cookie set when the page was opened with ?token=.
import type { AppErrorShape, EventName, NtmBridge } from '../../shared/contract';
import type { FileRef } from '../../shared/model';

class BridgeError extends Error {
  constructor(readonly shape: AppErrorShape) {
    super(shape.message);
    this.name = 'AppError';
  }
}

async function post<T>(url: string, body: BodyInit, contentType: string): Promise<T> {
  const response = await fetch(url, { method: 'POST', body, headers: { 'Content-Type': contentType }, credentials: 'same-origin' });
  const reply = (await response.json()) as { ok: true; result: T } | { ok: false; error: AppErrorShape };
  if (!reply.ok) throw new BridgeError(reply.error);
  return reply.result;
}

let source: EventSource | null = null;
const listeners = new Map<string, Set<(payload: unknown) => void>>();

function subscribe(event: string, listener: (payload: unknown) => void): () => void {
  if (!source) source = new EventSource('/api/events');
  let set = listeners.get(event);
  if (!set) {
    set = new Set();
    listeners.set(event, set);
    source.addEventListener(event, (e) => {
      const payload: unknown = JSON.parse((e as MessageEvent<string>).data);
      for (const l of listeners.get(event) ?? []) l(payload);
    });
  }
  set.add(listener);
  return () => set.delete(listener);
}

function chooseFiles(accept: string[], multiple: boolean): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept.join(',');
    input.multiple = multiple;
    input.style.display = 'none';
    input.addEventListener('change', () => {
      resolve([...(input.files ?? [])]);
      input.remove();
    });
    input.addEventListener('cancel', () => {
      resolve([]);
      input.remove();
    });
    document.body.append(input);
    input.click();
  });
}

function viewUrl(file: FileRef): string {
  return `/api/view/${encodeURIComponent(file.fileId)}`;
}

/** The browser's print of the very page the backend produced, loaded in a hidden frame of our origin. */
function printPage(file: FileRef): Promise<boolean> {
  return new Promise((resolve) => {
    const frame = document.createElement('iframe');
    frame.setAttribute('aria-hidden', 'true');
    frame.dataset.ntmPrint = file.fileId;
    frame.style.cssText = 'position:fixed;width:0;height:0;border:0;visibility:hidden';
    frame.addEventListener('load', () => {
      const view = frame.contentWindow;
      if (!view) return resolve(false);
      // print() returns when the dialog closes; the frame goes with it.
      view.print();
      setTimeout(() => frame.remove(), 1000);
      resolve(true);
    });
    frame.src = viewUrl(file);
    document.body.append(frame);
  });
}

const bridge: NtmBridge = {
  call: (method, args) => post('/api/call', JSON.stringify({ method, args }), 'application/json'),
  on: (event: EventName, listener) => subscribe(event, listener as (payload: unknown) => void),
  pickFiles: async ({ accept, multiple }) => {
    const files = await chooseFiles(accept, multiple);
    const refs: FileRef[] = [];
    for (const file of files) {
      refs.push(await post<FileRef>(`/api/upload?name=${encodeURIComponent(file.name)}`, file, 'application/octet-stream'));
    }
    return refs;
  },
  saveFile: async (file) => {
    const link = document.createElement('a');
    link.href = `/api/download/${encodeURIComponent(file.fileId)}`;
    link.download = file.name;
    document.body.append(link);
    link.click();
    link.remove();
    return true;
  },
  print: (file) => printPage(file),
  viewUrl: (file) => viewUrl(file),
};

Object.defineProperty(window, 'ntm', { value: Object.freeze(bridge), writable: false, configurable: false });
