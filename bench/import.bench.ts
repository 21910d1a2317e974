// Import of a Biểu 01 with 3,321 communes (every commune of the country after the 2025 merger), end to
// end as `ntm import` does it — package checks, parsing in the worker, recognising, binding, formula and
// rule checks, one transaction and its commit — next to a bare exceljs read of the same file and
// LibreOffice's CSV conversion of it, measured in this run. Each run imports into a new, empty document,
// created (and closed) outside the time measured. Peak memory is sampled during the import.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { Backend } from '../electron/backend/backend';
import { pathSource } from '../electron/backend/import/file-sources';
import { applyFiles, readFiles } from '../electron/backend/import/import-batch';
import { closeParser } from '../electron/backend/import/parser';
import { percentile, rssMb, timeMedian, type Bench, type Figure } from './harness';

const COMMUNES = 3321;
const RUNS = 5;

async function writeForm(file: string): Promise<void> {
  const criteria = (JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../resources/criteria/xa-ntm-2021-2025.json'), 'utf8')) as { criteria: { no: number; name: string }[] }).criteria;
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('Bieu 01');
  ws.getCell('A1').value = 'ỦY BAN NHÂN DÂN TỈNH';
  ws.getCell('W1').value = 'Biểu số 01';
  ws.getCell('A2').value = 'KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ XÃ NÔNG THÔN MỚI ĐẾN 31/12/2024 VÀ KẾ HOẠCH NĂM 2025';
  ws.getRow(4).values = ['STT', 'Tên xã', ...criteria.map((c) => c.name), 'Tổng số tiêu chí đạt', 'Năm được công nhận đạt chuẩn NTM', 'Kế hoạch năm 2025 (số tiêu chí đạt)', 'Ghi chú'];
  ws.getRow(5).values = [null, null, ...criteria.map((c) => c.no)];
  ws.mergeCells('A4:A5');
  ws.mergeCells('B4:B5');
  for (let i = 0; i < COMMUNES; i++) {
    const r = 6 + i;
    const marks = criteria.map((c) => ((i + c.no) % 7 === 0 ? null : 'x'));
    const met = marks.filter((m) => m === 'x').length;
    ws.getRow(r).values = [i + 1, `Xã Số ${String(i + 1).padStart(4, '0')}`, ...marks, { formula: `COUNTIF(C${r}:U${r},"x")`, result: met }, met === 19 ? 2020 : null, 19, null];
  }
  ws.getCell(6 + COMMUNES + 2, 2).value = 'NGƯỜI LẬP BIỂU';
  await workbook.xlsx.writeFile(file);
}

/** Highest RSS seen while `fn` runs (the worker thread's heap is part of the process). */
async function peakRss(fn: () => Promise<unknown>): Promise<number> {
  let peak = rssMb();
  const timer = setInterval(() => (peak = Math.max(peak, rssMb())), 10);
  try {
    await fn();
  } finally {
    clearInterval(timer);
  }
  return Math.max(peak, rssMb());
}

function hasSoffice(): boolean {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const bench: Bench = async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ntm-bench-import-'));
  try {
    const file = path.join(dir, 'bieu01-3321.xlsx');
    await writeForm(file);
    const bytes = fs.readFileSync(file);
    let n = 0;
    /** One import into a new document; the document's creation and closing are set-up, not timed. */
    const timedImport = async (): Promise<number> => {
      const backend = await Backend.start({ dataDir: path.join(dir, `data-${n}`), documentPath: path.join(dir, `doc-${n++}.ntm`), backupIntervalMs: 0 });
      try {
        const start = performance.now();
        const reads = await readFiles([pathSource(file)]);
        const [report] = applyFiles(backend.document!.db, reads, { createUnits: false }).files;
        const elapsed = performance.now() - start;
        if (report?.counts.units !== COMMUNES) throw new Error(`imported ${report?.counts.units} communes`);
        return elapsed;
      } finally {
        await backend.close();
      }
    };
    // Warm both sides once: module loading and the parsing worker's start are not what is measured.
    await timedImport();
    await new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer);
    const bare = await timeMedian(RUNS, async () => new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer));
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) times.push(await timedImport());
    const ours = percentile(times, 50);
    const peak = await peakRss(timedImport);
    const figures: Figure[] = [
      {
        name: `Import a Biểu 01 with ${COMMUNES.toLocaleString('en')} communes end to end (into a new document)`,
        value: ours,
        unit: 'ms',
        peer: { name: 'bare exceljs read of the same file', value: bare },
        target: '≤ 1.5× the bare exceljs read',
        note: `${(ours / bare).toFixed(2)}× the exceljs read`,
      },
      { name: 'Peak memory (RSS) during that import', value: peak, unit: 'MB' },
    ];
    if (hasSoffice()) {
      const soffice = await timeMedian(1, () =>
        execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`, '--convert-to', 'csv', '--outdir', dir, file], { stdio: 'ignore' }),
      );
      figures.push({
        name: `Import a Biểu 01 with ${COMMUNES.toLocaleString('en')} communes end to end`,
        value: ours,
        unit: 'ms',
        peer: { name: 'soffice --headless --convert-to csv of the same file', value: soffice },
        target: '≥ 2× faster than LibreOffice',
        note: `${(soffice / ours).toFixed(2)}× faster`,
      });
    }
    return figures;
  } finally {
    await closeParser();
    fs.rmSync(dir, { recursive: true, force: true });
  }
};

export default bench;
