// The Tam Đường 2025 plan: communes, Biểu 04 resources and the Biểu 05 project list read from the
// example workbooks, entered through the same contract the app uses.
import ExcelJS from 'exceljs';
import path from 'node:path';
import type { Backend } from '../../electron/backend/backend';
import type { Change } from '../../shared/api/edits';
import type { CapitalSource } from '../../shared/api/funding';
import { EXAMPLES_DIR } from './examples';

export const EXAMPLES = EXAMPLES_DIR;

export interface ExampleProject {
  stt: string;
  name: string;
  commune: string;
  period: string;
  phase: 'continuing' | 'new';
  totalInvestment: number | null;
  allocatedBefore: number | null;
  planAmount: number | null;
}

const numberOf = (v: ExcelJS.CellValue): number | null => (typeof v === 'number' ? v : null);
const textOf = (v: ExcelJS.CellValue): string => (v === null || v === undefined ? '' : String(v).trim());

/** Item rows (1.1, 2.3, ...) of the example Biểu 05, each with the phase of the subsection above it. */
export async function readExampleProjects(): Promise<ExampleProject[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(EXAMPLES, 'bieu05-danh-muc-cong-trinh.xlsx'));
  const ws = wb.worksheets[0]!;
  const out: ExampleProject[] = [];
  let phase: ExampleProject['phase'] | null = null;
  ws.eachRow((row) => {
    const stt = textOf(row.getCell(1).value);
    const label = textOf(row.getCell(2).value).toLowerCase();
    if (label.includes('chuyển tiếp')) phase = 'continuing';
    else if (label.includes('khởi công mới')) phase = 'new';
    if (!/^\d+\.\d+$/.test(stt) || phase === null) return;
    out.push({
      stt,
      name: textOf(row.getCell(2).value),
      commune: textOf(row.getCell(3).value),
      period: textOf(row.getCell(4).value),
      phase,
      totalInvestment: numberOf(row.getCell(5).value),
      allocatedBefore: numberOf(row.getCell(6).value),
      planAmount: numberOf(row.getCell(7).value),
    });
  });
  return out;
}

/** The Biểu 04 figures of Tam Đường 2025 by source role: [amount, investment]. */
export const TAM_DUONG_RESOURCES: [role: string, amount: number | null, investment: number | null][] = [
  ['central_investment', 19783, 19783],
  ['central_recurrent', 3973, null],
  ['local', 74135, 39767],
  ['integrated_poverty', 13394, null],
  ['integrated_ethnic', 93965, 53144],
  ['community', 0, null],
];

export interface TamDuong {
  planId: number;
  year: number;
  sources: CapitalSource[];
  communes: Map<string, number>;
  role(role: string): CapitalSource;
}

/** A district plan for 2025 over the twelve communes of the example forms. */
export async function createTamDuongPlan(backend: Backend): Promise<TamDuong> {
  const projects = await readExampleProjects();
  const communes = new Map<string, number>();
  for (const name of [...new Set(projects.map((p) => p.commune))]) {
    communes.set(name, (await backend.dispatch('units.create', { kind: 'commune', name })).id);
  }
  const [set] = await backend.dispatch('criteria.sets', {});
  const plan = await backend.dispatch('plans.create', { name: 'Kế hoạch năm 2025', level: 'district', yearStart: 2025, yearEnd: 2025, criteriaSetId: set!.id });
  const sources = await backend.dispatch('funding.sources', {});
  const role = (r: string) => {
    const found = sources.find((s) => s.role === r);
    if (!found) throw new Error(`no source with role ${r}`);
    return found;
  };
  return { planId: plan.id, year: 2025, sources, communes, role };
}

export function resourceChanges(t: TamDuong): Change[] {
  return TAM_DUONG_RESOURCES.flatMap(([role, amount, investment]) => {
    const key = [t.planId, t.year, t.role(role).id];
    return [
      { op: 'set', table: 'resource_amount', key, field: 'amount', value: amount },
      { op: 'set', table: 'resource_amount', key, field: 'investment', value: investment },
    ] satisfies Change[];
  });
}

export async function projectChanges(t: TamDuong): Promise<Change[]> {
  const projects = await readExampleProjects();
  return projects.map((p, i) => ({
    op: 'insert',
    table: 'project',
    row: {
      plan_id: t.planId,
      year: t.year,
      source_id: t.role('central').id,
      phase: p.phase,
      name: p.name,
      unit_id: t.communes.get(p.commune) ?? null,
      period: p.period,
      total_investment: p.totalInvestment,
      allocated_before: p.allocatedBefore,
      plan_amount: p.planAmount,
      note: '',
      ord: i + 1,
    },
  }));
}

/** The whole example plan: resources and projects, each entered as one undo step. */
export async function enterTamDuong(backend: Backend): Promise<TamDuong> {
  const t = await createTamDuongPlan(backend);
  await backend.dispatch('edits.apply', { label: 'Nhập Biểu 04', changes: resourceChanges(t) });
  await backend.dispatch('edits.apply', { label: 'Nhập Biểu 05', changes: await projectChanges(t) });
  return t;
}
