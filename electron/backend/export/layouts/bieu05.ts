// Biểu 05: the investment projects of the plan year, by capital source, continuing projects before new starts.
import type Database from 'better-sqlite3';
import type ExcelJS from 'exceljs';
import { amountDecimals, attachmentLine, finishForm, shown, startForm, styleBodyCell, workbookBytes, type Issuer } from './frame';

interface ProjectRow {
  source_id: number;
  source_label: string;
  phase: 'continuing' | 'new';
  name: string;
  commune: string | null;
  period: string;
  total_investment: number | null;
  allocated_before: number | null;
  plan_amount: number | null;
  note: string;
}

const AMOUNT_COLUMNS = ['E', 'F', 'G'] as const;
const AMOUNT_FIELDS = ['total_investment', 'allocated_before', 'plan_amount'] as const;
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
const PHASES = [
  { phase: 'continuing', label: 'Dự án chuyển tiếp' },
  { phase: 'new', label: 'Dự án khởi công mới' },
] as const;

/** `unitId` narrows the list to the projects built in one commune. */
export async function buildBieu05(db: Database.Database, issuer: Issuer, unitId: number | null): Promise<Uint8Array> {
  const { plan } = issuer;
  const year = plan.yearStart;
  const rows = db
    .prepare(
      `SELECT p.source_id, s.label AS source_label, p.phase, p.name, u.name AS commune, p.period,
              p.total_investment, p.allocated_before, p.plan_amount, p.note
       FROM project p JOIN capital_source s ON s.id = p.source_id LEFT JOIN unit u ON u.id = p.unit_id
       WHERE p.plan_id = ? AND p.year = ? AND (? IS NULL OR p.unit_id = ?)
       ORDER BY s.ord, s.id, CASE p.phase WHEN 'continuing' THEN 0 ELSE 1 END, p.ord, p.id`,
    )
    .all(plan.id, year, unitId, unitId) as ProjectRow[];
  const decimals = amountDecimals(rows.flatMap((p) => AMOUNT_FIELDS.map((f) => p[f])));
  const projects = rows.map((p) => ({ ...p, total_investment: shown(p.total_investment, decimals), allocated_before: shown(p.allocated_before, decimals), plan_amount: shown(p.plan_amount, decimals) }));

  const framed = startForm(issuer, {
    formNo: '05',
    title: `DANH MỤC CÔNG TRÌNH ĐẦU TƯ NGUỒN VỐN CHƯƠNG TRÌNH NÔNG THÔN MỚI NĂM ${year}`,
    subtitle: attachmentLine(issuer),
    unitLine: 'Đơn vị tính: triệu đồng',
    widths: [7, 48, 16, 12, 14, 16, 14, 18],
    headerRows: 1,
    header: [
      { row: 0, col: 1, text: 'STT' },
      { row: 0, col: 2, text: 'Danh mục công trình' },
      { row: 0, col: 3, text: 'Địa điểm xây dựng (xã)' },
      { row: 0, col: 4, text: 'Thời gian KC-HT' },
      { row: 0, col: 5, text: 'Tổng mức đầu tư' },
      { row: 0, col: 6, text: `Lũy kế vốn đã bố trí đến 31/12/${year - 1}` },
      { row: 0, col: 7, text: `Kế hoạch vốn năm ${year}` },
      { row: 0, col: 8, text: 'Ghi chú' },
    ],
    headerHeights: [48],
  });
  const { sheet, firstDataRow } = framed;
  const totalRow = firstDataRow;
  let r = firstDataRow + 1;
  const sectionRows: number[] = [];
  const sources = [...new Map(projects.map((p) => [p.source_id, p.source_label])).entries()];

  sources.forEach(([sourceId, label], s) => {
    const sectionRow = r++;
    sectionRows.push(sectionRow);
    const inSource = projects.filter((p) => p.source_id === sourceId);
    const partRows: number[] = [];
    let partNo = 0;
    for (const { phase, label: phaseLabel } of PHASES) {
      const items = inSource.filter((p) => p.phase === phase);
      if (items.length === 0) continue;
      partNo++;
      const partRow = r++;
      partRows.push(partRow);
      items.forEach((p, i) => {
        const row = sheet.getRow(r++);
        const values: ExcelJS.CellValue[] = [`${partNo}.${i + 1}`, p.name, p.commune, p.period || null, p.total_investment, p.allocated_before, p.plan_amount, p.note || null];
        values.forEach((v, c) => (row.getCell(c + 1).value = v));
        styleRow(row, false, decimals);
      });
      const row = sheet.getRow(partRow);
      row.getCell(1).value = partNo;
      row.getCell(2).value = `${phaseLabel} (${items.length} công trình)`;
      AMOUNT_COLUMNS.forEach((col, k) => {
        const result = items.reduce((sum, p) => sum + (p[AMOUNT_FIELDS[k]!] ?? 0), 0);
        row.getCell(5 + k).value = { formula: `SUM(${col}${partRow + 1}:${col}${r - 1})`, result };
      });
      styleRow(row, true, decimals);
    }
    const row = sheet.getRow(sectionRow);
    row.getCell(1).value = ROMAN[s] ?? String(s + 1);
    row.getCell(2).value = `Nguồn vốn: ${label}`;
    AMOUNT_COLUMNS.forEach((col, k) => {
      const result = inSource.reduce((sum, p) => sum + (p[AMOUNT_FIELDS[k]!] ?? 0), 0);
      row.getCell(5 + k).value = { formula: partRows.map((pr) => `${col}${pr}`).join('+'), result };
    });
    styleRow(row, true, decimals);
  });

  const total = sheet.getRow(totalRow);
  total.getCell(2).value = 'TỔNG CỘNG';
  AMOUNT_COLUMNS.forEach((col, k) => {
    const result = projects.reduce((sum, p) => sum + (p[AMOUNT_FIELDS[k]!] ?? 0), 0);
    total.getCell(5 + k).value = sectionRows.length ? { formula: sectionRows.map((sr) => `${col}${sr}`).join('+'), result } : 0;
  });
  styleRow(total, true, decimals);
  finishForm(framed, issuer, r - 1);
  return workbookBytes(framed);
}

function styleRow(row: ExcelJS.Row, bold: boolean, decimals: number): void {
  for (let c = 1; c <= 8; c++) styleBodyCell(row.getCell(c), c === 1 || c === 4 ? 'center' : c >= 5 && c <= 7 ? 'amount' : c === 2 ? 'label' : 'text', bold, decimals);
}
