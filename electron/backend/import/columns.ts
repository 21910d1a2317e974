// Binding a form's columns by their header words: each rule takes the first free column whose header
// matches it, left to right, in the order the definition lists the rules.
import type { ColumnRule } from './form-definition';
import type { HeaderBlock } from './sheet-grid';
import { matchesAny } from './text-match';

export interface BoundColumn {
  col: number;
  rule: ColumnRule;
  /** The header as the form writes it (for messages). */
  label: string;
}

export function bindColumns(header: HeaderBlock, rules: readonly ColumnRule[], taken: ReadonlySet<number>): Map<string, BoundColumn> {
  const claimed = new Set(taken);
  const bound = new Map<string, BoundColumn>();
  for (const rule of rules) {
    for (const [col, parts] of header.labels) {
      if (claimed.has(col)) continue;
      // The lowest header piece names the column; a group header above it only helps when it is alone.
      const label = parts[parts.length - 1] as string;
      if (!matchesAny(label, rule.words) || (rule.not && matchesAny(label, rule.not))) continue;
      claimed.add(col);
      bound.set(rule.field, { col, rule, label });
      break;
    }
  }
  return bound;
}

const STT = [['stt'], ['tt'], ['so tt'], ['so thu tu']];

/** The numbering column ("STT", "TT"), when the form has one. */
export function numberingColumn(header: HeaderBlock): number | null {
  for (const [col, parts] of header.labels) if (parts.some((p) => matchesAny(p, STT))) return col;
  return null;
}
