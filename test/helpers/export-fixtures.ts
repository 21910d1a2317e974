// The three example forms (Tam Đường, plan year 2025) loaded into a document, each with a binding written
// by hand for its known layout, as import stores them. Lets export be tested without the importer.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import type { Binding, BoundCell } from '../../electron/backend/forms/binding';
import { EXAMPLES_DIR } from './import';

export const EXAMPLE_FILES = {
  bieu01: 'bieu01-tieu-chi-xa.xlsx',
  bieu04: 'bieu04-nguon-luc.xlsx',
  bieu05: 'bieu05-danh-muc-cong-trinh.xlsx',
} as const;
export type ExampleForm = keyof typeof EXAMPLE_FILES;

export const SET_ID = 'xa-ntm-2021-2025';
export const PLAN_YEAR = 2025;

export interface SeededExamples {
  planId: number;
  districtId: number;
  communeIds: Map<string, number>;
  /** Capital-source ids by role (central, central_recurrent, ...). */
  sourceIds: Map<string, number>;
  bindings: Record<ExampleForm, Binding>;
}

export function exampleBytes(form: ExampleForm): Buffer {
  return fs.readFileSync(path.join(EXAMPLES_DIR, EXAMPLE_FILES[form]));
}

async function exampleSheet(form: ExampleForm): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(exampleBytes(form) as unknown as ArrayBuffer);
  return wb.worksheets[0] as ExcelJS.Worksheet;
}

function cellText(ws: ExcelJS.Worksheet, ref: string): string {
  const v = ws.getCell(ref).value;
  return v === null || v === undefined ? '' : String(v).trim();
}

function cellNumber(ws: ExcelJS.Worksheet, ref: string): number | null {
  const v = ws.getCell(ref).value;
  if (typeof v === 'number') return v;
  if (v && typeof v === 'object' && 'result' in v && typeof v.result === 'number') return v.result;
  return null;
}

const CRITERIA_COLUMNS = 'CDEFGHIJKLMNOPQRSTU'.split('');
/** Rows of the example Biểu 04 and the capital-source role each stands for. */
const BIEU04_ROLES: [number, string][] = [
  [8, 'central'],
  [9, 'central_investment'],
  [10, 'central_recurrent'],
  [11, 'local'],
  [12, 'integrated'],
  [13, 'integrated_poverty'],
  [14, 'integrated_ethnic'],
  [15, 'community'],
];

/** Load the three examples into the document and store each original workbook with its binding. */
export async function seedExamples(db: Database.Database): Promise<SeededExamples> {
  const b01 = await exampleSheet('bieu01');
  const b04 = await exampleSheet('bieu04');
  const b05 = await exampleSheet('bieu05');
  const criterionIds = new Map(
    (db.prepare('SELECT id, no FROM criterion WHERE set_id = ?').all(SET_ID) as { id: number; no: number }[]).map((c) => [c.no, c.id]),
  );
  const communeIds = new Map<string, number>();
  const sourceIds = new Map<string, number>();
  let planId = 0;
  let districtId = 0;
  const bindings = {} as Record<ExampleForm, Binding>;

  db.transaction(() => {
    districtId = Number(db.prepare("INSERT INTO unit (kind, name, ord) VALUES ('district', 'Tam Đường', 1)").run().lastInsertRowid);
    planId = Number(
      db
        .prepare(
          `INSERT INTO plan (name, level, unit_id, year_start, year_end, criteria_set_id, issuer, signer, signer_title)
           VALUES ('Kế hoạch xây dựng NTM năm 2025', 'district', ?, ?, ?, ?, 'ỦY BAN NHÂN DÂN HUYỆN TAM ĐƯỜNG', 'Nguyễn Văn A', 'PHÓ CHỦ TỊCH')`,
        )
        .run(districtId, PLAN_YEAR, PLAN_YEAR, SET_ID).lastInsertRowid,
    );

    // Biểu 01: rows 9-20, one commune each.
    const cells01: BoundCell[] = [];
    const formulas01: string[] = [];
    const insertUnit = db.prepare("INSERT INTO unit (kind, name, parent_id, ord) VALUES ('commune', ?, ?, ?)");
    const insertMark = db.prepare("INSERT INTO criterion_mark (unit_id, criterion_id, year, kind, met) VALUES (?, ?, ?, 'actual', ?)");
    const insertStatus = db.prepare('INSERT INTO unit_status (unit_id, year, kind, recognised_year, planned_count, note) VALUES (?, ?, ?, ?, ?, ?)');
    for (let row = 9; row <= 20; row++) {
      const name = cellText(b01, `B${row}`);
      const unitId = Number(insertUnit.run(name, districtId, row - 8).lastInsertRowid);
      communeIds.set(name, unitId);
      CRITERIA_COLUMNS.forEach((col, i) => {
        const criterionId = criterionIds.get(i + 1) as number;
        insertMark.run(unitId, criterionId, PLAN_YEAR - 1, cellText(b01, `${col}${row}`) === 'x' ? 1 : 0);
        cells01.push({ cell: `${col}${row}`, kind: 'mark', markText: 'x', target: { table: 'criterion_mark', key: [unitId, criterionId, PLAN_YEAR - 1, 'actual'], field: 'met' } });
      });
      insertStatus.run(unitId, PLAN_YEAR - 1, 'actual', cellNumber(b01, `W${row}`), null, '');
      insertStatus.run(unitId, PLAN_YEAR, 'plan', null, cellNumber(b01, `X${row}`), cellText(b01, `Y${row}`));
      cells01.push(
        { cell: `W${row}`, kind: 'number', decimals: 0, target: { table: 'unit_status', key: [unitId, PLAN_YEAR - 1, 'actual'], field: 'recognised_year' } },
        { cell: `X${row}`, kind: 'number', decimals: 0, target: { table: 'unit_status', key: [unitId, PLAN_YEAR, 'plan'], field: 'planned_count' } },
        { cell: `Y${row}`, kind: 'text', target: { table: 'unit_status', key: [unitId, PLAN_YEAR, 'plan'], field: 'note' } },
      );
      formulas01.push(`V${row}`);
    }
    formulas01.push(...[...CRITERIA_COLUMNS, 'V'].map((c) => `${c}21`), 'V22');
    bindings.bieu01 = binding('bieu01', 'Bieu 01', cells01, formulas01, planId);

    // Biểu 04: rows 8-15 are sources of the document's seeded capital-source tree, found by role.
    const insertAmount = db.prepare('INSERT INTO resource_amount (plan_id, year, source_id, amount, investment) VALUES (?, ?, ?, ?, ?)');
    const cells04: BoundCell[] = [];
    for (const [row, role] of BIEU04_ROLES) {
      const sourceId = (db.prepare('SELECT id FROM capital_source WHERE role = ?').get(role) as { id: number }).id;
      sourceIds.set(role, sourceId);
      const formula = b04.getCell(`C${row}`).formula;
      insertAmount.run(planId, PLAN_YEAR, sourceId, formula ? null : cellNumber(b04, `C${row}`), cellNumber(b04, `D${row}`));
      const key = [planId, PLAN_YEAR, sourceId];
      if (!formula) cells04.push({ cell: `C${row}`, kind: 'number', decimals: 0, target: { table: 'resource_amount', key, field: 'amount' } });
      cells04.push({ cell: `D${row}`, kind: 'number', decimals: 0, target: { table: 'resource_amount', key, field: 'investment' } });
    }
    bindings.bieu04 = binding('bieu04', 'Bieu 04', cells04, ['C7', 'C8', 'C12'], planId);

    // Biểu 05: projects of the central-budget section, rows 10-15 continuing and 17-36 new.
    const insertProject = db.prepare(
      `INSERT INTO project (plan_id, year, source_id, phase, name, unit_id, period, total_investment, allocated_before, plan_amount, note, ord)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const cells05: BoundCell[] = [];
    for (let row = 10; row <= 36; row++) {
      if (row === 16) continue;
      const commune = cellText(b05, `C${row}`);
      const id = Number(
        insertProject.run(
          planId,
          PLAN_YEAR,
          sourceIds.get('central'),
          row < 16 ? 'continuing' : 'new',
          cellText(b05, `B${row}`),
          communeIds.get(commune) ?? null,
          cellText(b05, `D${row}`),
          cellNumber(b05, `E${row}`),
          cellNumber(b05, `F${row}`),
          cellNumber(b05, `G${row}`),
          cellText(b05, `H${row}`),
          row,
        ).lastInsertRowid,
      );
      const target = (field: string) => ({ table: 'project', key: [id], field });
      cells05.push(
        { cell: `B${row}`, kind: 'text', target: target('name') },
        { cell: `D${row}`, kind: 'text', target: target('period') },
        { cell: `E${row}`, kind: 'number', decimals: 0, target: target('total_investment') },
        { cell: `F${row}`, kind: 'number', decimals: 0, target: target('allocated_before') },
        { cell: `G${row}`, kind: 'number', decimals: 0, target: target('plan_amount') },
        { cell: `H${row}`, kind: 'text', target: target('note') },
      );
    }
    const totals = ['E', 'F', 'G'].flatMap((c) => [`${c}7`, `${c}8`, `${c}9`, `${c}16`]);
    bindings.bieu05 = binding('bieu05', 'Bieu 05', cells05, totals, planId);

    const store = db.prepare(
      'INSERT INTO workbook (plan_id, form, sheet, file_name, sha256, bytes, binding, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (const form of Object.keys(EXAMPLE_FILES) as ExampleForm[]) {
      const bytes = exampleBytes(form);
      const sha = crypto.createHash('sha256').update(bytes).digest('hex');
      store.run(planId, form, bindings[form].sheet, EXAMPLE_FILES[form], sha, bytes, JSON.stringify(bindings[form]), '2025-01-15T08:00:00Z');
    }
  })();
  return { planId, districtId, communeIds, sourceIds, bindings };
}

function binding(form: string, sheet: string, cells: BoundCell[], formulaCells: string[], planId: number): Binding {
  return { version: 1, form, sheet, sheetPart: 'xl/worksheets/sheet1.xml', year: PLAN_YEAR, planId, cells, formulaCells, encoding: 'unicode' };
}
