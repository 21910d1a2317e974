// Reads a legacy .xls (BIFF) file with SheetJS 0.18.5. That version has published advisories for crafted
// files (prototype pollution, ReDoS) and no fixed release on npm, so this module only ever runs inside the
// parsing worker, after the worker has frozen the built-in prototypes, under its heap and time limits.
import { parseA1 } from '../export/a1';
import * as XLSX from 'xlsx';
import { AppError } from '../errors';
import { readXlsFonts, type XlsFonts } from '../legacy/xls-fonts';
import { cellText, resolvedFont, type FontContext } from './cell-text';
import type { ImportLimits } from './limits';
import type { CellValue, ParsedCell, ParsedSheet, ParsedWorkbook } from './workbook-model';

export function readXls(bytes: Uint8Array, limits: ImportLimits): ParsedWorkbook {
  let book: XLSX.WorkBook;
  try {
    book = XLSX.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { type: 'buffer', cellFormula: true, cellStyles: true, cellHTML: false, sheetRows: limits.maxRows + 1 });
  } catch {
    throw new AppError('import.corrupt');
  }
  // SheetJS gives no font names; legacy TCVN3/VNI text is told apart by its font.
  const fonts = readXlsFonts(bytes);
  let total = 0;
  const sheets = book.SheetNames.map((name, index): ParsedSheet => {
    const ws: XLSX.WorkSheet = book.Sheets[name] ?? {};
    const cells: ParsedCell[] = [];
    let rowCount = 0;
    let columnCount = 0;
    const range = ws['!ref'] ? XLSX.utils.decode_range(ws['!ref']) : null;
    if (range && range.e.c + 1 > limits.maxColumns) throw new AppError('import.tooManyColumns', { sheet: name, max: limits.maxColumns });
    if (range && range.e.r + 1 > limits.maxRows) throw new AppError('import.tooManyRows', { sheet: name, max: limits.maxRows });
    for (const address of Object.keys(ws)) {
      if (address.startsWith('!')) continue;
      const cell = ws[address] as XLSX.CellObject;
      const at = parseA1(address);
      if (!at) continue;
      const parsed = readCell(cell, at.row, at.col, fonts, name);
      if (!parsed) continue;
      cells.push(parsed);
      rowCount = Math.max(rowCount, at.row);
      columnCount = Math.max(columnCount, at.col);
    }
    total += cells.length;
    if (total > limits.maxCells) throw new AppError('import.tooManyCells', { max: limits.maxCells });
    cells.sort((a, b) => a.row - b.row || a.col - b.col);
    return {
      name: name.normalize('NFC'),
      hidden: (book.Workbook?.Sheets?.[index]?.Hidden ?? 0) !== 0,
      hiddenColumns: (ws['!cols'] ?? []).flatMap((c, i) => (c?.hidden ? [i + 1] : [])),
      hiddenRows: (ws['!rows'] ?? []).flatMap((r, i) => (r?.hidden ? [i + 1] : [])),
      merges: (ws['!merges'] ?? []).map((m) => XLSX.utils.encode_range(m)),
      rowCount,
      columnCount,
      cells,
    };
  });
  return { format: 'xls', sheets };
}

function readCell(cell: XLSX.CellObject, row: number, col: number, fonts: XlsFonts | null, sheet: string): ParsedCell | null {
  const cellFonts = fonts?.cell(sheet, row, col);
  const context: FontContext = { cellFont: cellFonts?.cellFont ?? null, defaultFont: fonts?.defaultFont ?? null };
  let value: CellValue;
  let font: string | null = null;
  if (cell.t === 'n' && typeof cell.v === 'number') value = cell.v;
  else if (cell.t === 'b' && typeof cell.v === 'boolean') value = cell.v;
  else if (cell.t === 's' && typeof cell.v === 'string') {
    value = cellText(cellFonts?.runs ? { runs: cellFonts.runs } : { text: cell.v }, context);
    font = resolvedFont(cellFonts?.runs?.[0], context);
  }
  else if (cell.t === 'd' && cell.v instanceof Date) value = cell.v.toISOString().slice(0, 10);
  else value = null;
  if (value === '' || (value === null && !cell.f)) return null;
  return {
    row,
    col,
    text: value === null ? '' : String(value),
    value,
    ...(cell.f ? { formula: cell.f } : {}),
    ...(font ? { font } : {}),
    ...(typeof cell.z === 'string' && cell.z !== 'General' ? { numFmt: cell.z } : {}),
  };
}
