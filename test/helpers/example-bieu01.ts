// Seeds a document with the example Biểu 01 (12 communes of Tam Đường, status at 31/12/2024) through
// the backend's own calls, so the tests compare the grid's figures with the form's.
import ExcelJS from 'exceljs';
import type { Backend } from '../../electron/backend/backend';
import type { Change } from '../../shared/api/edits';
import { examplePath } from './examples';

export const EXAMPLE_BIEU01 = examplePath('bieu01-tieu-chi-xa');

export interface ExampleCommune {
  name: string;
  marks: boolean[];
  recognisedYear: number | null;
  plannedCount: number | null;
  note: string;
}

/** The communes of the example form: name, the 19 marks, recognition year, planned count and note. */
export async function readExampleBieu01(file = EXAMPLE_BIEU01): Promise<ExampleCommune[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0]!;
  const text = (row: number, col: number) => {
    const v = ws.getCell(row, col).value;
    return v === null || v === undefined ? '' : typeof v === 'object' && 'result' in v ? String(v.result) : String(v).trim();
  };
  let headerRow = 0;
  let nameCol = 0;
  ws.eachRow((row, r) => {
    row.eachCell((cell, c) => {
      if (String(cell.value).trim() === 'Tên xã' && text(r, c + 1) === '1' && text(r, c + 19) === '19') [headerRow, nameCol] = [r, c];
    });
  });
  if (!headerRow) throw new Error('no criterion header row in the example form');
  const communes: ExampleCommune[] = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const name = text(r, nameCol);
    if (name.startsWith('Số xã') || name.startsWith('Bình quân')) break;
    if (!/^\d+$/.test(text(r, nameCol - 1))) continue;
    const year = Number(text(r, nameCol + 21));
    const planned = Number(text(r, nameCol + 22));
    communes.push({
      name,
      marks: Array.from({ length: 19 }, (_, i) => text(r, nameCol + 1 + i).toLowerCase() === 'x'),
      recognisedYear: year > 0 ? year : null,
      plannedCount: planned > 0 ? planned : null,
      note: text(r, nameCol + 23),
    });
  }
  return communes;
}

/** Units, a 2025 plan and the status at 31/12/2024 from the example form, entered as one edit. */
export async function seedExample(backend: Backend): Promise<{ planId: number; unitIds: Map<string, number>; criterionIds: number[] }> {
  const communes = await readExampleBieu01();
  const district = await backend.dispatch('units.create', { kind: 'district', name: 'Tam Đường' });
  const unitIds = new Map<string, number>();
  for (const c of communes) unitIds.set(c.name, (await backend.dispatch('units.create', { kind: 'commune', name: c.name, parentId: district.id })).id);
  const plan = await backend.dispatch('plans.create', { name: 'Kế hoạch năm 2025', level: 'district', yearStart: 2025, yearEnd: 2025, criteriaSetId: 'xa-ntm-2021-2025' });
  const set = (await backend.dispatch('criteria.sets', {})).find((s) => s.id === 'xa-ntm-2021-2025')!;
  const criterionIds = set.criteria.map((c) => c.id);
  const changes: Change[] = [];
  for (const c of communes) {
    const unitId = unitIds.get(c.name)!;
    c.marks.forEach((met, i) => changes.push({ op: 'set', table: 'criterion_mark', key: [unitId, criterionIds[i]!, 2024, 'actual'], field: 'met', value: met }));
    const status = (field: string, value: string | number | null) => changes.push({ op: 'set', table: 'unit_status', key: [unitId, 2024, 'actual'], field, value });
    if (c.recognisedYear !== null) {
      status('level', 'ntm');
      status('recognised_year', c.recognisedYear);
    }
    status('planned_count', c.plannedCount);
    status('note', c.note);
  }
  await backend.dispatch('edits.apply', { label: 'Nhập Biểu 01', changes });
  return { planId: plan.id, unitIds, criterionIds };
}
