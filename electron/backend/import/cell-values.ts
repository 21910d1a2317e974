// Reading typed values out of form cells: numbers (typed as numbers, or as text the Vietnamese or the
// English way), marks, years. What cannot be read unambiguously becomes a problem, never a guess.
import { formatAmount, parseNumber } from '../../../shared/format/vi';
import type { MessageKey, MessageParams } from '../../../shared/i18n';
import { fold } from './text-match';
import type { ParsedCell } from './workbook-model';

export type Read<T> = { ok: true; value: T } | { ok: false; key: MessageKey; params: MessageParams };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });

/** A number or empty (null). Text like "19.783" or "3.973,5" is read the Vietnamese way; "19,783" is ambiguous. */
export function readNumber(cell: ParsedCell | undefined): Read<number | null> {
  if (!cell || cell.value === null) return ok(null);
  if (typeof cell.value === 'number') return ok(cell.value);
  if (typeof cell.value === 'boolean') return { ok: false, key: 'import.problem.badNumber', params: { text: cell.text } };
  const parsed = parseNumber(cell.value, 'vi-strict');
  if (parsed.kind === 'empty') return ok(null);
  if (parsed.kind === 'number') return ok(parsed.value);
  if (parsed.kind === 'ambiguous') return { ok: false, key: 'import.problem.ambiguousNumber', params: { text: cell.text, a: formatAmount(parsed.readings[0]), b: formatAmount(parsed.readings[1]) } };
  return { ok: false, key: 'import.problem.badNumber', params: { text: cell.text } };
}

/** A year between 1990 and 2100, or empty. */
export function readYear(cell: ParsedCell | undefined): Read<number | null> {
  const n = readNumber(cell);
  if (!n.ok || n.value === null) return n;
  if (Number.isInteger(n.value) && n.value >= 1990 && n.value <= 2100) return ok(n.value);
  return { ok: false, key: 'import.problem.badYear', params: { text: cell?.text ?? '' } };
}

// A form reads tens of thousands of marks: the two answers are shared (never changed by their readers).
const MET: Read<boolean> = Object.freeze(ok(true));
const NOT_MET: Read<boolean> = Object.freeze(ok(false));

/** Marks meaning met / not met, compared without case or diacritics; `extraMet` adds the form's own mark. */
export class MarkReader {
  private readonly met: Set<string>;
  private readonly notMet: Set<string>;
  private lastText: string | null = null;
  private lastAnswer: Read<boolean> = NOT_MET;

  constructor(met: readonly string[], notMet: readonly string[]) {
    this.met = new Set(met.map(fold));
    this.notMet = new Set(notMet.map(fold));
  }

  addMet(mark: string): void {
    const key = fold(mark);
    if (!this.notMet.has(key)) this.met.add(key);
    this.lastText = null;
  }

  read(cell: ParsedCell | undefined): Read<boolean> {
    if (!cell || cell.value === null) return NOT_MET;
    // A matrix repeats one or two marks; its texts arrive as the same strings, so the last answer is kept.
    if (cell.text === this.lastText && typeof cell.value === 'string') return this.lastAnswer;
    const key = fold(typeof cell.value === 'number' ? String(cell.value) : cell.text);
    const answer: Read<boolean> = this.met.has(key) ? MET : this.notMet.has(key) ? NOT_MET : { ok: false, key: 'import.problem.badMark', params: { text: cell.text } };
    if (typeof cell.value === 'string' && answer.ok) [this.lastText, this.lastAnswer] = [cell.text, answer];
    return answer;
  }
}

/** The mark a COUNTIF formula counts: `COUNTIF(C9:U9,"x")` → "x". */
export function countedMark(formula: string): string | null {
  const m = /COUNTIFS?\([^,]+,\s*"([^"]*)"\s*\)/i.exec(formula);
  return m && m[1] !== undefined && m[1] !== '' && !/^[<>=*]/.test(m[1]) ? m[1] : null;
}

/** Decimals shown by a number format: "#,##0" → 0, "#,##0.00" → 2. */
export function formatDecimals(numFmt: string | undefined): number | undefined {
  if (!numFmt) return undefined;
  const section = numFmt.split(';')[0] ?? '';
  const m = /0\.(0+)/.exec(section);
  return m ? (m[1] as string).length : /0/.test(section) ? 0 : undefined;
}

/** Plan year and status year stated in a form's title ("... ĐẾN 31/12/2024 VÀ KẾ HOẠCH NĂM 2025"). */
export function titleYears(title: string): { status: number | null; plan: number | null } {
  const folded = fold(title);
  const status = /31\s*\/\s*12\s*\/\s*((?:19|20)\d{2})/.exec(folded)?.[1];
  const plan = /(?:ke hoach|nam)\s+((?:19|20)\d{2})\b/.exec(folded.replace(/31\s*\/\s*12\s*\/\s*(?:19|20)\d{2}/g, ''))?.[1];
  return { status: status ? Number(status) : null, plan: plan ? Number(plan) : null };
}
