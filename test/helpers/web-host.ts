import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Backend } from '../../electron/backend/backend';
import { startWebServer, type WebServer } from '../../electron/host/web-server';
import { openTestBackend } from './backend';

/** The loopback web host over a temp document, serving a stand-in renderer page. */
export async function startTestWebHost(): Promise<{ backend: Backend; server: WebServer; close(): Promise<void> }> {
  const { backend } = await openTestBackend();
  const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ntm-static-'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<html><head><!-- host-bridge --></head><body>NTM</body></html>');
  const server = await startWebServer({ backend, staticDir });
  return {
    backend,
    server,
    close: async () => {
      await server.close();
      await backend.close();
      fs.rmSync(staticDir, { recursive: true, force: true });
    },
  };
}
