// PDFs of Biểu 01 for 12 and 3,321 communes, next to Chromium printing a plain unstyled table of the
// same rows in the same browser (the floor: no fonts, no merged head, no page rules).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Backend } from '../electron/backend/backend';
import { closePrintBrowser, htmlToPdf } from '../electron/backend/print/pdf';
import { seedPrintPlan } from '../test/helpers/print-seed';
import { rssMb, timeMedian, type Bench, type Figure } from './harness';

/** The same rows as a bare table: commune names, 19 marks and the count. */
function plainTable(rows: number): string {
  const body = Array.from({ length: rows }, (_, i) => `<tr><td>${i + 1}</td><td>Xã ${i + 1}</td>${'<td>x</td>'.repeat(19)}<td>19</td></tr>`).join('');
  return `<!doctype html><html><head><meta charset="utf-8"></head><body><table border="1"><thead><tr><th>STT</th><th>Tên xã</th>${Array.from({ length: 19 }, (_, i) => `<th>${i + 1}</th>`).join('')}<th>Tổng</th></tr></thead><tbody>${body}</tbody></table></body></html>`;
}

async function measure(communes: number, runs: number): Promise<Figure[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ntm-bench-print-'));
  const backend = await Backend.start({ dataDir: dir, documentPath: path.join(dir, 'print.ntm'), backupIntervalMs: 0 });
  try {
    const { planId } = await seedPrintPlan(backend, { communes, tables: false });
    const print = () => backend.dispatch('print.pdf', { planId, table: 'criteria' });
    const first = await print();
    const ms = await timeMedian(runs, print);
    const peer = await timeMedian(runs, () => htmlToPdf(plainTable(communes)));
    const label = `${communes.toLocaleString('en')}-commune`;
    return [
      {
        name: `PDF of a ${label} Biểu 01 (browser already running)`,
        value: ms,
        unit: 'ms',
        peer: { name: 'Chromium printing a plain table of the same rows', value: peer },
        target: communes <= 12 ? '≤ 1 s' : '≤ 15 s',
        note: `${first.pages} pages, ${(first.file.size / 1024).toFixed(0)} KB`,
      },
      { name: `Node process memory (RSS) after the ${label} PDF`, value: rssMb(), unit: 'MB' },
    ];
  } finally {
    await backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const bench: Bench = async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ntm-bench-print-'));
  const backend = await Backend.start({ dataDir: dir, documentPath: path.join(dir, 'cold.ntm'), backupIntervalMs: 0 });
  let cold: Figure;
  try {
    const { planId } = await seedPrintPlan(backend, { communes: 12, tables: false });
    await closePrintBrowser();
    const start = performance.now();
    await backend.dispatch('print.pdf', { planId, table: 'criteria' });
    cold = { name: 'First PDF of a 12-commune Biểu 01 (browser launch included)', value: performance.now() - start, unit: 'ms', target: '≤ 1 s' };
  } finally {
    await backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  try {
    return [cold, ...(await measure(12, 5)), ...(await measure(3321, 1))];
  } finally {
    await closePrintBrowser();
  }
};

export default bench;
