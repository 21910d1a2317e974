// Whether a commune meets an indicator ("tiêu chí thành phần", e.g. 17.3) and, from its indicators,
// a criterion: met when all are met, not met when one is not, unknown otherwise.
import type { Indicator } from '../model';

type Comparison = { op: '>=' | '>' | '<=' | '<' | '='; bound: number };

/** "≥ 60%", ">= 54", "≤ 11 %", "= 100" → the comparison; null when the text states none. */
export function parseThreshold(threshold: string | null): Comparison | null {
  const m = /^\s*(≥|>=|>|≤|<=|<|=)\s*(\d+(?:[.,]\d+)?)\s*%?/.exec(threshold ?? '');
  if (!m) return null;
  const op = ({ '≥': '>=', '≤': '<=' } as Record<string, Comparison['op']>)[m[1] as string] ?? (m[1] as Comparison['op']);
  return { op, bound: Number((m[2] as string).replace(',', '.')) };
}

/** true / false when the value says so, null when it is missing or the threshold cannot be read. */
export function indicatorMet(indicator: Pick<Indicator, 'kind' | 'threshold'>, value: number | null | undefined): boolean | null {
  if (value === null || value === undefined) return null;
  if (indicator.kind === 'boolean') return value === 1;
  const t = parseThreshold(indicator.threshold);
  if (!t) return null;
  switch (t.op) {
    case '>=':
      return value >= t.bound;
    case '>':
      return value > t.bound;
    case '<=':
      return value <= t.bound;
    case '<':
      return value < t.bound;
    default:
      return value === t.bound;
  }
}

export function criterionFromIndicators(indicators: readonly Pick<Indicator, 'id' | 'kind' | 'threshold'>[], valueOf: (indicatorId: number) => number | null | undefined): boolean | null {
  if (indicators.length === 0) return null;
  let unknown = false;
  for (const indicator of indicators) {
    const met = indicatorMet(indicator, valueOf(indicator.id));
    if (met === false) return false;
    if (met === null) unknown = true;
  }
  return unknown ? null : true;
}
