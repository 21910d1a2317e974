// Biểu 04: resources for the plan year by capital source, as a tree whose parents add up their parts.
import type Database from 'better-sqlite3';
import type ExcelJS from 'exceljs';
import { amountDecimals, attachmentLine, finishForm, shown, startForm, styleBodyCell, workbookBytes, type Issuer } from './frame';

interface SourceRow {
  id: number;
  parent_id: number | null;
  code: string;
  label: string;
  amount: number | null;
  investment: number | null;
  typed_total: number | null;
  note: string | null;
}

interface Node extends SourceRow {
  children: Node[];
  depth: number;
}

export async function buildBieu04(db: Database.Database, issuer: Issuer): Promise<Uint8Array> {
  const { plan } = issuer;
  const year = plan.yearStart;
  const rows = db
    .prepare(
      `SELECT s.id, s.parent_id, s.code, s.label, r.amount, r.investment, r.typed_total, r.note
       FROM capital_source s LEFT JOIN resource_amount r ON r.source_id = s.id AND r.plan_id = ? AND r.year = ?
       ORDER BY s.ord, s.id`,
    )
    .all(plan.id, year) as SourceRow[];
  const decimals = amountDecimals(rows.flatMap((r) => [r.amount, r.investment, r.typed_total]));
  const roots = tree(rows.map((r) => ({ ...r, amount: shown(r.amount, decimals), investment: shown(r.investment, decimals), typed_total: shown(r.typed_total, decimals) })));
  // The document's tree usually has one root, the total itself ("Tổng nguồn lực"); its children are I, II, III ...
  const totalNode = roots.length === 1 ? (roots[0] as Node) : null;
  const sections = totalNode ? totalNode.children : roots;
  sections.forEach((n) => setDepth(n, 0));

  const framed = startForm(issuer, {
    formNo: '04',
    title: `DỰ KIẾN NGUỒN LỰC THỰC HIỆN CHƯƠNG TRÌNH XÂY DỰNG NÔNG THÔN MỚI NĂM ${year}`,
    subtitle: attachmentLine(issuer),
    unitLine: 'Đơn vị tính: triệu đồng',
    widths: [7, 60, 18, 18, 22],
    headerRows: 1,
    header: [
      { row: 0, col: 1, text: 'STT' },
      { row: 0, col: 2, text: 'Nguồn vốn' },
      { row: 0, col: 3, text: `Kế hoạch năm ${year}` },
      { row: 0, col: 4, text: 'Trong đó: vốn đầu tư' },
      { row: 0, col: 5, text: 'Ghi chú' },
    ],
    headerHeights: [36],
  });
  const { sheet, firstDataRow } = framed;
  let next = firstDataRow + 1;
  const placed = new Map<Node, number>();
  const place = (node: Node) => {
    placed.set(node, next++);
    node.children.forEach(place);
  };
  sections.forEach(place);

  const totalRow = sheet.getRow(firstDataRow);
  totalRow.getCell(2).value = 'TỔNG NGUỒN LỰC';
  totalRow.getCell(3).value = totalNode ? amountCell(totalNode, placed) : sumOf(sections, placed, 'C', amountOf);
  totalRow.getCell(4).value = totalNode ? investmentCell(totalNode, placed) : sumOf(sections, placed, 'D', investmentOf);
  for (let c = 1; c <= 5; c++) styleBodyCell(totalRow.getCell(c), c === 2 ? 'label' : 'amount', true, decimals);

  for (const [node, r] of placed) {
    const row = sheet.getRow(r);
    const bold = node.depth === 0;
    row.getCell(1).value = node.code;
    row.getCell(2).value = node.label;
    row.getCell(3).value = amountCell(node, placed);
    row.getCell(4).value = investmentCell(node, placed);
    row.getCell(5).value = node.note || null;
    styleBodyCell(row.getCell(1), 'center', bold);
    styleBodyCell(row.getCell(2), 'label', bold);
    styleBodyCell(row.getCell(3), 'amount', bold, decimals);
    styleBodyCell(row.getCell(4), 'amount', bold, decimals);
    styleBodyCell(row.getCell(5), 'text');
  }
  finishForm(framed, issuer, next - 1);
  return workbookBytes(framed);
}

function tree(rows: SourceRow[]): Node[] {
  const nodes = new Map(rows.map((r) => [r.id, { ...r, children: [] as Node[], depth: 0 }]));
  const roots: Node[] = [];
  for (const node of nodes.values()) {
    const parent = node.parent_id === null ? undefined : nodes.get(node.parent_id);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

function setDepth(node: Node, depth: number): void {
  node.depth = depth;
  node.children.forEach((c) => setDepth(c, depth + 1));
}

const hasParts = (node: Node, value: (n: Node) => number | null) => node.children.some((c) => value(c) !== null);

/** A parent the province typed keeps its typed figure (a disagreement is a finding, never fixed here); otherwise it adds up its parts. */
function amountOf(node: Node): number | null {
  if (node.typed_total !== null) return node.typed_total;
  if (hasParts(node, amountOf)) return node.children.reduce((s, c) => s + (amountOf(c) ?? 0), 0);
  return node.amount;
}

function investmentOf(node: Node): number | null {
  if (node.investment !== null) return node.investment;
  if (hasParts(node, investmentOf)) return node.children.reduce((s, c) => s + (investmentOf(c) ?? 0), 0);
  return null;
}

function amountCell(node: Node, placed: Map<Node, number>): ExcelJS.CellValue {
  if (node.typed_total === null && hasParts(node, amountOf)) return sumOf(node.children, placed, 'C', amountOf);
  return amountOf(node);
}

function investmentCell(node: Node, placed: Map<Node, number>): ExcelJS.CellValue {
  if (node.investment === null && hasParts(node, investmentOf)) return sumOf(node.children, placed, 'D', investmentOf);
  return node.investment;
}

function sumOf(nodes: Node[], placed: Map<Node, number>, column: string, value: (n: Node) => number | null): ExcelJS.CellValue {
  if (nodes.length === 0) return null;
  const formula = nodes.map((n) => `${column}${placed.get(n)}`).join('+');
  return { formula, result: nodes.reduce((s, n) => s + (value(n) ?? 0), 0) };
}
