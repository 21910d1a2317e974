// Small documents for the rule tests, written as rows the way SQLite holds them.
import type { Scalar } from '../../../shared/api/edits';
import type { PlanScope } from '../../../shared/api/validation';
import type { TableRows, WireTables } from '../../../shared/rules/dataset';
import type { RuleTable } from '../../../shared/rules/schema';

export const PLAN: PlanScope = { id: 1, yearStart: 2025, yearEnd: 2025, level: 'commune', unitId: 10, criteriaSetId: 'set' };

export function wire(tables: Partial<Record<RuleTable, Record<string, Scalar>[]>>): WireTables {
  const out: WireTables = {};
  for (const [name, rows] of Object.entries(tables) as [RuleTable, Record<string, Scalar>[]][]) {
    const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    out[name] = { columns, rows: rows.map((r) => columns.map((c) => r[c] ?? null)) } satisfies TableRows;
  }
  return out;
}

/** The capital-source tree of Biểu 04, as the funding module seeds it. */
export const SOURCES = [
  { id: 1, parent_id: null, code: '', label: 'Tổng nguồn lực', role: 'total', ord: 1 },
  { id: 2, parent_id: 1, code: 'I', label: 'Vốn ngân sách Trung ương', role: 'central', ord: 1 },
  { id: 3, parent_id: 2, code: '1', label: 'Vốn đầu tư phát triển', role: 'central_investment', ord: 1 },
  { id: 4, parent_id: 2, code: '2', label: 'Vốn sự nghiệp', role: 'central_recurrent', ord: 2 },
  { id: 5, parent_id: 1, code: 'II', label: 'Vốn ngân sách địa phương', role: 'local', ord: 2 },
  { id: 6, parent_id: 5, code: '3', label: 'Ngân sách xã', role: 'local_commune', ord: 3 },
  { id: 7, parent_id: 1, code: 'III', label: 'Vốn lồng ghép', role: 'integrated', ord: 3 },
  { id: 8, parent_id: 7, code: '1', label: 'Vốn CT MTQG giảm nghèo bền vững', role: 'integrated_poverty', ord: 1 },
  { id: 9, parent_id: 7, code: '2', label: 'Vốn CT MTQG vùng DTTS và miền núi', role: 'integrated_ethnic', ord: 2 },
];

export const resource = (source_id: number, amount: number | null, extra: Record<string, Scalar> = {}) => ({
  plan_id: 1,
  year: 2025,
  source_id,
  amount,
  investment: null,
  typed_total: null,
  note: '',
  ...extra,
});

/** Mường Khoa 2025 as typed in its plan: total 3.900; central 1.304 = 504 + 800; commune 40; integrated 2.256 = 602 + 1.954. */
export const MUONG_KHOA = [
  resource(1, 3900),
  resource(2, 1304),
  resource(3, 504),
  resource(4, 800),
  resource(6, 40),
  resource(7, 2256),
  resource(8, 602),
  resource(9, 1954),
];
