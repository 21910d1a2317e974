// The Tam Đường example forms (end of 2024, plan 2025) read with exceljs by their labels and written
// straight into the v1 tables, so the dashboard and the narrative are tested without the importer.
import path from 'node:path';
import type Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { EXAMPLES_DIR } from './examples';

const EXAMPLES = EXAMPLES_DIR;
export const TAM_DUONG_YEAR = 2025;
const SET_ID = 'xa-ntm-2021-2025';

export interface TamDuongPlan {
  planId: number;
  year: number;
  communeIds: Map<string, number>;
}

async function sheet(file: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(EXAMPLES, file));
  return wb.worksheets[0] as ExcelJS.Worksheet;
}

const norm = (text: string) => text.normalize('NFC').trim().toLocaleLowerCase('vi').replace(/\s+/g, ' ');

function text(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'result' in v) return v.result === undefined ? '' : String(v.result).trim();
  return String(v).trim();
}

/** A number typed in the cell; formula cells are parents computed from their parts, so they give none. */
function typedNumber(cell: ExcelJS.Cell): number | null {
  return typeof cell.value === 'number' ? cell.value : null;
}

function rows(ws: ExcelJS.Worksheet): ExcelJS.Row[] {
  const out: ExcelJS.Row[] = [];
  ws.eachRow((row) => out.push(row));
  return out;
}

/** Column of the first header cell whose text starts with `label`. */
function columnOf(ws: ExcelJS.Worksheet, label: string): number | null {
  for (const row of rows(ws)) {
    let found: number | null = null;
    row.eachCell((cell, col) => {
      if (found === null && norm(text(cell)).startsWith(norm(label))) found = col;
    });
    if (found !== null) return found;
  }
  return null;
}

export async function seedTamDuongPlan(db: Database.Database): Promise<TamDuongPlan> {
  const [b01, b04, b05] = await Promise.all([sheet('bieu01-tieu-chi-xa.xlsx'), sheet('bieu04-nguon-luc.xlsx'), sheet('bieu05-danh-muc-cong-trinh.xlsx')]);
  const communeIds = new Map<string, number>();
  let planId = 0;
  db.transaction(() => {
    planId = Number(
      db
        .prepare("INSERT INTO plan (name, level, year_start, year_end, criteria_set_id) VALUES ('Kế hoạch năm 2025', 'district', ?, ?, ?)")
        .run(TAM_DUONG_YEAR, TAM_DUONG_YEAR, SET_ID).lastInsertRowid,
    );
    seedMatrix(db, b01, communeIds);
    const sources = seedResources(db, b04, planId);
    seedProjects(db, b05, planId, sources, communeIds);
  })();
  return { planId, year: TAM_DUONG_YEAR, communeIds };
}

/** Biểu 01: communes, their marks at 31/12/2024, recognition year, planned count and the 2025 target level. */
function seedMatrix(db: Database.Database, ws: ExcelJS.Worksheet, communeIds: Map<string, number>): void {
  const criterionId = new Map((db.prepare('SELECT id, no FROM criterion WHERE set_id = ?').all(SET_ID) as { id: number; no: number }[]).map((c) => [c.no, c.id]));
  const all = rows(ws);
  // The header row that numbers the criteria 1..19.
  const numberRow = all.find((row) => {
    const numbers: string[] = [];
    row.eachCell((cell) => numbers.push(text(cell)));
    return numbers.filter((n) => /^\d+$/.test(n) && Number(n) >= 1 && Number(n) <= 19).length === 19;
  });
  if (!numberRow) throw new Error('Biểu 01: no row numbering the criteria');
  const criterionCols = new Map<number, number>();
  numberRow.eachCell((cell, col) => {
    if (/^\d+$/.test(text(cell))) criterionCols.set(col, Number(text(cell)));
  });
  const nameCol = columnOf(ws, 'Tên xã') as number;
  const recognisedCol = columnOf(ws, 'Năm được công nhận') as number;
  const plannedCol = columnOf(ws, 'Kế hoạch năm') as number;
  const noteCol = columnOf(ws, 'Ghi chú') as number;

  const insertUnit = db.prepare("INSERT INTO unit (kind, name, ord) VALUES ('commune', ?, ?)");
  const insertMark = db.prepare("INSERT INTO criterion_mark (unit_id, criterion_id, year, kind, met) VALUES (?, ?, ?, 'actual', ?)");
  const insertStatus = db.prepare('INSERT INTO unit_status (unit_id, year, kind, level, recognised_year, planned_count, note) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const row of all.filter((r) => r.number > numberRow.number)) {
    const name = text(row.getCell(nameCol));
    if (!/^\d+$/.test(text(row.getCell(1))) || !name) continue;
    const unitId = Number(insertUnit.run(name, communeIds.size + 1).lastInsertRowid);
    communeIds.set(name, unitId);
    for (const [col, no] of criterionCols) insertMark.run(unitId, criterionId.get(no), TAM_DUONG_YEAR - 1, norm(text(row.getCell(col))) === 'x' ? 1 : 0);
    const recognised = typedNumber(row.getCell(recognisedCol));
    const planned = typedNumber(row.getCell(plannedCol));
    const note = text(row.getCell(noteCol));
    insertStatus.run(unitId, TAM_DUONG_YEAR - 1, 'actual', recognised === null ? null : 'ntm', recognised, planned, note);
    const target = /nâng cao/i.test(note) ? 'nang_cao' : planned === criterionCols.size ? 'ntm' : null;
    insertStatus.run(unitId, TAM_DUONG_YEAR, 'plan', target, null, planned, '');
  }
}

/**
 * Biểu 04: figures against the document's capital-source tree, matched by label; sources the tree lacks
 * are added under the row's Roman-numbered parent. Returns source ids by Biểu 04 label.
 */
function seedResources(db: Database.Database, ws: ExcelJS.Worksheet, planId: number): Map<string, number> {
  const labelCol = columnOf(ws, 'Nguồn vốn') as number;
  const amountCol = columnOf(ws, 'Kế hoạch năm') as number;
  const investmentCol = columnOf(ws, 'Trong đó') as number;
  const existing = db.prepare('SELECT id, label FROM capital_source').all() as { id: number; label: string }[];
  const byLabel = new Map(existing.map((s) => [norm(s.label), s.id]));
  const insertSource = db.prepare('INSERT INTO capital_source (parent_id, code, label, role, ord) VALUES (?, ?, ?, NULL, ?)');
  const insertAmount = db.prepare('INSERT INTO resource_amount (plan_id, year, source_id, amount, investment) VALUES (?, ?, ?, ?, ?)');
  const ids = new Map<string, number>();
  let total: number | null = null;
  let roman: number | null = null;
  for (const row of rows(ws)) {
    const stt = text(row.getCell(1));
    const label = text(row.getCell(labelCol));
    const isTotal = /^tổng/i.test(label) && !stt;
    const isRoman = /^[IVX]+$/.test(stt);
    if (!isTotal && !isRoman && !/^\d+$/.test(stt)) continue;
    if (/^\(\d+\)$/.test(label)) continue;
    const parent: number | null = isTotal ? null : isRoman ? total : roman;
    const id: number = byLabel.get(norm(label)) ?? Number(insertSource.run(parent, stt, label, row.number).lastInsertRowid);
    ids.set(label, id);
    if (isTotal) total = id;
    if (isRoman) roman = id;
    const amount = typedNumber(row.getCell(amountCol));
    const investment = typedNumber(row.getCell(investmentCol));
    if (!isTotal && (amount !== null || investment !== null)) insertAmount.run(planId, TAM_DUONG_YEAR, id, amount, investment);
  }
  return ids;
}

/** Biểu 05: item rows (1.1, 2.3, ...) under "Dự án chuyển tiếp" / "Dự án khởi công mới", funded by central investment capital. */
function seedProjects(db: Database.Database, ws: ExcelJS.Worksheet, planId: number, sources: Map<string, number>, communeIds: Map<string, number>): void {
  const sourceId = sources.get('Vốn đầu tư phát triển');
  if (sourceId === undefined) throw new Error('Biểu 04: no "Vốn đầu tư phát triển" row');
  const communeCol = columnOf(ws, 'Địa điểm') as number;
  const periodCol = columnOf(ws, 'Thời gian') as number;
  const totalCol = columnOf(ws, 'Tổng mức') as number;
  const beforeCol = columnOf(ws, 'Lũy kế') as number;
  const planCol = columnOf(ws, 'Kế hoạch vốn') as number;
  const insert = db.prepare(
    `INSERT INTO project (plan_id, year, source_id, phase, name, unit_id, period, total_investment, allocated_before, plan_amount, ord)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let phase: 'continuing' | 'new' | null = null;
  let ord = 0;
  for (const row of rows(ws)) {
    const stt = text(row.getCell(1));
    const label = text(row.getCell(2));
    if (/chuyển tiếp/i.test(label)) phase = 'continuing';
    else if (/khởi công mới/i.test(label)) phase = 'new';
    if (!/^\d+\.\d+$/.test(stt) || phase === null) continue;
    const commune = communeIds.get(text(row.getCell(communeCol))) ?? null;
    insert.run(planId, TAM_DUONG_YEAR, sourceId, phase, label, commune, text(row.getCell(periodCol)), typedNumber(row.getCell(totalCol)), typedNumber(row.getCell(beforeCol)), typedNumber(row.getCell(planCol)), ++ord);
  }
}
