// Completeness: every subject (e.g. each commune of the plan) must have rows in the tables that
// describe it (e.g. its status at the end of last year).
import type { MessageKey, MessageParams } from '../../i18n';
import type { Key, Row } from '../dataset';
import { makeFinding } from '../finding';
import type { RuleTable } from '../schema';
import type { Finding, Rule, RuleContext } from '../types';

export interface PresenceDeclaration {
  id: string;
  severity?: Finding['severity'];
  subjects: { table: RuleTable; when: (row: Row, ctx: RuleContext) => boolean; label: (row: Row) => string };
  /** Any row in one of these groups counts as present; `field` of `target` is where the finding points. */
  evidence: readonly { table: RuleTable; groupBy: readonly string[]; group: (subject: Row, ctx: RuleContext) => Key; subjectField: string }[];
  target: { table: RuleTable; key: (subject: Row, ctx: RuleContext) => Key; field: string };
  message: MessageKey;
  params: (ctx: RuleContext) => MessageParams;
}

export function presence(d: PresenceDeclaration): Rule {
  const subjectTable = d.subjects.table;
  return {
    id: d.id,
    reads: [{ table: subjectTable }, ...d.evidence.map((e) => ({ table: e.table }))],
    *scopes(ctx) {
      for (const row of ctx.data.rows(subjectTable)) if (d.subjects.when(row, ctx)) yield [row.id ?? null];
    },
    scopesOf(change) {
      const evidence = d.evidence.find((e) => e.table === change.table);
      const field = evidence ? evidence.subjectField : 'id';
      return [change.before, change.after].filter((r): r is Row => r !== undefined).map((r) => [r[field] ?? null]);
    },
    check(scope, ctx) {
      const subject = ctx.data.get(subjectTable, scope);
      if (!subject || !d.subjects.when(subject, ctx)) return [];
      for (const e of d.evidence) {
        for (const _row of ctx.data.group(e.table, e.groupBy, e.group(subject, ctx))) return [];
      }
      return [
        makeFinding({
          severity: d.severity ?? 'warning',
          rule: d.id,
          table: d.target.table,
          key: [...d.target.key(subject, ctx)],
          field: d.target.field,
          row: d.subjects.label(subject),
          expected: null,
          actual: null,
          message: d.message,
          params: d.params(ctx),
        }),
      ];
    },
  };
}
