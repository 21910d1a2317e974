import { describe, expect, it } from 'vitest';
import { Validator } from '../../../shared/rules/engine';
import { RULES } from '../../../shared/rules/rules';
import type { Rule } from '../../../shared/rules/types';
import { MUONG_KHOA, PLAN, SOURCES, wire } from './fixtures';

/** The shipped rules, each counting the instances it checks. */
function counted(): { rules: Rule[]; checks: Map<string, number> } {
  const checks = new Map<string, number>();
  const rules = RULES.map((rule): Rule => ({
    ...rule,
    check: (scope, ctx) => {
      checks.set(rule.id, (checks.get(rule.id) ?? 0) + 1);
      return rule.check(scope, ctx);
    },
  }));
  return { rules, checks };
}

describe('incremental validation', () => {
  it('re-checks only the instances of the rules that read the edited cell', () => {
    const { rules, checks } = counted();
    const v = new Validator(rules, PLAN, wire({ capital_source: SOURCES, resource_amount: MUONG_KHOA }));
    v.runAll();
    checks.clear();
    v.applyChanges([{ op: 'set', table: 'resource_amount', key: [1, 2025, 8], field: 'amount', value: 302 }]);
    // The edited row's parent chain (itself, Vốn lồng ghép, the total) for the sum, the row for its range,
    // and the equality with the allocation (no allocation here, so nothing to compare).
    expect(Object.fromEntries(checks)).toEqual({
      'resources.parentSum': 3,
      'allocation.matchResources': 1,
      'resource_amount.amount.nonNegative': 1,
    });
    // 302 + 1.954 = 2.256 now agrees with the integrated funds; the total is still 3.600, not 3.900.
    expect(v.findings().map((f) => [f.row, f.expected])).toEqual([['Tổng nguồn lực', 3600]]);
  });

  it('reports whether the findings changed, and ignores tables no rule reads', () => {
    const v = new Validator(RULES, PLAN, wire({ capital_source: SOURCES, resource_amount: MUONG_KHOA }));
    v.runAll();
    expect(v.applyChanges([{ op: 'set', table: 'resource_amount', key: [1, 2025, 8], field: 'note', value: 'ghi chú' }])).toBe(false);
    expect(v.applyChanges([{ op: 'set', table: 'model_site', key: [1], field: 'content', value: 'x' }])).toBe(false);
    // Still wrong, with the same finding: nothing changed for the listeners.
    expect(v.applyChanges([{ op: 'set', table: 'resource_amount', key: [1, 2025, 4], field: 'amount', value: 800 }])).toBe(false);
    expect(v.applyChanges([{ op: 'set', table: 'resource_amount', key: [1, 2025, 7], field: 'amount', value: 2556 }])).toBe(true);
    expect(v.findings()).toEqual([]);
  });

  it('re-checks everything at once for a paste over a good part of the document, with the same findings', () => {
    const units = Array.from({ length: 1200 }, (_, i) => ({ id: 100 + i, kind: 'commune', name: `Xã ${i + 1}`, parent_id: null, merged_into_id: null }));
    const statuses = units.map((u) => ({ unit_id: u.id, year: 2024, kind: 'actual', level: null, recognised_year: null, planned_count: null }));
    const plan = { ...PLAN, level: 'district' as const, unitId: null };
    const bulk = new Validator(RULES, plan, wire({ unit: units, unit_status: statuses }));
    const oneByOne = new Validator(RULES, plan, wire({ unit: units, unit_status: statuses }));
    expect(bulk.runAll()).toEqual([]);
    oneByOne.runAll();
    // Every status but the last is removed: a commune without status is a warning.
    const removed = statuses.slice(0, -1).map((s) => ({ op: 'delete' as const, table: 'unit_status', key: [s.unit_id, 2024, 'actual'] }));
    expect(bulk.applyChanges(removed)).toBe(true);
    oneByOne.applyChanges(removed.slice(0, 900));
    oneByOne.applyChanges(removed.slice(900));
    expect(bulk.findings()).toHaveLength(1199);
    expect(bulk.findings()).toEqual(oneByOne.findings());
    expect(bulk.applyChanges(removed)).toBe(false);
  });
});
