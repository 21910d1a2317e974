import { describe, expect, it } from 'vitest';
import type { Scalar } from '../../../shared/api/edits';
import { Validator } from '../../../shared/rules/engine';
import { RULES } from '../../../shared/rules/rules';
import { PLAN, resource, SOURCES, wire } from './fixtures';

const communes = [
  { id: 10, kind: 'commune', name: 'Mường Khoa', parent_id: null, merged_into_id: null },
  { id: 11, kind: 'commune', name: 'Bản Bo', parent_id: null, merged_into_id: null },
];
const DISTRICT_PLAN = { ...PLAN, level: 'district' as const, unitId: null, yearStart: 2025, yearEnd: 2026 };
const criteria = [1, 2, 3].map((no) => ({ id: no, set_id: 'set', no, code: String(no), name: `Tiêu chí ${no}`, group_code: 'g' }));
const indicators = [
  { id: 101, criterion_id: 1, code: '1.1', kind: 'boolean', threshold: null },
  { id: 102, criterion_id: 1, code: '1.2', kind: 'percent', threshold: '≥ 60%' },
  { id: 201, criterion_id: 2, code: '2.1', kind: 'percent', threshold: null },
];
const mark = (unit_id: number, criterion_id: number, year: number, kind: string, met: number) => ({ unit_id, criterion_id, year, kind, met, met_year: null });
const status = (unit_id: number, year: number, kind: string, planned_count: number | null) => ({ unit_id, year, kind, level: null, recognised_year: null, planned_count, note: '' });
const value = (unit_id: number, indicator_id: number, v: number | null, text: string | null = null, kind = 'actual', year = 2024) => ({ unit_id, indicator_id, year, kind, value: v, text });

function run(tables: Parameters<typeof wire>[0]) {
  const v = new Validator(RULES, DISTRICT_PLAN, wire({ capital_source: SOURCES, unit: communes, criterion: criteria, indicator: indicators, ...tables }));
  return { v, findings: v.runAll() };
}
const rulesOf = (findings: { rule: string }[]) => findings.map((f) => f.rule);

describe('ranges and types', () => {
  it('refuses negative amounts in every money column, and accepts zero and empty cells', () => {
    const { findings } = run({
      unit_status: [status(10, 2024, 'actual', null), status(11, 2024, 'actual', null)],
      resource_amount: [resource(6, -1), resource(8, 0, { investment: null })],
      project: [{ id: 1, plan_id: 1, year: 2025, source_id: 3, phase: 'new', name: 'Đường Hô Tra', unit_id: 10, total_investment: -5, allocated_before: null, plan_amount: 0, ord: 1 }],
    });
    expect(findings.map((f) => [f.rule, f.row, f.actual])).toEqual([
      ['resource_amount.amount.nonNegative', 'Ngân sách xã', -1],
      ['project.total_investment.nonNegative', 'Đường Hô Tra', -5],
    ]);
    expect(findings[1]?.message).toBe('Đường Hô Tra: -5 nhỏ hơn mức thấp nhất 0');
  });

  it('keeps years within the plan period', () => {
    const { findings } = run({
      unit_status: [status(10, 2024, 'actual', null), status(11, 2024, 'actual', null)],
      resource_amount: [resource(6, 10, { year: 2026 }), resource(8, 10, { year: 2027 })],
    });
    expect(findings.map((f) => [f.rule, f.actual, f.message])).toEqual([
      ['resource_amount.year.inPlan', 2027, 'Vốn CT MTQG giảm nghèo bền vững: năm 2027 nằm ngoài thời kỳ kế hoạch 2025-2026'],
    ]);
  });

  it('keeps percentages within 0-100 (decimals allowed) and leaves other indicator kinds alone', () => {
    const { v, findings } = run({
      unit_status: [status(10, 2024, 'actual', null), status(11, 2024, 'actual', null)],
      indicator_value: [value(10, 201, 100.5), value(11, 201, 99.5), value(10, 101, 7)],
    });
    expect(findings.map((f) => [f.rule, f.row, f.message])).toEqual([['indicator.percentRange', 'Mường Khoa — 2.1', 'Mường Khoa — 2.1: 100,5 lớn hơn mức cao nhất 100']]);
    v.applyChanges([{ op: 'set', table: 'indicator_value', key: [10, 201, 2024, 'actual'], field: 'value', value: 100 }]);
    expect(v.findings()).toEqual([]);
  });

  it('keeps target indicators in percent within 0-100, and leaves other units alone', () => {
    const target = (id: number, unit: string, value_prev: number | null, value: number | null) => ({ id, plan_id: 1, unit_id: 10, code: String(id), label: `Chỉ tiêu ${id}`, unit, value_prev, target: value, ord: id });
    const { findings } = run({
      unit_status: [status(10, 2024, 'actual', null), status(11, 2024, 'actual', null)],
      target_indicator: [target(1, '%', 105, 60), target(2, 'triệu đồng/người/năm', 48, 154), target(3, '%', null, -1)],
    });
    expect(findings.map((f) => [f.rule, f.column, f.message])).toEqual([
      ['target_indicator.value_prev.percentRange', 'Thực hiện năm trước', 'Chỉ tiêu 1 — Mường Khoa: 105 lớn hơn mức cao nhất 100'],
      ['target_indicator.target.percentRange', 'Mục tiêu', 'Chỉ tiêu 3 — Mường Khoa: -1 nhỏ hơn mức thấp nhất 0'],
    ]);
  });

  it('keeps counts of communes within the communes of the plan, and targets not below what was reached', () => {
    const target = (id: number, value_prev: number | null, value: number | null) => ({ id, plan_id: 1, unit_id: null, code: String(id), label: `Số xã đạt chuẩn NTM ${id}`, unit: 'xã', value_prev, target: value, ord: id });
    const { v, findings } = run({
      unit_status: [status(10, 2024, 'actual', null), status(11, 2024, 'actual', null)],
      target_indicator: [target(1, 1, 2), target(2, 2, 3), target(3, 2, 1)],
    });
    expect(findings.map((f) => [f.rule, f.severity, f.message])).toEqual([
      ['target_indicator.target.communeCount', 'error', 'Số xã đạt chuẩn NTM 2: 3 lớn hơn mức cao nhất 2'],
      ['target_indicator.notBelowPrevious', 'warning', 'Số xã đạt chuẩn NTM 3: mục tiêu 1 thấp hơn mức đã đạt 2'],
    ]);
    // A third commune joins the plan: three communes may now reach the standard.
    v.applyChanges([{ op: 'insert', table: 'unit', row: { id: 12, kind: 'commune', name: 'Tả Lèng', parent_id: null, merged_into_id: null } }]);
    expect(v.findings().map((f) => f.rule)).toEqual(['target_indicator.notBelowPrevious', 'matrix.communeHasStatus']);
  });

  it('keeps counts of villages within the villages of the commune, or of the plan for a plan-wide row', () => {
    const village = (id: number, parent_id: number, merged_into_id: number | null = null) => ({ id, kind: 'village', name: `Bản ${id}`, parent_id, merged_into_id });
    const villages = [village(20, 10), village(21, 10), village(22, 10), village(23, 10, 20), village(30, 11), village(31, 11)];
    const target = (id: number, unit_id: number | null, unit: string, value_prev: number | null, value: number | null) => ({ id, plan_id: 1, unit_id, code: String(id), label: `Số thôn đạt chuẩn ${id}`, unit, value_prev, target: value, ord: id });
    const v = new Validator(
      RULES,
      DISTRICT_PLAN,
      wire({
        capital_source: SOURCES,
        unit: [...communes, ...villages],
        unit_status: [status(10, 2024, 'actual', null), status(11, 2024, 'actual', null)],
        // Mường Khoa has 3 villages (a merged one does not count), the plan 5; an empty target is not checked.
        target_indicator: [target(1, 10, 'thôn', 3, 4), target(2, null, 'Bản', 5, 6), target(3, 11, 'thôn', 2, null), target(4, 11, 'thôn, bản', 2, 1.5)],
      }),
    );
    expect(v.runAll().map((f) => [f.rule, f.message])).toEqual([
      ['target_indicator.target.villageCount', 'Số thôn đạt chuẩn 1 — Mường Khoa: 4 lớn hơn mức cao nhất 3'],
      ['target_indicator.target.villageCount', 'Số thôn đạt chuẩn 2: 6 lớn hơn mức cao nhất 5'],
      ['target_indicator.target.villageCount', 'Số thôn đạt chuẩn 4 — Bản Bo: 1,5 phải là số nguyên'],
      ['target_indicator.notBelowPrevious', 'Số thôn đạt chuẩn 4 — Bản Bo: mục tiêu 1,5 thấp hơn mức đã đạt 2'],
    ]);
    // A new village of Mường Khoa makes room for the fourth.
    v.applyChanges([{ op: 'insert', table: 'unit', row: village(24, 10) }]);
    expect(v.findings().map((f) => f.target?.key)).toEqual([[4], [4]]);
  });

  it('wants a whole number of planned criteria, at most the number of criteria', () => {
    const { findings } = run({ unit_status: [status(10, 2024, 'actual', null), status(11, 2024, 'actual', null), status(10, 2025, 'plan', 2.5), status(11, 2025, 'plan', 4)] });
    expect(findings.map((f) => [f.rule, f.row, f.message])).toEqual([
      ['status.plannedCountRange', 'Mường Khoa', 'Mường Khoa: 2,5 phải là số nguyên'],
      ['status.plannedCountRange', 'Bản Bo', 'Bản Bo: 4 lớn hơn mức cao nhất 3'],
    ]);
  });
});

describe('counts and derivations', () => {
  const matrix = [mark(10, 1, 2024, 'actual', 1), mark(10, 2, 2024, 'actual', 1), mark(10, 3, 2024, 'actual', 0), mark(11, 1, 2024, 'actual', 0)];

  it('planned criteria are not fewer than those already met, re-checked when a mark changes', () => {
    const { v, findings } = run({ criterion_mark: matrix, unit_status: [status(10, 2025, 'plan', 1)] });
    expect(findings.map((f) => [f.rule, f.expected, f.actual, f.message])).toEqual([
      ['status.plannedNotBelowCurrent', 2, 1, 'Mường Khoa: kế hoạch 1 tiêu chí thấp hơn hiện trạng 2 tiêu chí đã đạt'],
    ]);
    v.applyChanges([{ op: 'set', table: 'criterion_mark', key: [10, 2, 2024, 'actual'], field: 'met', value: false }]);
    expect(v.findings()).toEqual([]);
  });

  it('x/19 is read from the row: the planned count equals the plan marks of the row', () => {
    const plan = [mark(10, 1, 2025, 'plan', 1), mark(10, 2, 2025, 'plan', 1), mark(10, 3, 2025, 'plan', 1)];
    const { v, findings } = run({ criterion_mark: [...matrix, ...plan], unit_status: [status(10, 2025, 'plan', 2)] });
    expect(findings.map((f) => [f.rule, f.severity, f.message])).toEqual([['status.plannedCountFromRow', 'warning', 'Mường Khoa: kế hoạch ghi 2/3 tiêu chí nhưng dòng đánh dấu 3/3']]);
    v.applyChanges([{ op: 'set', table: 'criterion_mark', key: [10, 3, 2025, 'plan'], field: 'met', value: false }]);
    expect(v.findings()).toEqual([]);
  });

  it('a criterion met at the end of last year is not planned as not met, re-checked from either side', () => {
    const plan = [mark(10, 1, 2025, 'plan', 0), mark(10, 2, 2025, 'plan', 1), mark(10, 3, 2025, 'plan', 0), mark(11, 1, 2025, 'plan', 0)];
    const { v, findings } = run({ criterion_mark: [...matrix, ...plan], unit_status: [status(10, 2024, 'actual', null), status(11, 2024, 'actual', null)] });
    // Criterion 1 of Mường Khoa was met in 2024; criterion 3 was not, and Bản Bo had not met 1: nothing to say about them.
    expect(findings.map((f) => [f.rule, f.severity, f.message, f.target])).toEqual([
      ['matrix.criterionKept', 'warning', 'Mường Khoa: tiêu chí 1 đã đạt đến 31/12/2024 nhưng kế hoạch ghi chưa đạt', { table: 'criterion_mark', key: [10, 1, 2025, 'plan'], field: 'met' }],
    ]);
    // Last year's mark corrected: the plan's mark is checked again.
    v.applyChanges([{ op: 'set', table: 'criterion_mark', key: [10, 1, 2024, 'actual'], field: 'met', value: false }]);
    expect(rulesOf(v.findings())).toEqual([]);
    v.applyChanges([{ op: 'set', table: 'criterion_mark', key: [10, 2, 2025, 'plan'], field: 'met', value: false }]);
    expect(v.findings().map((f) => f.target?.key)).toEqual([[10, 2, 2025, 'plan']]);
    // A plan year beyond the first is not compared with the end of last year.
    v.applyChanges([{ op: 'insert', table: 'criterion_mark', row: mark(10, 2, 2026, 'plan', 0) }]);
    expect(v.findings()).toHaveLength(1);
  });

  it('the level planned is not below the level reached; an empty plan level says nothing', () => {
    const level = (unit_id: number, year: number, kind: string, lvl: string | null) => ({ ...status(unit_id, year, kind, null), level: lvl });
    const { v, findings } = run({ unit_status: [level(10, 2024, 'actual', 'nang_cao'), level(10, 2025, 'plan', 'ntm'), level(11, 2024, 'actual', 'ntm'), level(11, 2025, 'plan', null)] });
    expect(findings.map((f) => [f.rule, f.expected, f.actual, f.message])).toEqual([
      ['status.levelNotBelowCurrent', 'nang_cao', 'ntm', 'Mường Khoa: kế hoạch ghi mức NTM, thấp hơn mức đã đạt NTM nâng cao'],
    ]);
    v.applyChanges([{ op: 'set', table: 'unit_status', key: [10, 2024, 'actual'], field: 'level', value: 'ntm' }]);
    expect(v.findings()).toEqual([]);
    v.applyChanges([{ op: 'set', table: 'unit_status', key: [11, 2024, 'actual'], field: 'level', value: 'kieu_mau' }]);
    v.applyChanges([{ op: 'set', table: 'unit_status', key: [11, 2025, 'plan'], field: 'level', value: 'nang_cao' }]);
    expect(v.findings().map((f) => f.row)).toEqual(['Bản Bo']);
  });

  it('a criterion follows its indicators: marks, booleans and thresholds; unknown indicators decide nothing', () => {
    const marks = [mark(10, 1, 2024, 'actual', 1), mark(11, 1, 2024, 'actual', 0), mark(10, 2, 2024, 'actual', 1)];
    const values = [value(10, 101, 1), value(10, 102, 55), value(11, 101, null, 'Đạt'), value(11, 102, 60), value(10, 201, 10)];
    const { v, findings } = run({ criterion_mark: marks, indicator_value: values, unit_status: [status(10, 2024, 'actual', null), status(11, 2024, 'actual', null)] });
    expect(findings.map((f) => [f.row, f.expected, f.actual, f.message])).toEqual([
      ['Mường Khoa', false, true, 'Mường Khoa: tiêu chí 1 ghi đạt nhưng theo các chỉ tiêu là chưa đạt (chỉ tiêu 1.2 chưa đạt)'],
      ['Bản Bo', true, false, 'Bản Bo: tiêu chí 1 ghi chưa đạt nhưng theo các chỉ tiêu là đạt (mọi chỉ tiêu đều đạt)'],
    ]);
    const edits: { op: 'set'; table: string; key: Scalar[]; field: string; value: Scalar }[] = [
      { op: 'set', table: 'indicator_value', key: [10, 102, 2024, 'actual'], field: 'value', value: 75 },
      { op: 'set', table: 'criterion_mark', key: [11, 1, 2024, 'actual'], field: 'met', value: true },
    ];
    v.applyChanges(edits.map((e) => ({ ...e, key: e.key as (string | number)[] })));
    expect(v.findings()).toEqual([]);
  });
});

describe('full runs and edits agree', () => {
  it('a full run finds the criteria that disagree with their indicators exactly as edits one by one do', () => {
    const statuses = [status(10, 2024, 'actual', null), status(11, 2024, 'actual', null)];
    const marks = [10, 11].flatMap((u) => [1, 2, 3].flatMap((c) => [mark(u, c, 2024, 'actual', (u + c) % 2), mark(u, c, 2025, 'plan', 1)]));
    const values = [10, 11].flatMap((u) => [
      value(u, 101, u === 10 ? 1 : 0),
      value(u, 102, u === 10 ? 70 : null, u === 10 ? null : 'đạt'),
      value(u, 201, 50),
      value(u, 101, 1, null, 'plan', 2025),
      value(u, 102, 59, null, 'plan', 2025),
    ]);
    const full = run({ criterion_mark: marks, indicator_value: values, unit_status: statuses }).findings.filter((f) => f.rule === 'matrix.criterionFromIndicators');
    const { v } = run({ unit_status: statuses });
    v.applyChanges([...marks, ...values].map((row) => ({ op: 'insert' as const, table: 'unit_id' in row && 'criterion_id' in row ? 'criterion_mark' : 'indicator_value', row })));
    const edited = v.findings().filter((f) => f.rule === 'matrix.criterionFromIndicators');
    expect(full.length).toBeGreaterThan(1);
    expect(full.map((f) => f.message).sort()).toEqual(edited.map((f) => f.message).sort());
  });
});

describe('completeness', () => {
  it('names each commune of the plan with no status at the end of last year, until it gets one', () => {
    const { v, findings } = run({ criterion_mark: [mark(11, 1, 2024, 'actual', 0)] });
    expect(findings.map((f) => [f.rule, f.severity, f.message, f.target])).toEqual([
      ['matrix.communeHasStatus', 'warning', 'Mường Khoa: chưa có hiện trạng đến 31/12/2024', { table: 'unit_status', key: [10, 2024, 'actual'], field: 'level' }],
    ]);
    v.applyChanges([{ op: 'set', table: 'criterion_mark', key: [10, 1, 2024, 'actual'], field: 'met', value: false }]);
    expect(rulesOf(v.findings())).toEqual([]);
  });

  it('a commune plan asks only for its own commune; merged communes are not asked', () => {
    const v = new Validator(RULES, PLAN, wire({ unit: [...communes, { id: 12, kind: 'commune', name: 'Cũ', parent_id: null, merged_into_id: 10 }] }));
    expect(v.runAll().map((f) => f.row)).toEqual(['Mường Khoa']);
  });
});
