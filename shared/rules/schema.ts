// The v1 tables the rules read, with their key columns in the order an edit's `key` lists them
// (the same order as the edit registry and the tables' primary keys).
export const TABLE_KEYS = {
  plan: ['id'],
  unit: ['id'],
  criterion: ['id'],
  indicator: ['id'],
  capital_source: ['id'],
  resource_amount: ['plan_id', 'year', 'source_id'],
  allocation: ['plan_id', 'year', 'source_id', 'unit_id'],
  project: ['id'],
  recurrent_content: ['id'],
  recurrent_amount: ['content_id', 'unit_id'],
  target_indicator: ['id'],
  criterion_mark: ['unit_id', 'criterion_id', 'year', 'kind'],
  unit_status: ['unit_id', 'year', 'kind'],
  indicator_value: ['unit_id', 'indicator_id', 'year', 'kind'],
} as const satisfies Record<string, readonly string[]>;

export type RuleTable = keyof typeof TABLE_KEYS;

export function isRuleTable(name: string): name is RuleTable {
  return Object.hasOwn(TABLE_KEYS, name);
}
