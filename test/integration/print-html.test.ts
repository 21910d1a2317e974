import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { closePrintBrowser } from '../../electron/backend/print/pdf';
import type { WebServer } from '../../electron/host/web-server';
import { openTestBackend } from '../helpers/backend';
import { seedPrintPlan } from '../helpers/print-seed';
import { startTestWebHost } from '../helpers/web-host';

function get(port: number, urlPath: string, token: string): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: urlPath, headers: { 'X-NTM-Token': token } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
      })
      .on('error', reject);
  });
}

// The smallest valid PNG: one white pixel.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC', 'base64');

describe('the printable HTML page', () => {
  let backend: Backend;
  let planId: number;

  beforeAll(async () => {
    ({ backend } = await openTestBackend());
    ({ planId } = await seedPrintPlan(backend));
  });
  afterAll(async () => {
    await backend.close();
    await closePrintBrowser();
  });

  async function html(options: object = {}, table = 'criteria'): Promise<string> {
    const result = await backend.dispatch('print.html', { planId, table, options });
    return backend.files.read(result.file.fileId).toString('utf8');
  }

  it('is self-contained: fonts embedded, no script, no external reference', async () => {
    const page = await html();
    expect(page).toMatch(/@font-face \{ font-family: 'NTM Times'.*src: local\('Times New Roman'\).*url\(data:font\/woff2;base64,/);
    expect(page).not.toMatch(/<script|src="http|href="http|url\(http/i);
  });

  it('repeats its head through <thead>, keeps totals in the body and never uses <tfoot>', async () => {
    const page = await html();
    expect(page).toContain('<thead>');
    expect(page).not.toContain('<tfoot');
    expect(page).toMatch(/<tbody class="keep-with-signature">.*Số xã đạt.*Bình quân tiêu chí\/xã.*NGƯỜI LẬP BIỂU.*<\/tbody><\/table>/s);
    expect(page).toMatch(/<tr class="numbering"><th>\(1\)<\/th><th>\(2\)<\/th>/);
    // Totals are body rows in bold.
    expect(page).toMatch(/<tr class="total"><td class="center"><\/td><td class="left">Số xã đạt<\/td>/);
    expect(page).toMatch(/table\.annex tr\.total td,\s*table\.annex tr\.section td \{\s*font-weight: bold;/);
  });

  it('sets paper, orientation and the Nghị định 30 margins in @page, and honours edited margins', async () => {
    expect(await html()).toContain('@page { size: A4 landscape; margin: 20mm 15mm 20mm 30mm; }');
    const edited = await html({ paper: 'A3', orientation: 'portrait', margins: { top: 25, bottom: 22, left: 35, right: 20 } });
    expect(edited).toContain('@page { size: A3 portrait; margin: 25mm 20mm 22mm 35mm; }');
  });

  it('escapes names from the document', async () => {
    backend.document!.db.prepare('UPDATE unit SET name = ? WHERE name = ?').run('Bản <b>Bo</b> & "Hon"', 'Bản Bo');
    const page = await html();
    expect(page).toContain('Bản &lt;b&gt;Bo&lt;/b&gt; &amp; &quot;Hon&quot;');
    expect(page).not.toContain('<b>Bo</b>');
    backend.document!.db.prepare('UPDATE unit SET name = ? WHERE name = ?').run('Bản Bo', 'Bản <b>Bo</b> & "Hon"');
  });

  it('prints a chart image handed in as a file under the table, before the signature', async () => {
    const image = backend.files.registerBytes(PNG, 'chart.png');
    const page = await html({ images: [{ file: image, caption: 'Biểu đồ số tiêu chí đạt' }] });
    expect(page).toMatch(/<figure class="figure"><img src="data:image\/png;base64,[^"]+" alt=""><figcaption>Biểu đồ số tiêu chí đạt<\/figcaption><\/figure><div class="signatures">/);
  });

  it('refuses what it cannot print, with a clear message, and writes nothing', async () => {
    const text = backend.files.registerBytes(Buffer.from('not an image'), 'notes.txt');
    const outputs = path.dirname(backend.files.get(text.fileId).path);
    const before = fs.readdirSync(outputs).length;
    await expect(backend.dispatch('print.html', { planId, table: 'criteria', options: { images: [{ file: text }] } })).rejects.toMatchObject({ code: 'print.imageNotPng' });
    await expect(backend.dispatch('print.html', { planId: 999, table: 'criteria' })).rejects.toMatchObject({ code: 'error.notFound' });
    await expect(backend.dispatch('print.html', { planId, table: 'villages' })).rejects.toMatchObject({ code: 'error.badRequest' });
    await expect(backend.dispatch('print.html', { planId, table: 'resources', options: { year: 2027 } })).rejects.toMatchObject({ code: 'funding.yearOutsidePlan' });
    await expect(backend.dispatch('print.pdf', { planId, table: 'criteria', options: { margins: { top: 90 } } })).rejects.toMatchObject({ code: 'error.badRequest' });
    expect(fs.readdirSync(outputs)).toHaveLength(before);
  });

  it('titles the plan side of the matrix as the plan for the year', async () => {
    expect(await html({ side: 'plan' })).toContain('<h1 class="title">Kế hoạch thực hiện các tiêu chí nông thôn mới của các xã năm 2025</h1>');
  });

  it('offers the plan header fields as defaults for the print form', async () => {
    const defaults = await backend.dispatch('print.defaults', { planId, table: 'resources' });
    expect(defaults).toMatchObject({
      formNo: '04',
      landscape: false,
      issuer: 'ỦY BAN NHÂN DÂN HUYỆN TAM ĐƯỜNG',
      docNumber: '158/KH-UBND',
      docDate: '2025-04-19',
      issuedBy: 'UBND huyện Tam Đường',
      signer: 'Nguyễn Văn An',
      signerTitle: 'PHÓ CHỦ TỊCH',
      year: 2025,
    });
  });
});

describe('the web host view route', () => {
  let backend: Backend;
  let server: WebServer;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ backend, server, close } = await startTestWebHost());
  });
  afterAll(async () => close());

  it('serves a printed page inline under its own strict policy, framable only by the app', async () => {
    const { planId } = await seedPrintPlan(backend, { tables: false });
    const { file } = await backend.dispatch('print.html', { planId, table: 'criteria' });
    const res = await get(server.port, `/api/view/${file.fileId}`, server.token);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^inline;/);
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(res.body).toContain('Biểu số 01');
  });

  it('shows nothing else: unknown ids, other file types and requests without the token', async () => {
    const other = backend.files.registerBytes(Buffer.from('a,b'), 'data.csv');
    expect((await get(server.port, '/api/view/nope', server.token)).status).toBe(404);
    expect((await get(server.port, `/api/view/${other.fileId}`, server.token)).status).toBe(404);
    expect((await get(server.port, `/api/view/${other.fileId}`, 'wrong')).status).toBe(403);
  });
});
