// The rows of one plan the rules read, straight from the v1 tables, in the wire format the renderer
// and the engine share (column names once, one array per row).
import type Database from 'better-sqlite3';
import type { PlanScope } from '../../../shared/api/validation';
import type { Plan } from '../../../shared/model';
import type { TableRows, WireTables } from '../../../shared/rules/dataset';
import type { RuleTable } from '../../../shared/rules/schema';

export function planScope(plan: Plan): PlanScope {
  return { id: plan.id, yearStart: plan.yearStart, yearEnd: plan.yearEnd, level: plan.level, unitId: plan.unitId, criteriaSetId: plan.criteriaSetId };
}

// A commune plan covers its own commune; a district plan every commune (with their villages, which
// counts of villages are checked against). `:unit` is the plan's unit or null.
const PLAN_COMMUNES = "SELECT id FROM unit WHERE kind = 'commune' AND (:unit IS NULL OR id = :unit)";
const PLAN_CRITERIA = 'SELECT id FROM criterion WHERE set_id = :set';
const PLAN_YEARS = 'year BETWEEN :yearBefore AND :yearEnd';

/** The query of each table the rules read (named parameters: see `ruleQueryParams`). */
export const RULE_QUERIES: Record<RuleTable, string> = {
  plan: 'SELECT id, year_start, year_end FROM plan WHERE id = :plan',
  unit: `SELECT id, kind, name, parent_id, merged_into_id FROM unit WHERE id IN (${PLAN_COMMUNES}) OR (kind = 'village' AND parent_id IN (${PLAN_COMMUNES}))`,
  criterion: 'SELECT id, set_id, no, code, name FROM criterion WHERE set_id = :set',
  indicator: `SELECT id, criterion_id, code, kind, threshold FROM indicator WHERE criterion_id IN (${PLAN_CRITERIA})`,
  capital_source: 'SELECT id, parent_id, code, label, role FROM capital_source',
  resource_amount: 'SELECT plan_id, year, source_id, amount, investment, typed_total FROM resource_amount WHERE plan_id = :plan',
  allocation: 'SELECT plan_id, year, source_id, unit_id, amount FROM allocation WHERE plan_id = :plan',
  project: 'SELECT id, plan_id, year, source_id, phase, name, unit_id, total_investment, allocated_before, plan_amount FROM project WHERE plan_id = :plan',
  recurrent_content: 'SELECT id, plan_id, parent_id, code, label FROM recurrent_content WHERE plan_id = :plan',
  recurrent_amount: 'SELECT content_id, unit_id, amount FROM recurrent_amount WHERE content_id IN (SELECT id FROM recurrent_content WHERE plan_id = :plan)',
  target_indicator: 'SELECT id, plan_id, unit_id, code, label, unit, value_prev, target FROM target_indicator WHERE plan_id = :plan',
  criterion_mark: `SELECT unit_id, criterion_id, year, kind, met FROM criterion_mark
    WHERE ${PLAN_YEARS} AND criterion_id IN (${PLAN_CRITERIA}) AND unit_id IN (${PLAN_COMMUNES})`,
  unit_status: `SELECT unit_id, year, kind, level, recognised_year, planned_count FROM unit_status WHERE ${PLAN_YEARS} AND unit_id IN (${PLAN_COMMUNES})`,
  indicator_value: `SELECT unit_id, indicator_id, year, kind, value, text FROM indicator_value
    WHERE ${PLAN_YEARS} AND indicator_id IN (SELECT id FROM indicator WHERE criterion_id IN (${PLAN_CRITERIA})) AND unit_id IN (${PLAN_COMMUNES})`,
};

/**
 * Every table the rules read, limited to what concerns the plan. SQLite hands each table over as one JSON
 * text (json_group_array of each row's json_array: reals written to 17 digits, so they read back exactly):
 * parsing it costs about half of having better-sqlite3 build hundreds of thousands of row arrays.
 */
export function loadRuleTables(db: Database.Database, plan: PlanScope): WireTables {
  const out: WireTables = {};
  for (const [table, sql] of Object.entries(RULE_QUERIES) as [RuleTable, string][]) {
    const columns = db
      .prepare(sql)
      .columns()
      .map((c) => c.name);
    const packed = db.prepare(`SELECT json_group_array(json_array(${columns.join(', ')})) FROM (${sql})`).pluck();
    out[table] = { columns, rows: JSON.parse(packed.get(ruleQueryParams(plan, sql)) as string) as TableRows['rows'] };
  }
  return out;
}

/** The parameters of one of RULE_QUERIES for a plan. */
export function ruleQueryParams(plan: PlanScope, sql: string): Record<string, string | number | null> {
  const params = { plan: plan.id, unit: plan.level === 'commune' ? plan.unitId : null, set: plan.criteriaSetId, yearBefore: plan.yearStart - 1, yearEnd: plan.yearEnd };
  return Object.fromEntries(Object.entries(params).filter(([k]) => sql.includes(`:${k}`)));
}
