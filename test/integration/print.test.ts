import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { closePrintBrowser } from '../../electron/backend/print/pdf';
import type { PrintOptionsInput, PrintTable } from '../../shared/api/print';
import { openTestBackend } from '../helpers/backend';
import { allPages, darkShare, pdfFonts, pdfInfo, renderPage } from '../helpers/pdf';
import { PRINT_YEAR, seedPrintPlan, UNMET, unmetCriteria } from '../helpers/print-seed';
import os from 'node:os';

const A4 = { short: 595, long: 842 };
const A3 = { short: 842, long: 1191 };

// PDFs printed in beforeAll are read by several tests, so they live outside the per-test temp folders.
const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ntm-print-'));
let printed = 0;

async function printPdf(backend: Backend, planId: number, table: PrintTable, options: PrintOptionsInput = {}): Promise<{ file: string; pages: number }> {
  const result = await backend.dispatch('print.pdf', { planId, table, options });
  const file = path.join(outDir, `${++printed}-${result.file.name}`);
  fs.copyFileSync(backend.files.get(result.file.fileId).path, file);
  return { file, pages: result.pages };
}

afterAll(async () => {
  await closePrintBrowser();
  fs.rmSync(outDir, { recursive: true, force: true });
});

describe('Biểu 01 of the 12 Tam Đường communes, printed to PDF', () => {
  let backend: Backend;
  let planId: number;
  let communes: string[];
  let pdf: string;
  let pages: string[];

  beforeAll(async () => {
    ({ backend } = await openTestBackend());
    ({ planId, communes } = await seedPrintPlan(backend));
    pdf = (await printPdf(backend, planId, 'criteria')).file;
    pages = allPages(pdf);
  });
  afterAll(async () => backend.close());

  it('is A4 landscape', () => {
    const info = pdfInfo(pdf);
    expect(Math.round(info.widthPt)).toBe(A4.long);
    expect(Math.round(info.heightPt)).toBe(A4.short);
  });

  it('carries the header block, the title and the italic line from the plan', () => {
    const first = pages[0] as string;
    expect(first).toMatch(/ỦY BAN NHÂN DÂN\s+Biểu số 01/);
    expect(first).toContain('HUYỆN TAM ĐƯỜNG');
    expect(first).toContain(`THỰC TRẠNG CÁC TIÊU CHÍ NÔNG THÔN MỚI CỦA CÁC XÃ ĐẾN 31/12/${PRINT_YEAR - 1}`);
    expect(first).toContain('(Kèm theo Kế hoạch số 158/KH-UBND ngày 19/04/2025 của UBND huyện Tam Đường)');
  });

  it('lists every commune with its count, and the totals of the example form (216 met, 18,0 a commune)', () => {
    const text = pages.join('\n');
    for (const name of communes) {
      const expected = 19 - (UNMET[name]?.length ?? 0);
      expect(text).toMatch(new RegExp(`\\d+\\s+${name}\\s+[x\\s]+\\s${expected}\\b`));
    }
    expect(text).toMatch(/Số xã đạt\s+(\d+\s+){19}216/);
    expect(text).toMatch(/Bình quân tiêu\s+18,0/);
  });

  it('ends with the signature block on the page of the last rows', () => {
    const last = pages[pages.length - 1] as string;
    for (const text of ['NGƯỜI LẬP BIỂU', 'TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Nguyễn Văn An', 'Thèn Sin', 'Số xã đạt']) {
      expect(last).toContain(text);
    }
  });

  it('keeps the Nghị định 30 margins: 30 mm left and 15 mm right blank, the table starting at the left margin', () => {
    const page = renderPage(pdf, 1, 72);
    const mm = (value: number) => value / 297;
    expect(darkShare(page, { left: 0, top: 0, right: mm(29), bottom: 1 })).toBe(0);
    expect(darkShare(page, { left: mm(297 - 14), top: 0, right: 1, bottom: 1 })).toBe(0);
    // The table's left rule runs down the page just inside the margin.
    expect(darkShare(page, { left: mm(29.5), top: 0.3, right: mm(31.5), bottom: 0.6 })).toBeGreaterThan(0.1);
  });

  it('embeds only the shipped Tinos faces, so Vietnamese text never falls back to another typeface', () => {
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font).toMatch(/\+Tinos-(Regular|Bold|Italic|BoldItalic)$/);
  });

  it('prints on A3 and in portrait when asked, with edited header fields', async () => {
    const { file } = await printPdf(backend, planId, 'criteria', {
      paper: 'A3',
      orientation: 'portrait',
      issuer: 'ỦY BAN NHÂN DÂN XÃ BẢN BO',
      docNumber: '12',
      docDate: '2025-02-05',
      signer: 'Lò Văn Minh',
      signerTitle: 'CHỦ TỊCH',
      formNo: '01a',
    });
    const info = pdfInfo(file);
    expect([Math.round(info.widthPt), Math.round(info.heightPt)]).toEqual([A3.short, A3.long]);
    const text = allPages(file).join('\n');
    expect(text).toContain('Biểu số 01a');
    expect(text).toContain('XÃ BẢN BO');
    expect(text).toContain('(Kèm theo Kế hoạch số 12/KH-UBND ngày 05/02/2025 của UBND xã Bản Bo)');
    expect(text).toContain('Lò Văn Minh');
    expect(text).not.toContain('KT. CHỦ TỊCH');
  });

  it('reports progress while it prints', async () => {
    const seen: { done: number; total: number; taskId: string }[] = [];
    const off = backend.on((event, payload) => {
      if (event === 'progress') seen.push(payload as (typeof seen)[number]);
    });
    await backend.dispatch('print.pdf', { planId, table: 'model-sites', taskId: 'job-1' });
    off();
    expect(seen.map((p) => p.done)).toEqual([0, 1, 3]);
    expect(seen.every((p) => p.taskId === 'job-1' && p.total === 3)).toBe(true);
  });
});

describe('a 100-commune Biểu 01', () => {
  let backend: Backend;
  let communes: string[];
  let pages: string[];

  beforeAll(async () => {
    ({ backend } = await openTestBackend());
    const seed = await seedPrintPlan(backend, { communes: 100, tables: false });
    communes = seed.communes;
    pages = allPages((await printPdf(backend, seed.planId, 'criteria')).file);
  });
  afterAll(async () => backend.close());

  it('spans several pages, each with the header row and, from page 2, its number at the top', () => {
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((page, i) => {
      expect(page).toMatch(/STT\s+Tên xã/);
      expect(page).toMatch(/\(1\)\s+\(2\)\s+\(3\)/);
      const firstLine = page.split('\n').find((l) => l.trim() !== '') ?? '';
      if (i === 0) expect(firstLine).toContain('ỦY BAN NHÂN DÂN');
      else expect(firstLine.trim()).toBe(String(i + 1));
    });
  });

  it('prints every commune once, on one line with its marks and count (rows are never split)', () => {
    const lines = pages.flatMap((p) => p.split('\n'));
    for (const [i, name] of communes.entries()) {
      const rows = lines.filter((l) => new RegExp(`^\\s*${i + 1}\\s+${name}\\s`).test(l));
      expect(rows, name).toHaveLength(1);
      expect(rows[0]).toMatch(/\s1[89]\s/);
    }
  });

  it('keeps the signature with the last communes and the totals on the last page', () => {
    const last = pages[pages.length - 1] as string;
    expect(last).toContain(communes[communes.length - 1]);
    // 100 communes × 19 criteria, less the criteria the seed leaves unmet, written the Vietnamese way.
    const unmet = communes.reduce((n, name, i) => n + unmetCriteria(name, i).length, 0);
    expect(last).toMatch(new RegExp(`Số xã đạt\\s+(\\d+\\s+){19}${(100 * 19 - unmet).toLocaleString('de-DE')}\\s`));
    expect(last).toContain('NGƯỜI LẬP BIỂU');
    expect(pages.slice(0, -1).join('\n')).not.toContain('NGƯỜI LẬP BIỂU');
  });
});

describe('every printed layout', () => {
  let backend: Backend;
  let planId: number;

  beforeAll(async () => {
    ({ backend } = await openTestBackend());
    ({ planId } = await seedPrintPlan(backend));
  });
  afterAll(async () => backend.close());

  const layouts: { table: PrintTable; form: string; landscape: boolean; expects: (string | RegExp)[] }[] = [
    { table: 'criteria', form: '01', landscape: true, expects: ['Bản Bo', /Số xã đạt.*216/] },
    { table: 'indicators', form: '08', landscape: true, expects: ['Quy hoạch', 'Đạt', 'Bản Bo', 'Thèn Sin'] },
    { table: 'resources', form: '04', landscape: false, expects: ['ĐVT: triệu đồng', /TỔNG SỐ\s+205\.250\s+112\.694/, /Vốn ngân sách Trung ương trực tiếp đầu tư\s+23\.756/, /Ngân sách huyện\s+74\.135/, /Vốn lồng ghép\s+107\.359/] },
    { table: 'projects', form: '05', landscape: true, expects: [/TỔNG SỐ\s+39\.566\s+11\.783\s+19\.783/, 'Dự án chuyển tiếp (3 công trình)', 'Dự án khởi công mới (2 công trình)', /1\.1\s+Đường giao thông nội đồng/] },
    { table: 'recurrent', form: '07', landscape: true, expects: [/TỔNG CỘNG\s+3\.966\s+1\.200\s+2\.766\s+1\.806\s+960/, /1\s+Bản Bo\s+330,5\s+100\s+230,5\s+150,5\s+80/] },
    { table: 'targets', form: '02', landscape: false, expects: ['Thu nhập bình quân đầu người', /45,2\s+54/, /Tỷ lệ hộ nghèo đa chiều\s+%\s+14,5\s+11/, 'Số xã đạt chuẩn nông thôn mới', 'Bản Bo'] },
    { table: 'model-sites', form: '09', landscape: false, expects: ['Mô hình trồng chè chất lượng cao', 'Khu dân cư kiểu mẫu', 'Bản Giang'] },
  ];

  for (const layout of layouts) {
    it(`${layout.table}: Biểu số ${layout.form}, its figures, and a table on the page`, async () => {
      const { file } = await printPdf(backend, planId, layout.table);
      const info = pdfInfo(file);
      expect(info.widthPt > info.heightPt).toBe(layout.landscape);
      const text = allPages(file).join('\n');
      expect(text).toContain(`Biểu số ${layout.form}`);
      expect(text).toContain('NGƯỜI LẬP BIỂU');
      for (const expected of layout.expects) {
        if (typeof expected === 'string') expect(text).toContain(expected);
        else expect(text).toMatch(expected);
      }
      // The table's head sits in the band under the title: ruled lines and bold text make it dark.
      const page = renderPage(file, 1);
      expect(darkShare(page, { left: 0.15, top: 0.2, right: 0.9, bottom: 0.32 })).toBeGreaterThan(0.03);
      // The right margin stays empty.
      expect(darkShare(page, { left: 0.96, top: 0.1, right: 1, bottom: 0.9 })).toBe(0);
    });
  }
});

describe('cancelling a print', () => {
  it('stops before the PDF is kept and says it was cancelled', async () => {
    const { backend } = await openTestBackend();
    const { planId } = await seedPrintPlan(backend, { tables: false });
    const off = backend.on((event, payload) => {
      if (event === 'progress' && (payload as { done: number }).done === 1) void backend.dispatch('tasks.cancel', { taskId: 'job-2' });
    });
    await expect(backend.dispatch('print.pdf', { planId, table: 'criteria', taskId: 'job-2' })).rejects.toMatchObject({ code: 'error.cancelled' });
    off();
    await backend.close();
  });
});

describe('the print browser', () => {
  it('starts again for the next PDF after it was closed', async () => {
    const { backend } = await openTestBackend();
    const { planId } = await seedPrintPlan(backend, { tables: false });
    await backend.dispatch('print.pdf', { planId, table: 'model-sites' });
    await closePrintBrowser();
    const again = await backend.dispatch('print.pdf', { planId, table: 'model-sites' });
    expect(again.pages).toBe(1);
    await backend.close();
  });
});
