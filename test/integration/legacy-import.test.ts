// The Biểu 01 twins typed in TCVN3 and VNI import like their Unicode twin: same communes (in Unicode), same
// figures, and `ntm summary --json` lists the Unicode commune names.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { closeParser } from '../../electron/backend/import/parser';
import { runCli } from '../../electron/cli/run';
import type { Summary } from '../../shared/model';
import { openTestBackend } from '../helpers/backend';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/legacy');

afterAll(closeParser);

interface Imported {
  summary: Summary;
  /** The legacy encoding the stored binding records for the workbook. */
  encoding: string;
  staged: { form: string | null; year: number | null; counts: { units: number; values: number }; problems: unknown[] };
}

async function importForm(file: string): Promise<Imported> {
  const { backend, dataDir, documentPath } = await openTestBackend();
  const ref = backend.files.registerPath(path.join(fixtures, file));
  const preview = await backend.dispatch('import.preview', { fileIds: [ref.fileId], createUnits: true });
  const [staged] = preview.files;
  expect(staged?.status, JSON.stringify(staged?.error)).toBe('staged');
  await backend.dispatch('import.apply', { stagingId: preview.stagingId });
  await backend.close();
  let out = '';
  const code = await runCli(['summary', '--db', documentPath, '--json'], { out: (text) => (out += text), err: () => {} }, { NTM_DATA_DIR: dataDir });
  expect(code).toBe(0);
  const db = new Database(documentPath, { readonly: true });
  const row = db.prepare('SELECT binding FROM workbook').get() as { binding: string };
  db.close();
  return { summary: JSON.parse(out) as Summary, staged: staged!, encoding: (JSON.parse(row.binding) as { encoding: string }).encoding };
}

describe('legacy-encoded Biểu 01', () => {
  it.each([
    ['bieu01-tcvn3.xlsx', 'tcvn3'],
    ['bieu01-vni.xlsx', 'vni'],
    // Old Excel 97-2003 copies: SheetJS gives no fonts, so they are read from the file's own records.
    ['bieu01-tcvn3.xls', 'tcvn3'],
    ['bieu01-vni.xls', 'vni'],
  ])('%s imports like its Unicode twin', async (file, encoding) => {
    const [legacy, twin] = [await importForm(file), await importForm('bieu01-unicode.xlsx')];
    expect(legacy.encoding).toBe(encoding);
    expect(twin.encoding).toBe('unicode');

    expect(legacy.staged.form).toBe(twin.staged.form);
    expect(legacy.staged.year).toBe(twin.staged.year);
    expect(legacy.staged.counts).toEqual(twin.staged.counts);
    expect(legacy.staged.problems).toEqual(twin.staged.problems);

    const names = legacy.summary.units.communeNames;
    expect(names).toHaveLength(12);
    expect(names).toEqual(twin.summary.units.communeNames);
    expect(names).toEqual(expect.arrayContaining(['Bình Lư', 'Tả Lèng', 'Hồ Thầu', 'Nà Tăm']));

    expect(legacy.summary.matrix).toEqual(twin.summary.matrix);
    const actual = legacy.summary.matrix.find((m) => m.kind === 'actual');
    expect(actual?.communes).toBe(12);
    expect(actual?.met).toBe(216);
    expect(actual?.fullyMet).toBe(9);
    expect(actual?.perCriterion['11']).toBe(9);
  });
});
