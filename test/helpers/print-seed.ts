// A plan with every printed table filled, written straight into the v1 tables of a real document:
// the 12 Tam Đường communes with the Biểu 01 figures of the example forms, or N communes for size tests.
import type { Backend } from '../../electron/backend/backend';

export const PRINT_YEAR = 2025;
export const TAM_DUONG_COMMUNES = [
  'Bản Bo', 'Bản Giang', 'Bản Hon', 'Bình Lư', 'Giang Ma', 'Hồ Thầu', 'Khun Há', 'Nà Tăm', 'Nùng Nàng', 'Sơn Bình', 'Tả Lèng', 'Thèn Sin',
];
/** Criteria not met at the end of 2024, by commune (Nà Tăm 15, Giang Ma 14, Tả Lèng 16; the rest 19/19). */
export const UNMET: Record<string, number[]> = { 'Nà Tăm': [2, 5, 10, 17], 'Giang Ma': [3, 5, 9, 13, 17], 'Tả Lèng': [5, 13, 17] };

/** Criteria a commune does not meet at the end of last year: the example's three, and one in five beyond the twelfth. */
export function unmetCriteria(name: string, index: number): number[] {
  return UNMET[name] ?? (index >= 12 && index % 5 === 0 ? [1 + (index % 19)] : []);
}

export interface PrintSeed {
  planId: number;
  communes: string[];
}

function communeNames(count: number): string[] {
  if (count <= TAM_DUONG_COMMUNES.length) return TAM_DUONG_COMMUNES.slice(0, count);
  return Array.from({ length: count }, (_, i) => `${TAM_DUONG_COMMUNES[i % 12]} ${Math.floor(i / 12) + 1}`);
}

export async function seedPrintPlan(backend: Backend, options: { communes?: number; tables?: boolean } = {}): Promise<PrintSeed> {
  const names = communeNames(options.communes ?? 12);
  const plan = await backend.dispatch('plans.create', {
    name: `Kế hoạch xây dựng nông thôn mới năm ${PRINT_YEAR}`,
    level: 'district',
    yearStart: PRINT_YEAR,
    yearEnd: PRINT_YEAR,
    criteriaSetId: 'xa-ntm-2021-2025',
    issuer: 'ỦY BAN NHÂN DÂN HUYỆN TAM ĐƯỜNG',
    docNumber: '158/KH-UBND',
    docDate: '2025-04-19',
    signer: 'Nguyễn Văn An',
    signerTitle: 'PHÓ CHỦ TỊCH',
  });
  const db = backend.document!.db;
  db.transaction(() => {
    const criteria = db.prepare("SELECT id, no FROM criterion WHERE set_id = 'xa-ntm-2021-2025' ORDER BY no").all() as { id: number; no: number }[];
    const addUnit = db.prepare("INSERT INTO unit (kind, name, ord) VALUES ('commune', ?, ?)");
    const mark = db.prepare("INSERT INTO criterion_mark (unit_id, criterion_id, year, kind, met) VALUES (?, ?, ?, 'actual', ?)");
    const status = db.prepare('INSERT INTO unit_status (unit_id, year, kind, recognised_year, planned_count) VALUES (?, ?, ?, ?, ?)');
    const ids = names.map((name, i) => Number(addUnit.run(name, i + 1).lastInsertRowid));
    names.forEach((name, i) => {
      const unmet = unmetCriteria(name, i);
      for (const c of criteria) mark.run(ids[i], c.id, PRINT_YEAR - 1, unmet.includes(c.no) ? 0 : 1);
      status.run(ids[i], PRINT_YEAR - 1, 'actual', unmet.length === 0 ? 2020 + (i % 5) : null, null);
      status.run(ids[i], PRINT_YEAR, 'plan', null, 19);
    });
    if (options.tables !== false) seedTables(backend, plan.id, ids);
  })();
  return { planId: plan.id, communes: names };
}

/** Biểu 04 of Tam Đường 2025: 205.250 = 23.756 (19.783 + 3.973) + 74.135 + 107.359 (13.394 + 93.965) + 0. */
export const RESOURCES: [role: string, amount: number, investment: number | null][] = [
  ['central_investment', 19783, 19783],
  ['central_recurrent', 3973, null],
  ['local_district', 74135, 39767],
  ['integrated_poverty', 13394, null],
  ['integrated_ethnic', 93965, 53144],
  ['community_cash', 0, null],
];

/** Plan amounts that add up to the 19.783 of central investment. */
export const PROJECTS: [phase: 'continuing' | 'new', name: string, plan: number][] = [
  ['continuing', 'Đường giao thông nội đồng bản Nà Khum', 5000],
  ['continuing', 'Nhà văn hóa bản Hon', 4283],
  ['continuing', 'Kênh mương thủy lợi Phiêng Phát', 2500],
  ['new', 'Trường mầm non Bình Lư (điểm trường Nà Đon)', 4000],
  ['new', 'Cấp nước sinh hoạt tập trung bản Sin Chải', 4000],
];

function seedTables(backend: Backend, planId: number, communeIds: number[]): void {
  const db = backend.document!.db;
  const sourceId = (role: string) => (db.prepare('SELECT id FROM capital_source WHERE role = ?').get(role) as { id: number }).id;
  const resource = db.prepare('INSERT INTO resource_amount (plan_id, year, source_id, amount, investment) VALUES (?, ?, ?, ?, ?)');
  for (const [role, amount, investment] of RESOURCES) resource.run(planId, PRINT_YEAR, sourceId(role), amount, investment);

  const project = db.prepare(
    'INSERT INTO project (plan_id, year, source_id, phase, name, unit_id, period, total_investment, allocated_before, plan_amount, ord) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  PROJECTS.forEach(([phase, name, plan], i) =>
    project.run(planId, PRINT_YEAR, sourceId('central_investment'), phase, name, communeIds[i % communeIds.length], '2024-2025', plan * 2, phase === 'continuing' ? plan : 0, plan, i),
  );

  const content = db.prepare('INSERT INTO recurrent_content (plan_id, parent_id, code, label, ord) VALUES (?, ?, ?, ?, ?)');
  const training = Number(content.run(planId, null, '1', 'Đào tạo nghề', 1).lastInsertRowid);
  const production = Number(content.run(planId, null, '2', 'Hỗ trợ phát triển sản xuất', 2).lastInsertRowid);
  const crops = Number(content.run(planId, production, '2.1', 'Trồng trọt', 1).lastInsertRowid);
  const livestock = Number(content.run(planId, production, '2.2', 'Chăn nuôi', 2).lastInsertRowid);
  const amount = db.prepare('INSERT INTO recurrent_amount (content_id, unit_id, amount) VALUES (?, ?, ?)');
  for (const id of communeIds) {
    amount.run(training, id, 100);
    amount.run(crops, id, 150.5);
    amount.run(livestock, id, 80);
  }

  const target = db.prepare('INSERT INTO target_indicator (plan_id, unit_id, code, label, unit, value_prev, target, ord) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  target.run(planId, null, '1', 'Thu nhập bình quân đầu người khu vực nông thôn', 'triệu đồng/người/năm', 45.2, 54, 1);
  target.run(planId, null, '2', 'Tỷ lệ hộ nghèo đa chiều', '%', 14.5, 11, 2);
  target.run(planId, communeIds[0], '1', 'Tỷ lệ người dân tham gia bảo hiểm y tế', '%', 92.3, 95, 3);
  const recognition = db.prepare("INSERT INTO recognition_target (plan_id, unit_id, year, level) VALUES (?, ?, ?, 'ntm')");
  recognition.run(planId, communeIds[communeIds.length - 1], PRINT_YEAR);

  const site = db.prepare('INSERT INTO model_site (plan_id, unit_id, scope, content, ord) VALUES (?, ?, ?, ?, ?)');
  site.run(planId, communeIds[0], 'commune', 'Mô hình trồng chè chất lượng cao theo chuỗi giá trị', 1);
  site.run(planId, communeIds[1 % communeIds.length], 'commune', 'Khu dân cư kiểu mẫu', 2);

  const indicators = db
    .prepare("SELECT i.id FROM indicator i JOIN criterion c ON c.id = i.criterion_id WHERE c.set_id = 'xa-ntm-2021-2025' AND c.no IN (1, 2) ORDER BY i.ord")
    .all() as { id: number }[];
  const value = db.prepare("INSERT INTO indicator_value (unit_id, indicator_id, year, kind, value) VALUES (?, ?, ?, 'actual', ?)");
  for (const unitId of communeIds) for (const ind of indicators) value.run(unitId, ind.id, PRINT_YEAR - 1, 1);
}
