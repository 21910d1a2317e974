import { describe, expect, it } from 'vitest';
import { Validator } from '../../../shared/rules/engine';
import { RULES } from '../../../shared/rules/rules';
import { MUONG_KHOA, PLAN, resource, SOURCES, wire } from './fixtures';

const validator = (resources: ReturnType<typeof resource>[]) => new Validator(RULES, PLAN, wire({ capital_source: SOURCES, resource_amount: resources }));
const set = (source: number, field: string, value: number | null) => ({ op: 'set' as const, table: 'resource_amount', key: [1, 2025, source], field, value });

describe('parent = sum of children over the capital-source tree', () => {
  it('finds exactly the integrated funds and the total in Mường Khoa 2025, written the Vietnamese way', () => {
    const findings = validator(MUONG_KHOA).runAll();
    expect(findings.map((f) => [f.rule, f.row, f.expected, f.actual])).toEqual([
      ['resources.parentSum', 'Tổng nguồn lực', 3600, 3900],
      ['resources.parentSum', 'Vốn lồng ghép', 2556, 2256],
    ]);
    const integrated = findings.find((f) => f.row === 'Vốn lồng ghép');
    expect(integrated?.message).toBe('Vốn lồng ghép: 2.256 ≠ 602 + 1.954 = 2.556');
    expect(integrated?.target).toEqual({ table: 'resource_amount', key: [1, 2025, 7], field: 'amount' });
    expect(findings[0]?.message).toBe('Tổng nguồn lực: 3.900 ≠ 1.304 + 40 + 2.256 = 3.600');
    expect(findings[0]?.table).toBe('Nguồn lực');
    expect(findings[0]?.column).toBe('Số vốn');
  });

  it('clears both findings when 2.256 is corrected to 2.556, re-checking only what the edit touches', () => {
    const v = validator(MUONG_KHOA);
    v.runAll();
    expect(v.applyChanges([set(7, 'amount', 2556)])).toBe(true);
    expect(v.findings()).toEqual([]);
    v.applyChanges([set(9, 'amount', 1000)]);
    expect(v.findings().map((f) => [f.row, f.expected, f.actual])).toEqual([['Vốn lồng ghép', 1602, 2556]]);
  });

  it('computes a parent with no typed figure and compares its own parent with the computed figure', () => {
    // "Vốn ngân sách địa phương" has no figure: it is 40, from the commune budget.
    const findings = validator(MUONG_KHOA.filter((r) => r.source_id !== 2)).runAll();
    expect(findings.map((f) => f.row)).toEqual(['Tổng nguồn lực', 'Vốn lồng ghép']);
    expect(findings[0]?.expected).toBe(3600);
  });

  it('checks each figure stated for a parent: its amount and the total typed on the form', () => {
    const rows = MUONG_KHOA.map((r) => (r.source_id === 7 ? resource(7, 2556, { typed_total: 2256 }) : r));
    const findings = validator(rows).runAll().filter((f) => f.row === 'Vốn lồng ghép');
    expect(findings.map((f) => [f.column, f.target?.field, f.actual])).toEqual([['Tổng ghi trên biểu', 'typed_total', 2256]]);
    // As a child, the row counts with its typed total (2.256): the total of 3.900 is then 3.600.
    expect(validator(rows).runAll().find((f) => f.row === 'Tổng nguồn lực')?.expected).toBe(3600);
  });

  it('ignores empty cells: a parent whose children are empty, and empty children among filled ones', () => {
    expect(validator([resource(7, 500), resource(8, null), resource(9, null)]).runAll()).toEqual([]);
    expect(validator([resource(7, 500), resource(8, 500), resource(9, null)]).runAll()).toEqual([]);
    const findings = validator([resource(7, null), resource(8, 1), resource(9, 2)]).runAll();
    expect(findings).toEqual([]);
  });

  it('sums negative amounts as they are, writes them in brackets, and reports them as errors of their own', () => {
    const findings = validator([resource(7, 5), resource(8, 10), resource(9, -3)]).runAll();
    expect(findings.map((f) => f.message)).toEqual(['Vốn lồng ghép: 5 ≠ 10 + (-3) = 7', 'Vốn CT MTQG vùng DTTS và miền núi: -3 nhỏ hơn mức thấp nhất 0']);
  });

  it('rounds decimals to the whole millions the form shows before comparing', () => {
    expect(validator([resource(7, 2556), resource(8, 602.4), resource(9, 1953.7)]).runAll()).toEqual([]);
    const findings = validator([resource(7, 2556), resource(8, 602.4), resource(9, 1954.3)]).runAll();
    expect(findings.map((f) => [f.expected, f.message])).toEqual([[2557, 'Vốn lồng ghép: 2.556 ≠ 602,4 + 1.954,3 = 2.557']]);
  });

  it('checks the investment column on its own', () => {
    const rows = [resource(2, null, { investment: 600 }), resource(3, null, { investment: 504 }), resource(4, null, { investment: 0 })];
    const findings = validator(rows).runAll();
    expect(findings.map((f) => [f.rule, f.column, f.expected, f.actual])).toEqual([['resources.parentInvestment', 'Vốn đầu tư', 504, 600]]);
  });

  it('re-checks everything when the tree itself changes', () => {
    const v = validator(MUONG_KHOA);
    v.runAll();
    // Move the commune budget under the integrated funds: local budget loses it, integrated gains it.
    v.applyChanges([{ op: 'set', table: 'capital_source', key: [6], field: 'parent_id', value: 7 }]);
    expect(v.findings().map((f) => [f.row, f.expected])).toEqual([
      ['Tổng nguồn lực', 3560],
      ['Vốn lồng ghép', 2596],
    ]);
  });

  it('follows inserted and deleted rows', () => {
    const v = validator(MUONG_KHOA.filter((r) => r.source_id !== 9));
    expect(v.runAll().map((f) => f.row)).toEqual(['Tổng nguồn lực', 'Vốn lồng ghép']);
    v.applyChanges([{ op: 'insert', table: 'resource_amount', row: resource(9, 1654) }]);
    expect(v.findings().map((f) => f.row)).toEqual(['Tổng nguồn lực']);
    v.applyChanges([{ op: 'delete', table: 'resource_amount', key: [1, 2025, 9] }]);
    expect(v.findings().map((f) => f.row)).toEqual(['Tổng nguồn lực', 'Vốn lồng ghép']);
  });
});
