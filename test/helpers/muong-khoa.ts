// Mường Khoa's 2025 commune plan entered into a real document the way an officer would, through
// edits: resources as typed in the plan (total 3.900; central 1.304 = 504 + 800; commune budget 40;
// integrated 2.256 = 602 + 1.954) and the criteria status (12/19 met at the end of 2024, 13 planned).
import type { Backend } from '../../electron/backend/backend';
import type { Change } from '../../shared/api/edits';

export interface MuongKhoa {
  planId: number;
  unitId: number;
  source: (role: string) => number;
}

export const MUONG_KHOA_RESOURCES: [role: string, amount: number][] = [
  ['total', 3900],
  ['central', 1304],
  ['central_investment', 504],
  ['central_recurrent', 800],
  ['local_commune', 40],
  ['integrated', 2256],
  ['integrated_poverty', 602],
  ['integrated_ethnic', 1954],
];

export async function enterMuongKhoa(backend: Backend, options: { status?: boolean } = {}): Promise<MuongKhoa> {
  const unit = await backend.dispatch('units.create', { kind: 'commune', name: 'Mường Khoa' });
  const plan = await backend.dispatch('plans.create', {
    name: 'Kế hoạch xây dựng NTM năm 2025 xã Mường Khoa',
    level: 'commune',
    unitId: unit.id,
    yearStart: 2025,
    yearEnd: 2025,
    criteriaSetId: 'xa-ntm-2021-2025',
  });
  const db = backend.document!.db;
  const roles = new Map((db.prepare('SELECT role, id FROM capital_source WHERE role IS NOT NULL').all() as { role: string; id: number }[]).map((r) => [r.role, r.id]));
  const source = (role: string) => {
    const id = roles.get(role);
    if (id === undefined) throw new Error(`no capital source with role ${role}`);
    return id;
  };
  const resources = MUONG_KHOA_RESOURCES.map(([role, amount]): Change => ({ op: 'set', table: 'resource_amount', key: [plan.id, 2025, source(role)], field: 'amount', value: amount }));
  await backend.dispatch('edits.apply', { label: 'Nhập nguồn lực', changes: resources });
  if (options.status !== false) {
    const criteria = db.prepare("SELECT id, no FROM criterion WHERE set_id = 'xa-ntm-2021-2025' ORDER BY no").all() as { id: number; no: number }[];
    const marks = criteria.flatMap((c): Change[] => [
      { op: 'set', table: 'criterion_mark', key: [unit.id, c.id, 2024, 'actual'], field: 'met', value: c.no <= 12 },
      { op: 'set', table: 'criterion_mark', key: [unit.id, c.id, 2025, 'plan'], field: 'met', value: c.no <= 12 || c.no === 17 },
    ]);
    marks.push({ op: 'set', table: 'unit_status', key: [unit.id, 2025, 'plan'], field: 'planned_count', value: 13 });
    await backend.dispatch('edits.apply', { label: 'Nhập hiện trạng', changes: marks });
  }
  return { planId: plan.id, unitId: unit.id, source };
}
