// Inline view of a page or PDF the backend produced (print preview, browser print). The page is
// ours and script-free, so its own policy allows nothing but its embedded styles, fonts and images,
// and only our own app may frame it.
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import type { FileStore } from '../backend/files';

export const VIEWABLE: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.pdf': 'application/pdf',
  '.png': 'image/png',
};

export const VIEW_POLICY = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'font-src data:',
  'img-src data:',
  "frame-ancestors 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Serves a stored file inline when it is HTML, PDF or PNG; anything else is not found. */
export function serveView(files: FileStore, res: http.ServerResponse, fileId: string): void {
  let file;
  try {
    file = files.get(fileId);
  } catch {
    file = null;
  }
  const type = file ? VIEWABLE[path.extname(file.ref.name).toLowerCase()] : undefined;
  if (!file || !type) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end('Not Found');
    return;
  }
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Length': String(fs.statSync(file.path).size),
    'Content-Disposition': `inline; filename*=UTF-8''${encodeURIComponent(file.ref.name)}`,
    'Content-Security-Policy': VIEW_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  });
  fs.createReadStream(file.path).pipe(res);
}
