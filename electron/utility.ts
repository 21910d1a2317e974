// Entry of Electron's utility process: the backend (SQLite, import, export, print) runs here, away from
// the main process, so a long task never freezes the windows.
import { Backend } from './backend/backend';
import { toErrorShape } from './backend/errors';
import { defaultDataDir, resolveDocumentPath } from './backend/paths';
import { serveBackend, type FromBackend, type ToBackend } from './host/utility-protocol';

interface ParentPort {
  on(event: 'message', listener: (e: { data: ToBackend }) => void): void;
  postMessage(message: FromBackend): void;
}

const port = (process as unknown as { parentPort: ParentPort }).parentPort;

async function main(): Promise<void> {
  const dataDir = defaultDataDir();
  try {
    const backend = await Backend.start({ dataDir, documentPath: resolveDocumentPath(process.env.NTM_DB || undefined, dataDir) });
    const handle = serveBackend(backend, (m) => port.postMessage(m));
    port.on('message', (e) => void handle(e.data));
    process.on('exit', () => void backend.close());
    port.postMessage({ type: 'ready' });
  } catch (error) {
    port.postMessage({ type: 'fatal', error: toErrorShape(error) });
  }
}

void main();
