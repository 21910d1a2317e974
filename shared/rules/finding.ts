// Building findings: the place in human labels, the figures, the message in Vietnamese.
import type { Scalar } from '../api/edits';
import { isMessageKey, translate, type MessageKey, type MessageParams } from '../i18n';
import type { Finding } from './types';
import { TABLE_KEYS, type RuleTable } from './schema';
import type { Row } from './dataset';

export function viText(key: MessageKey, params: MessageParams = {}): string {
  return translate('vi', key, params);
}

function labelOr(key: string, fallback: string): string {
  return isMessageKey(key) ? viText(key) : fallback;
}

export const tableLabel = (table: string) => labelOr(`validation.table.${table}`, table);
export const columnLabel = (field: string) => labelOr(`validation.column.${field}`, field);

export interface FindingInput {
  severity: Finding['severity'];
  rule: string;
  table: RuleTable;
  key: readonly (string | number)[];
  field: string;
  row: string;
  expected: Scalar;
  actual: Scalar;
  message: MessageKey;
  params: MessageParams;
}

export function makeFinding(f: FindingInput): Finding {
  return {
    severity: f.severity,
    rule: f.rule,
    table: tableLabel(f.table),
    row: f.row,
    column: columnLabel(f.field),
    target: { table: f.table, key: [...f.key], field: f.field },
    expected: f.expected,
    actual: f.actual,
    message: viText(f.message, { label: f.row, ...f.params }),
  };
}

/** The key of a row, in its table's key order (as edits address it). */
export function rowKey(table: RuleTable, row: Row): (string | number)[] {
  return TABLE_KEYS[table].map((k) => row[k] as string | number);
}

/** A row holding only its key (for the label of a row that is not stored, e.g. a parent computed from its parts). */
export function keyRow(table: RuleTable, key: readonly Scalar[]): Row {
  return Object.fromEntries(TABLE_KEYS[table].map((k, i) => [k, key[i] ?? null]));
}
