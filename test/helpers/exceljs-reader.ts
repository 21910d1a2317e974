// The reader the import used before its own .xlsx scanner: ExcelJS into the plain workbook model. Kept as the
// reference the scanner is compared with (test/integration/read-xlsx-parity.test.ts), never used by the app.
import ExcelJS from 'exceljs';
import { AppError } from '../../electron/backend/errors';
import { cellText, resolvedFont, type FontContext, type TextSource } from '../../electron/backend/import/cell-text';
import type { ImportLimits } from '../../electron/backend/import/limits';
import type { CellValue, ParsedCell, ParsedSheet, ParsedWorkbook } from '../../electron/backend/import/workbook-model';

export async function readXlsxWithExcelJs(bytes: Uint8Array, defaultFont: string | null, limits: ImportLimits): Promise<ParsedWorkbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    throw new AppError('import.corrupt');
  }
  let cells = 0;
  const sheets = workbook.worksheets.map((ws): ParsedSheet => {
    const sheet = readSheet(ws, defaultFont, limits);
    cells += sheet.cells.length;
    if (cells > limits.maxCells) throw new AppError('import.tooManyCells', { max: limits.maxCells });
    return sheet;
  });
  return { format: 'xlsx', sheets };
}

function readSheet(ws: ExcelJS.Worksheet, defaultFont: string | null, limits: ImportLimits): ParsedSheet {
  const cells: ParsedCell[] = [];
  const hiddenRows: number[] = [];
  let rowCount = 0;
  let columnCount = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (row.hidden) hiddenRows.push(rowNumber);
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const parsed = readCell(cell, rowNumber, colNumber, defaultFont);
      if (!parsed) return;
      rowCount = Math.max(rowCount, rowNumber);
      columnCount = Math.max(columnCount, colNumber);
      if (rowCount > limits.maxRows) throw new AppError('import.tooManyRows', { sheet: ws.name, max: limits.maxRows });
      if (columnCount > limits.maxColumns) throw new AppError('import.tooManyColumns', { sheet: ws.name, max: limits.maxColumns });
      cells.push(parsed);
    });
  });
  const hiddenColumns: number[] = [];
  for (let c = 1; c <= columnCount; c++) if (ws.getColumn(c).hidden) hiddenColumns.push(c);
  return {
    name: ws.name.normalize('NFC'),
    hidden: ws.state !== 'visible',
    hiddenColumns,
    hiddenRows,
    merges: [...(ws.model.merges ?? [])],
    rowCount,
    columnCount,
    cells,
  };
}

type RichRun = { text: string; font?: { name?: string } };

function readCell(cell: ExcelJS.Cell, row: number, col: number, defaultFont: string | null): ParsedCell | null {
  const context: FontContext = { cellFont: cell.font?.name ?? null, defaultFont };
  const raw = cell.value as unknown;
  const base = { row, col, ...(cell.numFmt && cell.numFmt !== 'General' ? { numFmt: cell.numFmt } : {}) };
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'object' && !(raw instanceof Date)) {
    const object = raw as Record<string, unknown>;
    if ('formula' in object || 'sharedFormula' in object) {
      const formula = typeof object.formula === 'string' ? object.formula : (cell.formula ?? '');
      const result = resultValue(object.result);
      const value = typeof result === 'string' ? cellText({ text: result }, context) : result;
      const font = resolvedFont(undefined, context);
      return { ...base, text: value === null ? '' : String(value), value, formula, ...(font ? { font } : {}) };
    }
    if (Array.isArray(object.richText)) {
      const runs = (object.richText as RichRun[]).map((r) => ({ text: String(r.text ?? ''), fontName: r.font?.name }));
      return textCell(base, { runs }, context, runs[0]?.fontName);
    }
    if ('error' in object) return { ...base, text: String(object.error), value: null };
    // A hyperlink: keep its text, never its target.
    if ('text' in object) return textCell(base, { text: String(object.text ?? '') }, context, undefined);
    return null;
  }
  if (typeof raw === 'string') return textCell(base, { text: raw }, context, undefined);
  if (typeof raw === 'number' || typeof raw === 'boolean') return { ...base, text: String(raw), value: raw };
  if (raw instanceof Date) return { ...base, text: raw.toISOString().slice(0, 10), value: raw.toISOString().slice(0, 10) };
  return null;
}

function textCell(base: { row: number; col: number; numFmt?: string }, source: TextSource, context: FontContext, runFont: string | undefined): ParsedCell | null {
  const text = cellText(source, context);
  if (text === '') return null;
  const font = resolvedFont(runFont === undefined ? undefined : { text: '', fontName: runFont }, context);
  return { ...base, text, value: text, ...(font ? { font } : {}) };
}

function resultValue(result: unknown): CellValue {
  if (result === undefined || result === null) return null;
  if (typeof result === 'number' || typeof result === 'string' || typeof result === 'boolean') return result;
  if (result instanceof Date) return result.toISOString().slice(0, 10);
  return null;
}
