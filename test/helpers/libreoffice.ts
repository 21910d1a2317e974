// LibreOffice as the other spreadsheet program: converts workbooks to CSV (values as computed on load,
// formula results included) and to PDF (with the workbook's print setup), each run with a fresh profile.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from './temp';

const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,false,false';

function convert(bytes: Uint8Array, name: string, to: string, ext: string): string {
  const dir = tempDir('ntm-lo-');
  const input = path.join(dir, name);
  fs.writeFileSync(input, bytes);
  const profile = `file://${path.join(dir, 'profile')}`;
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', to, '--outdir', path.join(dir, 'out'), input], {
    stdio: 'pipe',
    timeout: 120_000,
  });
  return path.join(dir, 'out', name.replace(/\.xlsx$/, `.${ext}`));
}

/** The first sheet as rows of cells, as LibreOffice computes it on opening the file. */
export function toCsvRows(bytes: Uint8Array, name = 'book.xlsx'): string[][] {
  return parseCsv(fs.readFileSync(convert(bytes, name, CSV_FILTER, 'csv'), 'utf8'));
}

export interface PdfPages {
  pages: number;
  /** Page width and height in points. */
  width: number;
  height: number;
  text(page: number): string;
}

export function toPdf(bytes: Uint8Array, name = 'book.xlsx'): PdfPages {
  const pdf = convert(bytes, name, 'pdf', 'pdf');
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info);
  return {
    pages,
    width: Number(size?.[1]),
    height: Number(size?.[2]),
    text: (page) => execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' }),
  };
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else if (ch !== '\r') cell += ch;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** The row whose cell in column `col` (0-based) equals `label`. */
export function rowWith(rows: string[][], col: number, label: string): string[] {
  const row = rows.find((r) => (r[col] ?? '').trim() === label);
  if (!row) throw new Error(`no row with "${label}" in column ${col}`);
  return row;
}
