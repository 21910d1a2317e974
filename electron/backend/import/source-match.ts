// Rows of a source tree (Biểu 04 rows, Biểu 05 sections) mapped to the document's capital sources:
// by the definition's role words in the context of the parent row, else by the source's own label.
import type Database from 'better-sqlite3';
import type { SourceRule } from './form-definition';
import { fold, matchesAny } from './text-match';

export interface DocumentSource {
  id: number;
  parentId: number | null;
  label: string;
  role: string | null;
}

export class SourceMatcher {
  private readonly sources: DocumentSource[];

  constructor(
    db: Database.Database,
    private readonly rules: readonly SourceRule[],
  ) {
    this.sources = (db.prepare('SELECT id, parent_id AS parentId, label, role FROM capital_source ORDER BY ord, id').all() as DocumentSource[]);
  }

  byRole(role: string): DocumentSource | undefined {
    return this.sources.find((s) => s.role === role);
  }

  /** The source a row stands for, given the source of the row it sits under (null at the top level). */
  match(label: string, parent: DocumentSource | null): DocumentSource | undefined {
    const rule = this.rules.find((r) => (r.under ?? null) === (parent?.role ?? null) && matchesAny(label, r.words));
    const byRole = rule ? this.byRole(rule.role) : undefined;
    if (byRole) return byRole;
    const key = fold(label);
    return this.sources.find((s) => fold(s.label) === key && (parent === null || s.parentId === parent.id)) ?? this.sources.find((s) => fold(s.label) === key);
  }

  /** The most specific source a section label names: a top-level source, refined by a sub-source its label also names. */
  deepest(label: string): DocumentSource | undefined {
    const top = this.match(label, null);
    if (!top) return undefined;
    const rule = this.rules.find((r) => r.under === top.role && matchesAny(label, r.words));
    return (rule && this.byRole(rule.role)) ?? top;
  }
}

/** Level of a row from its numbering: Roman I, II → 1; 1, 2 → 2; 1.1, a, -, + → 3; none → 0. */
export function numberingLevel(stt: string): number {
  const t = stt.trim();
  if (t === '') return 0;
  if (/^[IVXLC]+\.?$/.test(t)) return 1;
  if (/^\d+\.?$/.test(t)) return 2;
  return 3;
}
