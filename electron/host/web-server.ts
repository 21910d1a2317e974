import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Backend } from '../backend/backend';
import { toErrorShape } from '../backend/errors';
import { CONTENT_SECURITY_POLICY } from './csp';
import { serveView } from './view-route';

export interface WebServerOptions {
  backend: Backend;
  /** The built renderer (index.html, assets, web-bridge.js). */
  staticDir: string;
  port?: number;
  /** Fixed token for tests; a random one per launch otherwise. */
  token?: string;
}

export interface WebServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MAX_JSON_BYTES = 32 * 1024 * 1024;
const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;
const COOKIE = 'ntm_token';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.ico': 'image/x-icon',
};

/**
 * The backend behind a loopback HTTP host: 127.0.0.1 only, a per-launch token on every request, and
 * Host/Origin checked against our own address so other sites and DNS rebinding cannot reach it.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? crypto.randomBytes(24).toString('base64url');
  const server = http.createServer();
  const sse = new Set<http.ServerResponse>();
  const unsubscribe = options.backend.on((event, payload) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const res of sse) res.write(frame);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  server.on('request', (req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: toErrorShape(error) });
      else res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (!allowedHosts.has(req.headers.host ?? '')) return forbid(res);
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins.has(origin)) return forbid(res);

    const queryToken = url.pathname === '/' ? url.searchParams.get('token') : null;
    const presented = queryToken ?? (req.headers['x-ntm-token'] as string | undefined) ?? readCookie(req, COOKIE);
    if (!presented || !sameToken(presented, token)) return forbid(res);

    if (url.pathname === '/api/call' && req.method === 'POST') return apiCall(req, res);
    if (url.pathname === '/api/upload' && req.method === 'POST') return upload(req, res, url);
    if (url.pathname.startsWith('/api/download/') && req.method === 'GET') return download(res, decodeURIComponent(url.pathname.slice(14)));
    if (url.pathname.startsWith('/api/view/') && req.method === 'GET') return serveView(options.backend.files, res, decodeURIComponent(url.pathname.slice(10)));
    if (url.pathname === '/api/events' && req.method === 'GET') return events(req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method Not Allowed');
    if (queryToken) res.setHeader('Set-Cookie', `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`);
    return serveStatic(res, url.pathname);
  }

  async function apiCall(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    let body: { method?: unknown; args?: unknown };
    try {
      body = JSON.parse((await readBody(req, MAX_JSON_BYTES)).toString('utf8')) as typeof body;
    } catch {
      return sendJson(res, 400, { ok: false, error: { code: 'error.badRequest', message: 'JSON không hợp lệ', messageEn: 'Invalid JSON' } });
    }
    try {
      const result = await options.backend.dispatch(String(body.method), body.args);
      sendJson(res, 200, { ok: true, result });
    } catch (error) {
      sendJson(res, 200, { ok: false, error: toErrorShape(error) });
    }
  }

  async function upload(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const name = url.searchParams.get('name') ?? 'upload';
    try {
      const bytes = await readBody(req, MAX_UPLOAD_BYTES);
      sendJson(res, 200, { ok: true, result: options.backend.files.registerBytes(bytes, name) });
    } catch (error) {
      sendJson(res, 413, { ok: false, error: toErrorShape(error) });
    }
  }

  function download(res: http.ServerResponse, fileId: string): void {
    let file;
    try {
      file = options.backend.files.get(fileId);
    } catch {
      return send(res, 404, 'Not Found');
    }
    res.writeHead(200, {
      'Content-Type': 'application/octet-stream',
      'Content-Length': String(fs.statSync(file.path).size),
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.ref.name)}`,
      'Cache-Control': 'no-store',
    });
    fs.createReadStream(file.path).pipe(res);
  }

  function events(req: http.IncomingMessage, res: http.ServerResponse): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': ok\n\n');
    sse.add(res);
    req.on('close', () => sse.delete(res));
  }

  function serveStatic(res: http.ServerResponse, pathname: string): void {
    const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
    const file = path.resolve(options.staticDir, relative);
    if (!file.startsWith(path.resolve(options.staticDir) + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      return send(res, 404, 'Not Found');
    }
    const ext = path.extname(file);
    let body: Buffer = fs.readFileSync(file);
    if (relative === 'index.html') body = Buffer.from(withWebBridge(body.toString('utf8')));
    res.writeHead(200, {
      'Content-Type': MIME[ext] ?? 'application/octet-stream',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    });
    res.end(body);
  }

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: async () => {
      unsubscribe();
      for (const res of sse) res.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** In the browser, `window.ntm` comes from this script; in Electron, from the preload. */
function withWebBridge(html: string): string {
  return html.replace('<!-- host-bridge -->', '<script src="/web-bridge.js"></script>');
}

function forbid(res: http.ServerResponse): void {
  send(res, 403, 'Forbidden');
}

function send(res: http.ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(value));
}

function readCookie(req: http.IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error(`request body over ${limit} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
