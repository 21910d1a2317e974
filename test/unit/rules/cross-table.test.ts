import { describe, expect, it } from 'vitest';
import { Validator } from '../../../shared/rules/engine';
import { RULES } from '../../../shared/rules/rules';
import { PLAN, resource, SOURCES, wire } from './fixtures';

const project = (id: number, source_id: number, plan_amount: number | null, name = `Công trình ${id}`) => ({
  id, plan_id: 1, year: 2025, source_id, phase: 'new', name, unit_id: 10, period: '', total_investment: null, allocated_before: null, plan_amount, note: '', ord: id,
});

describe('equality across tables', () => {
  it("projects of a source add up to that source's investment", () => {
    const v = new Validator(RULES, PLAN, wire({ capital_source: SOURCES, resource_amount: [resource(3, 504, { investment: 504 })], project: [project(1, 3, 300), project(2, 3, 104)] }));
    const findings = v.runAll();
    expect(findings.map((f) => [f.rule, f.expected, f.actual, f.message])).toEqual([
      ['projects.matchInvestment', 404, 504, 'Vốn đầu tư phát triển: 504 ≠ tổng kế hoạch năm các dự án: 300 + 104 = 404'],
    ]);
    expect(findings[0]?.target).toEqual({ table: 'resource_amount', key: [1, 2025, 3], field: 'investment' });
    v.applyChanges([{ op: 'set', table: 'project', key: [2], field: 'plan_amount', value: 204 }]);
    expect(v.findings()).toEqual([]);
    // Moving a project to another source re-checks both sources.
    v.applyChanges([{ op: 'set', table: 'project', key: [2], field: 'source_id', value: 4 }]);
    expect(v.findings().map((f) => f.expected)).toEqual([300]);
  });

  it("compares the projects of a parent source with its sub-sources' investment when its own is not typed", () => {
    // Projects sit on "Vốn ngân sách Trung ương" (2), whose investment is the sum of 3 and 4.
    const v = new Validator(RULES, PLAN, wire({ capital_source: SOURCES, resource_amount: [resource(3, 504, { investment: 404 })], project: [project(1, 2, 300), project(2, 2, 104)] }));
    expect(v.runAll()).toEqual([]);
    v.applyChanges([{ op: 'set', table: 'resource_amount', key: [1, 2025, 3], field: 'investment', value: 400 }]);
    const findings = v.findings();
    expect(findings.map((f) => [f.rule, f.row, f.expected, f.actual, f.target])).toEqual([
      ['projects.matchInvestment', 'Vốn ngân sách Trung ương', 404, 400, { table: 'resource_amount', key: [1, 2025, 2], field: 'investment' }],
    ]);
    expect(findings[0]?.message).toBe('Vốn ngân sách Trung ương: 400 ≠ tổng kế hoạch năm các dự án: 300 + 104 = 404');
    v.applyChanges([{ op: 'set', table: 'resource_amount', key: [1, 2025, 4], field: 'investment', value: 4 }]);
    expect(v.findings()).toEqual([]);
  });

  it('counts the projects of the sub-sources for a source that has projects of its own', () => {
    const resources = [resource(3, 783, { investment: 783 }), resource(4, 19000, { investment: 19000 })];
    const v = new Validator(RULES, PLAN, wire({ capital_source: SOURCES, resource_amount: resources, project: [project(1, 2, 19000), project(2, 3, 783)] }));
    // I: 19.000 on I and 783 on I.1 against I's investment 783 + 19.000; I.1: its own 783.
    expect(v.runAll()).toEqual([]);
    v.applyChanges([{ op: 'set', table: 'project', key: [2], field: 'plan_amount', value: 700 }]);
    expect(v.findings().map((f) => [f.row, f.expected, f.actual])).toEqual([
      ['Vốn ngân sách Trung ương', 19700, 19783],
      ['Vốn đầu tư phát triển', 700, 783],
    ]);
  });

  it('has nothing to say while one side is missing', () => {
    const v = new Validator(RULES, PLAN, wire({ capital_source: SOURCES, resource_amount: [resource(3, 504)], project: [project(1, 3, 300)] }));
    expect(v.runAll()).toEqual([]);
  });

  it('allocation to communes adds up to the resources of the source, summarising long lists', () => {
    const allocation = Array.from({ length: 8 }, (_, i) => ({ plan_id: 1, year: 2025, source_id: 6, unit_id: 100 + i, amount: 5 }));
    const v = new Validator(RULES, PLAN, wire({ capital_source: SOURCES, resource_amount: [resource(6, 41)], allocation }));
    expect(v.runAll().map((f) => f.message)).toEqual(['Ngân sách xã: 41 ≠ tổng phân bổ cho các xã: tổng 8 dòng = 40']);
    v.applyChanges([{ op: 'set', table: 'allocation', key: [1, 2025, 6, 100], field: 'amount', value: 6 }]);
    expect(v.findings()).toEqual([]);
  });

  it('recurrent capital by content adds up to the central recurrent amount, counting leaf contents only', () => {
    const contents = [
      { id: 1, plan_id: 1, parent_id: null, code: '1', label: 'Hỗ trợ phát triển sản xuất', ord: 1 },
      { id: 2, plan_id: 1, parent_id: 1, code: '1.1', label: 'Mô hình chè', ord: 1 },
      { id: 3, plan_id: 1, parent_id: 1, code: '1.2', label: 'Mô hình sâm', ord: 2 },
      { id: 4, plan_id: 1, parent_id: null, code: '2', label: 'Truyền thông', ord: 2 },
    ];
    const amounts = [
      { content_id: 1, unit_id: 10, amount: 700 },
      { content_id: 2, unit_id: 10, amount: 400 },
      { content_id: 3, unit_id: 10, amount: 300 },
      { content_id: 4, unit_id: 10, amount: 90 },
    ];
    const v = new Validator(RULES, PLAN, wire({ capital_source: SOURCES, resource_amount: [resource(4, 800)], recurrent_content: contents, recurrent_amount: amounts }));
    expect(v.runAll().map((f) => [f.rule, f.expected, f.actual])).toEqual([['recurrent.matchCentral', 790, 800]]);
    v.applyChanges([{ op: 'set', table: 'recurrent_amount', key: [4, 10], field: 'amount', value: 100 }]);
    expect(v.findings()).toEqual([]);
    // A content's own total is the sum of its sub-contents, per commune.
    v.applyChanges([{ op: 'set', table: 'recurrent_amount', key: [1, 10], field: 'amount', value: 650 }]);
    expect(v.findings().map((f) => [f.rule, f.row, f.message])).toEqual([
      ['recurrent.parentSum', 'Hỗ trợ phát triển sản xuất', 'Hỗ trợ phát triển sản xuất: 650 ≠ 400 + 300 = 700'],
    ]);
  });
});
