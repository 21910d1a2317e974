// Every workbook of the awkward corpus (scripts/fixtures/make-import-corpus.ts) with its outcome.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { closeParser } from '../../electron/backend/import/parser';
import { openTestBackend } from '../helpers/backend';
import { CORPUS_DIR, corpus, importFiles, previewFiles } from '../helpers/import';

afterAll(() => closeParser());

const COMMUNES = ['Bình Lư', 'Bản Bo', 'Khun Há', 'Nà Tăm'];

async function statusOf(backend: Backend, year = 2024) {
  const summary = await backend.dispatch('summary.get', {});
  return { summary, status: summary.matrix.find((m) => m.year === year && m.kind === 'actual') };
}

function notes(backend: Backend): Record<string, string> {
  const rows = backend.document!.db.prepare("SELECT u.name, s.note FROM unit_status s JOIN unit u ON u.id = s.unit_id WHERE s.kind = 'actual'").all() as { name: string; note: string }[];
  return Object.fromEntries(rows.map((r) => [r.name, r.note]));
}

describe('refused files change nothing and say why', () => {
  it.each([
    ['empty.xlsx', 'import.emptyFile', 'rỗng'],
    ['truncated.xlsx', 'import.corrupt', 'hỏng'],
    ['zip-bomb.xlsx', 'import.tooLargeUnpacked', 'zip bomb'],
    ['encrypted.xlsx', 'import.encrypted', 'mật khẩu'],
    ['not-a-workbook.xlsx', 'import.notWorkbook', 'Không phải tệp Excel'],
    ['far-cell.xlsx', 'import.tooManyRows', 'quá nhiều dòng'],
    ['empty-workbook.xlsx', 'import.unknownForm', 'Không nhận ra'],
    ['unrelated-only.xlsx', 'import.unknownForm', 'Không nhận ra'],
    ['bieu01-no-year.xlsx', 'import.noYear', 'không ghi năm'],
  ])('%s is rejected (%s)', async (file, code, words) => {
    const { backend } = await openTestBackend();
    const preview = await previewFiles(backend, [corpus(file)]);
    expect(preview.files[0]).toMatchObject({ status: 'rejected', error: { code, message: expect.stringContaining(words) } });
    await expect(backend.dispatch('import.apply', { stagingId: preview.stagingId })).rejects.toMatchObject({ code: 'import.nothingToApply' });
    const summary = await backend.dispatch('summary.get', {});
    expect([summary.units.communes, summary.matrix.length, summary.plans.length]).toEqual([0, 0, 0]);
    expect((backend.document!.db.prepare('SELECT count(*) AS n FROM workbook').get() as { n: number }).n).toBe(0);
    await backend.close();
  });

  it('refuses the zip bomb from its central directory, before inflating anything', async () => {
    const { checkPackage } = await import('../../electron/backend/import/package-check');
    const fs = await import('node:fs');
    const bytes = fs.readFileSync(corpus('zip-bomb.xlsx'));
    expect(bytes.length).toBeLessThan(2 * 1024 * 1024);
    const before = process.memoryUsage().arrayBuffers;
    expect(() => checkPackage(bytes)).toThrow(expect.objectContaining({ code: 'import.tooLargeUnpacked' }));
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 * 1024 * 1024);
  });
});

describe('variants of the commune × criterion form read the same', () => {
  it.each([
    'bieu01-base.xlsx',
    'bieu01-marks.xlsx',
    'bieu01-tc-headers.xlsx',
    'bieu01-column-order.xlsx',
    'bieu01-hidden-column.xlsx',
    'bieu01-sections.xlsx',
    'bieu01-unrelated-sheet.xlsx',
    'huge-dimension.xlsx',
    'bieu01-legacy.xls',
    'bieu01-nfd.xlsx',
  ])('%s', async (file) => {
    const { backend } = await openTestBackend();
    const [report] = await importFiles(backend, [corpus(file)]);
    expect(report).toMatchObject({ status: 'staged', form: 'bieu01', year: 2024, problems: [], findings: [] });
    const { summary, status } = await statusOf(backend);
    expect(summary.units.communeNames).toEqual(COMMUNES);
    expect(status).toMatchObject({ communes: 4, met: 68, fullyMet: 1 });
    expect(status?.perCriterion).toMatchObject({ '1': 4, '10': 2, '11': 1, '13': 3, '17': 2 });
    await backend.close();
  });

  it('reads communes written with prefixes, spaces and other case as the communes of the document', async () => {
    const { backend } = await openTestBackend();
    for (const name of COMMUNES) await backend.dispatch('units.create', { kind: 'commune', name });
    const [report] = await importFiles(backend, [corpus('bieu01-prefixes.xlsx')]);
    expect(report).toMatchObject({ status: 'staged', newUnits: [], problems: [], counts: { units: 4, rows: 4 } });
    const { summary, status } = await statusOf(backend);
    expect(summary.units.communeNames).toEqual(COMMUNES);
    expect(status).toMatchObject({ communes: 4, met: 68 });
    await backend.close();
  });

  it('creates communes in NFC from decomposed names', async () => {
    const { backend } = await openTestBackend();
    const [report] = await importFiles(backend, [corpus('bieu01-nfd.xlsx')]);
    expect(report?.newUnits).toEqual(COMMUNES);
    expect(report?.newUnits.every((n) => n === n.normalize('NFC'))).toBe(true);
    await backend.close();
  });

  it('makes unknown communes problems with the closest names, or creates them when asked', async () => {
    const { backend } = await openTestBackend();
    for (const name of ['Bình Lư', 'Bản Bo', 'Khun Há', 'Nà Tam']) await backend.dispatch('units.create', { kind: 'commune', name });
    const preview = await previewFiles(backend, [corpus('bieu01-base.xlsx')]);
    expect(preview.files[0]?.problems).toEqual([
      expect.objectContaining({ severity: 'error', cell: 'Bieu 01!B12', message: 'Không có xã "Nà Tăm" trong tài liệu. Có phải: Nà Tam?', messageEn: expect.stringContaining('Did you mean: Nà Tam?') }),
    ]);
    expect(preview.files[0]?.counts.units).toBe(3);
    const created = await previewFiles(backend, [corpus('bieu01-base.xlsx')], { createUnits: true });
    expect(created.files[0]).toMatchObject({ problems: [], newUnits: ['Nà Tăm'], counts: { units: 4 } });
    await backend.close();
  });

  it('reads the 10-criterion set of 2026-2030', async () => {
    const { backend } = await openTestBackend();
    const [report] = await importFiles(backend, [corpus('bieu01-10-criteria.xlsx')]);
    expect(report).toMatchObject({ status: 'staged', year: 2026, problems: [] });
    const { status } = await statusOf(backend, 2026);
    expect(status).toMatchObject({ criteriaSetId: 'xa-ntm-2026-2030', communes: 4, met: 38 });
    await backend.close();
  });

  it('takes the year the user gives when the form states none', async () => {
    const { backend } = await openTestBackend();
    const [report] = await importFiles(backend, [corpus('bieu01-no-year.xlsx')], { year: 2023 });
    expect(report).toMatchObject({ status: 'staged', year: 2023 });
    expect((await statusOf(backend, 2023)).status?.met).toBe(68);
    await backend.close();
  });

  it('reports a mark it does not understand at its cell and imports the rest', async () => {
    const { backend } = await openTestBackend();
    const [report] = await importFiles(backend, [corpus('bieu01-bad-mark.xlsx')]);
    expect(report?.problems).toEqual([expect.objectContaining({ severity: 'error', cell: 'Bieu 01!G10', message: expect.stringContaining('"có lẽ"') })]);
    expect((await statusOf(backend)).status?.met).toBe(67);
    await backend.close();
  });

  it('checks a typed total against the marks and reports it, storing only the marks', async () => {
    const { backend } = await openTestBackend();
    const [report] = await importFiles(backend, [corpus('bieu01-wrong-total.xlsx')]);
    expect(report?.findings).toEqual([
      expect.objectContaining({ severity: 'warning', cell: 'Bieu 01!V10', row: 'Bản Bo', expected: 18, actual: 17, message: expect.stringContaining('biểu ghi 17, tính từ các dòng được 18') }),
    ]);
    expect((await statusOf(backend)).status?.met).toBe(68);
    await backend.close();
  });

  it('keeps text that looks like a formula as text, never evaluated', async () => {
    const { backend } = await openTestBackend();
    await importFiles(backend, [corpus('bieu01-text-that-looks-like-formulas.xlsx')]);
    expect(notes(backend)).toEqual({
      'Bình Lư': '=HYPERLINK("http://example.invalid","x")',
      'Bản Bo': '+84 912 345 678',
      'Khun Há': '@SUM(A1)',
      'Nà Tăm': '-5 tiêu chí',
    });
    await backend.close();
  });
});

describe('amounts typed as text', () => {
  it('reads Vietnamese numbers, keeps a typed parent beside its parts and reports the ambiguous one', async () => {
    const { backend } = await openTestBackend();
    const [report] = await importFiles(backend, [corpus('bieu04-text-numbers.xlsx')]);
    expect(report).toMatchObject({ status: 'staged', form: 'bieu04', year: 2025 });
    expect(report?.problems).toEqual([expect.objectContaining({ cell: 'Nguon luc!D10', message: 'Số "1,234" có thể là 1.234 hoặc 1,234; hãy sửa trong tệp.' })]);
    expect(report?.findings).toEqual([expect.objectContaining({ cell: 'Nguon luc!C11', expected: 107359, actual: 107000 })]);
    const rows = backend.document!.db
      .prepare('SELECT s.role, r.amount, r.investment, r.typed_total, r.note FROM resource_amount r JOIN capital_source s ON s.id = r.source_id ORDER BY s.ord, s.id')
      .all() as { role: string; amount: number | null; investment: number | null; typed_total: number | null; note: string }[];
    const byRole = Object.fromEntries(rows.map((r) => [r.role, r]));
    expect(byRole.central_investment).toMatchObject({ amount: 19783, investment: 19783 });
    expect(byRole.central_recurrent).toMatchObject({ amount: 3973.5 });
    expect(byRole.central).toMatchObject({ amount: null, typed_total: 23756.5 });
    expect(byRole.local).toMatchObject({ amount: 74135, investment: null });
    expect(byRole.integrated).toMatchObject({ typed_total: 107000, note: 'Số liệu tạm tính' });
    expect(byRole.integrated_ethnic).toMatchObject({ amount: 93965 });
    await backend.close();
  });
});

describe('the sub-criteria matrix', () => {
  it('reads indicators by code, per commune its status and its plan, each as its kind says', async () => {
    const { backend } = await openTestBackend();
    const [report] = await importFiles(backend, [corpus('chi-tieu-xa.xlsx')]);
    expect(report).toMatchObject({ status: 'staged', form: 'chi-tieu-xa', year: 2024, problems: [], newUnits: ['Bình Lư', 'Bản Bo'], counts: { units: 2, rows: 4 } });
    const rows = backend.document!.db
      .prepare('SELECT u.name, i.code, v.year, v.kind, v.value, v.text FROM indicator_value v JOIN unit u ON u.id = v.unit_id JOIN indicator i ON i.id = v.indicator_id')
      .all() as { name: string; code: string; year: number; kind: string; value: number | null; text: string | null }[];
    const at = (name: string, code: string, kind: string) => rows.find((r) => r.name === name && r.code === code && r.kind === kind);
    expect(at('Bình Lư', '1.1', 'actual')).toMatchObject({ year: 2024, value: 1 });
    expect(at('Bình Lư', '2.1', 'actual')?.value).toBe(85);
    expect(at('Bình Lư', '2.1', 'plan')).toMatchObject({ year: 2025, value: 90 });
    expect(at('Bình Lư', '11', 'actual')?.value).toBe(3.5);
    expect(at('Bản Bo', '1.1', 'actual')?.value).toBe(0);
    expect(at('Bản Bo', '2.1', 'actual')?.value).toBe(72.5);
    expect(at('Bản Bo', '11', 'plan')).toMatchObject({ value: null, text: 'Đạt' });
    expect(at('Bản Bo', '8.1', 'actual')).toBeUndefined();
    expect(rows).toHaveLength(15);
    await backend.close();
  });
});

describe('recurrent capital by content × commune (Biểu 07)', () => {
  it('stores each leaf content’s amount per commune and checks the parents and totals', async () => {
    const { backend } = await openTestBackend();
    const [report] = await importFiles(backend, [corpus('bieu07-von-su-nghiep.xlsx')], { createUnits: true });
    expect(report).toMatchObject({ status: 'staged', form: 'bieu07', year: 2025, problems: [], counts: { units: 3, rows: 4 } });
    expect(report?.findings.filter((f) => f.rule.startsWith('import.'))).toEqual([
      expect.objectContaining({ cell: 'Bieu 07!F8', row: 'Hỗ trợ phát triển sản xuất', column: 'Khun Há', expected: 500, actual: 600 }),
    ]);
    // The document's own rules see the staged data too: the new communes have no status yet.
    expect(report?.findings.filter((f) => f.rule === 'matrix.communeHasStatus').map((f) => f.message)).toEqual([
      'Bình Lư: chưa có hiện trạng đến 31/12/2024',
      'Bản Bo: chưa có hiện trạng đến 31/12/2024',
      'Khun Há: chưa có hiện trạng đến 31/12/2024',
    ]);
    const db = backend.document!.db;
    const contents = db.prepare('SELECT c.code, c.label, p.code AS parent FROM recurrent_content c LEFT JOIN recurrent_content p ON p.id = c.parent_id ORDER BY c.ord').all();
    expect(contents).toEqual([
      { code: '1', label: 'Hỗ trợ phát triển sản xuất', parent: null },
      { code: '1.1', label: 'Hỗ trợ giống cây trồng', parent: '1' },
      { code: '1.2', label: 'Hỗ trợ vật tư', parent: '1' },
      { code: '2', label: 'Đào tạo nghề nông thôn', parent: null },
    ]);
    const amounts = db
      .prepare('SELECT c.code, u.name, a.amount FROM recurrent_amount a JOIN recurrent_content c ON c.id = a.content_id JOIN unit u ON u.id = a.unit_id ORDER BY c.ord, u.id')
      .all() as { code: string; name: string; amount: number }[];
    expect(amounts.map((a) => `${a.code} ${a.name} ${a.amount}`)).toEqual([
      '1.1 Bình Lư 500',
      '1.1 Bản Bo 400',
      '1.1 Khun Há 300',
      '1.2 Bình Lư 300',
      '1.2 Bản Bo 300',
      '1.2 Khun Há 200',
      '2 Bình Lư 700',
      '2 Bản Bo 600',
      '2 Khun Há 673',
    ]);
    const again = await previewFiles(backend, [corpus('bieu07-von-su-nghiep.xlsx')]);
    expect(again.files[0]?.diffCounts).toMatchObject({ create: 0, change: 0, remove: 0, same: 9 });
    await backend.close();
  });
});

describe('target indicators per commune (Biểu 02)', () => {
  it('reads each commune’s value last year and target, by the indicators’ header words', async () => {
    const { backend } = await openTestBackend();
    const [report] = await importFiles(backend, [corpus('bieu02-chi-tieu.xlsx')], { createUnits: true });
    expect(report).toMatchObject({ status: 'staged', form: 'bieu02', year: 2025, problems: [], counts: { units: 2, rows: 2 } });
    const rows = backend.document!.db
      .prepare('SELECT u.name, t.code, t.label, t.unit, t.value_prev, t.target FROM target_indicator t JOIN unit u ON u.id = t.unit_id ORDER BY u.id, t.ord')
      .all();
    expect(rows).toEqual([
      { name: 'Bình Lư', code: 'income', label: 'Thu nhập bình quân đầu người', unit: 'triệu đồng/người/năm', value_prev: 48.5, target: 54 },
      { name: 'Bình Lư', code: 'poverty', label: 'Tỷ lệ hộ nghèo đa chiều', unit: '%', value_prev: 12.3, target: 11 },
      { name: 'Bình Lư', code: 'health_insurance', label: 'Tỷ lệ người dân tham gia bảo hiểm y tế', unit: '%', value_prev: 92, target: 95 },
      { name: 'Bản Bo', code: 'income', label: 'Thu nhập bình quân đầu người', unit: 'triệu đồng/người/năm', value_prev: 45.2, target: 50 },
      { name: 'Bản Bo', code: 'poverty', label: 'Tỷ lệ hộ nghèo đa chiều', unit: '%', value_prev: 15, target: 13.5 },
      { name: 'Bản Bo', code: 'health_insurance', label: 'Tỷ lệ người dân tham gia bảo hiểm y tế', unit: '%', value_prev: null, target: 90 },
    ]);
    const again = await previewFiles(backend, [corpus('bieu02-chi-tieu.xlsx')]);
    expect(again.files[0]?.diffCounts).toMatchObject({ create: 0, change: 0, remove: 0 });
    await backend.close();
  });
});

describe('villages to be recognised by year (Biểu 03)', () => {
  it('finds villages within their commune, creates them where the commune has none, and records the target years', async () => {
    const { backend } = await openTestBackend();
    for (const name of ['Bình Lư', 'Bản Bo']) await backend.dispatch('units.create', { kind: 'commune', name });
    const [report] = await importFiles(backend, [corpus('bieu03-thon-ban.xlsx')]);
    expect(report).toMatchObject({ status: 'staged', form: 'bieu03', year: 2025, problems: [], newUnits: ['Phìn Hồ', 'Bản Nà Cà', 'Bản Hoang Thèn', 'Cò Lá'], counts: { units: 2, rows: 4 } });
    const targets = backend.document!.db
      .prepare('SELECT v.name, c.name AS commune, t.year, t.level FROM recognition_target t JOIN unit v ON v.id = t.unit_id JOIN unit c ON c.id = v.parent_id ORDER BY v.id')
      .all();
    expect(targets).toEqual([
      { name: 'Phìn Hồ', commune: 'Bình Lư', year: 2025, level: 'ntm' },
      { name: 'Bản Nà Cà', commune: 'Bình Lư', year: 2026, level: 'ntm' },
      { name: 'Bản Hoang Thèn', commune: 'Bản Bo', year: 2027, level: 'ntm' },
      { name: 'Cò Lá', commune: 'Bản Bo', year: 2025, level: 'ntm' },
    ]);
    const again = await previewFiles(backend, [corpus('bieu03-thon-ban.xlsx')]);
    expect(again.files[0]).toMatchObject({ newUnits: [], diffCounts: { create: 0, same: 4 } });
    await backend.close();
  });
});

describe('legacy encodings', () => {
  it('says which encoding a form was typed in (text is converted by cellText)', async () => {
    const { backend } = await openTestBackend();
    const preview = await previewFiles(backend, [path.resolve(CORPUS_DIR, '../legacy/bieu01-tcvn3.xlsx'), corpus('bieu01-base.xlsx')]);
    expect(preview.files.map((f) => [f.status, f.encoding])).toEqual([
      ['staged', 'tcvn3'],
      ['staged', 'unicode'],
    ]);
    await backend.close();
  });
});

describe('communes grouped under district sections', () => {
  it('places new communes under the districts their section rows name', async () => {
    const { backend } = await openTestBackend();
    const [report] = await importFiles(backend, [corpus('bieu01-sections.xlsx')]);
    expect(report?.newUnits).toEqual(['Tam Đường', 'Bình Lư', 'Bản Bo', 'Tân Uyên', 'Khun Há', 'Nà Tăm']);
    const rows = backend.document!.db.prepare("SELECT c.name, d.name AS district FROM unit c JOIN unit d ON d.id = c.parent_id WHERE c.kind = 'commune' AND d.kind = 'district' ORDER BY c.ord").all();
    expect(rows).toEqual([
      { name: 'Bình Lư', district: 'Tam Đường' },
      { name: 'Bản Bo', district: 'Tam Đường' },
      { name: 'Khun Há', district: 'Tân Uyên' },
      { name: 'Nà Tăm', district: 'Tân Uyên' },
    ]);
    await backend.close();
  });
});
