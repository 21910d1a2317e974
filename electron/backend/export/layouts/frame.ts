// The frame every built-in form shares, as the provinces lay their annexes out: the national header
// block, the issuer, "Biểu số NN", title, unit line, merged header rows, the numbering row, the
// signature block and the print setup (A4, landscape when wide, header rows repeated, fit to width).
import ExcelJS from 'exceljs';
import { formatLongDate, roundHalfAwayFromZero } from '../../../../shared/format/vi';
import type { Plan } from '../../../../shared/model';

export const FONT = 'Times New Roman';

export interface HeaderCell {
  /** 0-based row within the header block and 1-based column. */
  row: number;
  col: number;
  rowSpan?: number;
  colSpan?: number;
  text: string;
  vertical?: boolean;
}

export interface FrameSpec {
  formNo: string;
  title: string;
  /** The italic line under the title ("Kèm theo Kế hoạch số ..."). */
  subtitle: string;
  /** "Đơn vị tính: triệu đồng", when the form holds amounts. */
  unitLine?: string;
  /** Column widths in characters; their count is the form's width. */
  widths: number[];
  headerRows: number;
  header: HeaderCell[];
  /** Height of each header row, in points. */
  headerHeights?: number[];
}

export interface Framed {
  workbook: ExcelJS.Workbook;
  sheet: ExcelJS.Worksheet;
  /** First row below the numbering row. */
  firstDataRow: number;
  columns: number;
}

/** Who issues the form and where: "huyện Tam Đường", signed at "Tam Đường". */
export interface Issuer {
  plan: Plan;
  /** Place name for the date line. */
  place: string;
  /** The issuing unit as the attachment line names it, e.g. "huyện Tam Đường". */
  unitPhrase: string;
}

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** Sheets wider than this (in characters) print landscape. */
const PORTRAIT_MAX_WIDTH = 130;

export function startForm({ plan }: Issuer, spec: FrameSpec): Framed {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'NTM Planner';
  const sheet = workbook.addWorksheet(`Biểu ${spec.formNo}`);
  const cols = spec.widths.length;
  sheet.columns = spec.widths.map((width) => ({ width }));
  const split = Math.max(2, Math.floor(cols * 0.4));

  const put = (row: number, from: number, to: number, text: string, font: Partial<ExcelJS.Font>, horizontal: ExcelJS.Alignment['horizontal'] = 'center') => {
    if (to > from) sheet.mergeCells(row, from, row, to);
    const cell = sheet.getCell(row, from);
    cell.value = text;
    cell.font = { name: FONT, size: 12, ...font };
    cell.alignment = { horizontal, vertical: 'middle', wrapText: true };
  };
  put(1, 1, split, plan.issuer.toUpperCase() || 'ỦY BAN NHÂN DÂN', { bold: true });
  put(1, split + 1, cols, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true });
  put(2, split + 1, cols, 'Độc lập - Tự do - Hạnh phúc', { bold: true, underline: true, size: 13 });
  put(3, 1, cols, `Biểu số ${spec.formNo}`, { bold: true }, 'right');
  put(4, 1, cols, spec.title, { bold: true, size: 13 });
  sheet.getRow(4).height = 36;
  put(5, 1, cols, spec.subtitle, { italic: true });
  let row = 6;
  if (spec.unitLine) put(row++, 1, cols, spec.unitLine, { italic: true }, 'right');

  const headerTop = row + 1;
  for (const h of spec.header) {
    const top = headerTop + h.row;
    const bottom = top + (h.rowSpan ?? 1) - 1;
    const right = h.col + (h.colSpan ?? 1) - 1;
    if (bottom > top || right > h.col) sheet.mergeCells(top, h.col, bottom, right);
    sheet.getCell(top, h.col).value = h.text;
  }
  for (let r = 0; r < spec.headerRows; r++) {
    const headerRow = sheet.getRow(headerTop + r);
    const height = spec.headerHeights?.[r];
    if (height) headerRow.height = height;
    for (let c = 1; c <= cols; c++) {
      const cell = headerRow.getCell(c);
      cell.font = { name: FONT, size: 11, bold: true };
      cell.border = THIN;
      const vertical = spec.header.some((h) => h.vertical && h.row === r && h.col === c);
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true, ...(vertical ? { textRotation: 90 } : {}) };
    }
  }
  const numbering = headerTop + spec.headerRows;
  for (let c = 1; c <= cols; c++) {
    const cell = sheet.getCell(numbering, c);
    cell.value = `(${c})`;
    cell.font = { name: FONT, size: 10, italic: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
    cell.border = THIN;
  }

  const wide = spec.widths.reduce((a, b) => a + b, 0) > PORTRAIT_MAX_WIDTH;
  sheet.pageSetup = {
    paperSize: 9,
    orientation: wide ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: `${headerTop}:${numbering}`,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  sheet.headerFooter = { oddFooter: '&CTrang &P/&N' };
  sheet.views = [{ state: 'frozen', ySplit: numbering, xSplit: 0 }];
  return { workbook, sheet, firstDataRow: numbering + 1, columns: cols };
}

export type CellKind = 'text' | 'label' | 'center' | 'amount' | 'count' | 'decimal';

/** The most decimals any of the amounts needs (at most 3), so the form shows every figure as the document holds it. */
export function amountDecimals(values: readonly (number | null)[]): number {
  let most = 0;
  for (const v of values) {
    if (v === null) continue;
    const fraction = roundHalfAwayFromZero(Math.abs(v), 3).toFixed(3).split('.')[1]?.replace(/0+$/, '') ?? '';
    most = Math.max(most, fraction.length);
  }
  return most;
}

/** An amount rounded as the form shows it. */
export function shown(value: number | null, decimals: number): number | null {
  return value === null ? null : roundHalfAwayFromZero(value, decimals);
}

function bodyStyle(kind: CellKind, bold: boolean, decimals: number): Partial<ExcelJS.Style> {
  const horizontal = kind === 'label' || kind === 'text' ? 'left' : kind === 'center' || kind === 'count' ? 'center' : 'right';
  return {
    border: THIN,
    font: { name: FONT, size: 11, bold },
    alignment: { horizontal, vertical: 'middle', wrapText: kind === 'label' || kind === 'text' },
    ...(kind === 'amount' ? { numFmt: decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0' } : kind === 'decimal' ? { numFmt: '0.0' } : {}),
  };
}

// One style object per kind, shared by every cell of that kind: exceljs then serialises each style once
// (it caches style ids by object), which is what keeps a 3,321-commune form fast to write.
const BODY_STYLES = new Map<string, Partial<ExcelJS.Style>>();

/** Body cell style: borders on every cell, amounts with thousands separators, labels wrapped. */
export function styleBodyCell(cell: ExcelJS.Cell, kind: CellKind, bold = false, decimals = 0): void {
  const id = `${kind}:${bold}:${decimals}`;
  let style = BODY_STYLES.get(id);
  if (!style) {
    style = bodyStyle(kind, bold, decimals);
    BODY_STYLES.set(id, style);
  }
  // Never mutate a body cell's style afterwards (cell.font = …): the object is shared.
  cell.style = style;
}

/** The signature block under the table: preparer on the left, the signing authority on the right. */
export function finishForm(framed: Framed, { plan, place }: Issuer, lastRow: number): void {
  const { sheet, columns: cols } = framed;
  const split = Math.max(2, Math.floor(cols * 0.55));
  const put = (row: number, from: number, to: number, text: string, font: Partial<ExcelJS.Font>) => {
    if (to > from) sheet.mergeCells(row, from, row, to);
    const cell = sheet.getCell(row, from);
    cell.value = text;
    cell.font = { name: FONT, size: 12, ...font };
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
  };
  const top = lastRow + 2;
  put(top, split + 1, cols, `${place}, ${formatLongDate(plan.docDate)}`, { italic: true });
  put(top + 1, 1, split, 'NGƯỜI LẬP BIỂU', { bold: true });
  put(top + 1, split + 1, cols, 'TM. ỦY BAN NHÂN DÂN', { bold: true });
  const title = plan.signerTitle.trim().toUpperCase();
  const deputy = title !== '' && title !== 'CHỦ TỊCH';
  if (deputy) put(top + 2, split + 1, cols, 'KT. CHỦ TỊCH', { bold: true });
  put(top + (deputy ? 3 : 2), split + 1, cols, title || 'CHỦ TỊCH', { bold: true });
  if (plan.signer.trim()) put(top + 8, split + 1, cols, plan.signer.trim(), { bold: true });
  sheet.pageSetup.printArea = `A1:${sheet.getColumn(cols).letter}${top + 8}`;
}

/** "(Kèm theo Kế hoạch số 12/KH-UBND ngày 05 tháng 02 năm 2025 của Ủy ban nhân dân huyện Tam Đường)". */
export function attachmentLine({ plan, unitPhrase }: Issuer): string {
  const number = plan.docNumber.trim() || '      /KH-UBND';
  return `(Kèm theo Kế hoạch số ${number} ${formatLongDate(plan.docDate)} của Ủy ban nhân dân ${unitPhrase})`;
}

export async function workbookBytes(framed: Framed): Promise<Uint8Array> {
  const buffer = await framed.workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
