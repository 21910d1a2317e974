import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run';
import type { WebServer } from '../../electron/host/web-server';
import { openTestBackend } from '../helpers/backend';
import { tempDir } from '../helpers/temp';
import { startTestWebHost } from '../helpers/web-host';

function request(port: number, options: { path: string; method?: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: options.path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
    });
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

describe('the loopback web host', () => {
  let server: WebServer;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ server, close } = await startTestWebHost());
  });
  afterAll(async () => close());

  it('prints its address on 127.0.0.1 with the token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
  });

  it('refuses any request without the token, or with a wrong one', async () => {
    expect((await request(server.port, { path: '/' })).status).toBe(403);
    expect((await request(server.port, { path: '/?token=wrong' })).status).toBe(403);
    expect((await request(server.port, { path: '/api/call', method: 'POST', body: '{"method":"summary.get"}' })).status).toBe(403);
  });

  it('refuses requests whose Host or Origin is not its own, even with the token', async () => {
    expect((await request(server.port, { path: `/?token=${server.token}`, headers: { Host: `evil.example:${server.port}` } })).status).toBe(403);
    const origin = await request(server.port, {
      path: '/api/call',
      method: 'POST',
      headers: { 'X-NTM-Token': server.token, Origin: 'http://evil.example', 'Content-Type': 'application/json' },
      body: JSON.stringify({ method: 'summary.get', args: {} }),
    });
    expect(origin.status).toBe(403);
  });

  it('serves the app with the token, sets a strict CSP and the session cookie, and injects the web bridge', async () => {
    const res = await request(server.port, { path: `/?token=${server.token}` });
    expect(res.status).toBe(200);
    expect(res.body).toContain('<script src="/web-bridge.js"></script>');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(String(res.headers['set-cookie'])).toContain('HttpOnly');
    const cookie = String(res.headers['set-cookie']).split(';')[0]!;
    expect((await request(server.port, { path: '/index.html', headers: { Cookie: cookie } })).status).toBe(200);
    expect((await request(server.port, { path: '/../../etc/passwd', headers: { Cookie: cookie } })).status).toBe(404);
  });

  it('answers contract calls and reports errors in both languages', async () => {
    const headers = { 'X-NTM-Token': server.token, 'Content-Type': 'application/json' };
    const ok = await request(server.port, { path: '/api/call', method: 'POST', headers, body: JSON.stringify({ method: 'units.create', args: { kind: 'commune', name: 'Nà Tăm' } }) });
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, result: { name: 'Nà Tăm' } });
    const bad = await request(server.port, { path: '/api/call', method: 'POST', headers, body: JSON.stringify({ method: 'units.delete', args: { id: 'x' } }) });
    const error = JSON.parse(bad.body) as { ok: boolean; error: { message: string; messageEn: string } };
    expect(error.ok).toBe(false);
    expect(error.error.message).toContain('Yêu cầu không hợp lệ');
    expect(error.error.messageEn).toContain('Invalid request');
  });

  it('takes uploads and hands files back for download', async () => {
    const headers = { 'X-NTM-Token': server.token, 'Content-Type': 'application/octet-stream' };
    const up = await request(server.port, { path: '/api/upload?name=bi%E1%BB%83u.xlsx', method: 'POST', headers, body: 'PK-bytes' });
    const ref = (JSON.parse(up.body) as { result: { fileId: string; name: string; size: number } }).result;
    expect(ref).toMatchObject({ name: 'biểu.xlsx', size: 8 });
    const down = await request(server.port, { path: `/api/download/${ref.fileId}`, headers: { 'X-NTM-Token': server.token } });
    expect(down.body).toBe('PK-bytes');
    expect(down.headers['content-disposition']).toContain("filename*=UTF-8''bi%E1%BB%83u.xlsx");
  });
});

describe('the command line', () => {
  function capture() {
    const out: string[] = [];
    const err: string[] = [];
    return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
  }

  it('prints the summary of a new document as JSON, listing both criteria sets', async () => {
    const dir = tempDir();
    const { io, out } = capture();
    const code = await runCli(['summary', '--db', path.join(dir, 'new.ntm'), '--json'], io, { NTM_DATA_DIR: dir });
    expect(code).toBe(0);
    const summary = JSON.parse(out.join('\n')) as { units: { communes: number }; criteriaSets: { id: string; criteria: number }[]; matrix: unknown[] };
    expect(summary.units.communes).toBe(0);
    expect(summary.criteriaSets.map((s) => s.criteria).sort((a, b) => a - b)).toEqual([10, 19]);
    expect(summary.matrix).toEqual([]);
  });

  it('reports the matrix figures of entered marks', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'm.ntm');
    const { backend } = await (async () => {
      const { Backend } = await import('../../electron/backend/backend');
      return { backend: await Backend.start({ dataDir: dir, documentPath: db, backupIntervalMs: 0 }) };
    })();
    const sets = await backend.dispatch('criteria.sets', {});
    const set = sets.find((s) => s.period === '2021-2025')!;
    const a = await backend.dispatch('units.create', { kind: 'commune', name: 'A' });
    const b = await backend.dispatch('units.create', { kind: 'commune', name: 'B' });
    const insert = backend.document!.db.prepare("INSERT INTO criterion_mark (unit_id, criterion_id, year, kind, met) VALUES (?, ?, 2024, 'actual', ?)");
    for (const c of set.criteria) {
      insert.run(a.id, c.id, 1);
      insert.run(b.id, c.id, c.no <= 14 ? 1 : 0);
    }
    await backend.close();
    const { io, out } = capture();
    expect(await runCli(['summary', '--db', db, '--json'], io, { NTM_DATA_DIR: dir })).toBe(0);
    const summary = JSON.parse(out.join('\n')) as { matrix: { year: number; kind: string; communes: number; met: number; average: number; fullyMet: number; perCriterion: Record<string, number> }[] };
    expect(summary.matrix).toEqual([
      expect.objectContaining({ year: 2024, kind: 'actual', communes: 2, met: 33, average: 16.5, fullyMet: 1, perCriterion: expect.objectContaining({ '1': 2, '19': 1 }) }),
    ]);
  });

  it('prints usage and exits 64 for unknown commands and bad arguments', async () => {
    const unknown = capture();
    expect(await runCli(['frobnicate'], unknown.io, {})).toBe(64);
    expect(unknown.err.join('\n')).toContain('usage');
    const bad = capture();
    expect(await runCli(['summary', '--nope'], bad.io, {})).toBe(64);
    expect(bad.err.join('\n')).toContain('--nope');
    const none = capture();
    expect(await runCli([], none.io, {})).toBe(64);
  });

  it('explains a document in use in Vietnamese and English', async () => {
    const { backend, documentPath, dataDir } = await openTestBackend();
    const { io, err } = capture();
    const code = await runCli(['summary', '--db', documentPath], io, { NTM_DATA_DIR: dataDir });
    await backend.close();
    expect(code).toBe(1);
    expect(err.join('\n')).toMatch(/Lỗi: .*đang được mở/);
    expect(err.join('\n')).toMatch(/Error: .*open in another program/);
  });
});
