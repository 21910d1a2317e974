// Names and counts the rule declarations need, read from the dataset.
import type { Scalar } from '../api/edits';
import type { Dataset, Key, Row } from './dataset';
import { NestedIndex } from './nested-index';

export const sourceLabel = (data: Dataset, id: Scalar) => String(data.byId('capital_source', id)?.label ?? id);
export const unitName = (data: Dataset, id: Scalar) => String(data.byId('unit', id)?.name ?? id);

export function sourceWithRole(data: Dataset, role: string): Scalar {
  for (const s of data.rows('capital_source')) if (s.role === role) return s.id ?? null;
  return null;
}

const BY_PARENT = ['parent_id'];
const BY_UNIT_YEAR_KIND = ['unit_id', 'year', 'kind'];

export function hasChildren(data: Dataset, table: 'recurrent_content' | 'capital_source', id: Scalar): boolean {
  return data.groupSize(table, BY_PARENT, [id]) > 0;
}

/** Ids of the sources below a source, at any depth. */
export function descendants(data: Dataset, id: Scalar): Scalar[] {
  const out: Scalar[] = [];
  for (let i = -1; i < out.length; i++) {
    for (const child of data.group('capital_source', BY_PARENT, [i < 0 ? id : (out[i] ?? null)])) {
      if (!out.includes(child.id ?? null) && child.id !== id) out.push(child.id ?? null);
    }
  }
  return out;
}

/** Criteria marked met for one unit, year and kind; null when the row has no marks at all. */
export function metCount(data: Dataset, unitId: Scalar, year: number, kind: 'actual' | 'plan'): number | null {
  let marks = 0;
  let met = 0;
  data.eachOf('criterion_mark', BY_UNIT_YEAR_KIND, [unitId, year, kind], (m) => {
    marks++;
    if (m.met === 1) met++;
  });
  return marks === 0 ? null : met;
}

export const isCommune = (row: Row) => row.kind === 'commune' && row.merged_into_id === null;

const MET_WORDS = new Set(['x', 'đạt', 'dat', '1', '✓', 'có']);
const NOT_MET_WORDS = new Set(['chưa đạt', 'không đạt', '0', '-', 'không']);

type Threshold = ((n: number) => boolean) | null;
/** How an indicator's value is judged: a boolean 1/0, or against a simple threshold (null: unknown). */
interface IndicatorTest {
  boolean: boolean;
  threshold: Threshold;
}
const tests = new WeakMap<Row, IndicatorTest>();

/** The test of an indicator row, parsed once per row ("≥ 60%", "< 5"; a threshold that is not simple is none). */
function indicatorTest(indicator: Row): IndicatorTest {
  let test = tests.get(indicator);
  if (test) return test;
  const m = /^\s*(≥|>=|>|≤|<=|<)\s*(\d+(?:[.,]\d+)?)/.exec(String(indicator.threshold ?? ''));
  const bound = m ? Number((m[2] as string).replace(',', '.')) : 0;
  const op = m?.[1];
  const threshold: Threshold =
    op === '≥' || op === '>=' ? (n) => n >= bound : op === '>' ? (n) => n > bound : op === '≤' || op === '<=' ? (n) => n <= bound : op === '<' ? (n) => n < bound : null;
  tests.set(indicator, (test = { boolean: indicator.kind === 'boolean', threshold }));
  return test;
}

/** Whether an indicator's value meets it: a mark word, a boolean 1/0, or a simple threshold ("≥ 60"); null when unknown. */
export function indicatorMet(indicator: Row, value: Row | undefined): boolean | null {
  return value ? valueMeets(indicatorTest(indicator), value.value ?? null, value.text ?? null) : null;
}

/** `indicatorMet` of a value and text read straight from a row. */
function valueMeets(test: IndicatorTest, value: Scalar | undefined, text: Scalar | undefined): boolean | null {
  if (typeof text === 'string' && text !== '') {
    const word = text.normalize('NFC').trim().toLowerCase();
    if (MET_WORDS.has(word)) return true;
    if (NOT_MET_WORDS.has(word)) return false;
  }
  if (typeof value !== 'number') return null;
  if (test.boolean) return value === 1;
  return test.threshold ? test.threshold(value) : null;
}

/**
 * The criterion marks that disagree with their indicators, all of which have a value: one pass over the
 * indicator values tallying each (unit, criterion, year, kind), one over the marks. What a full run of
 * "a criterion from its indicators" needs, without looking each indicator of each mark up.
 */
export function marksAgainstIndicators(data: Dataset): Key[] {
  const indicators = new Map<Scalar, { criterion: Scalar; test: IndicatorTest }>();
  const perCriterion = new Map<Scalar, number>();
  for (const indicator of data.rows('indicator')) {
    indicators.set(indicator.id ?? null, { criterion: indicator.criterion_id ?? null, test: indicatorTest(indicator) });
    perCriterion.set(indicator.criterion_id ?? null, (perCriterion.get(indicator.criterion_id ?? null) ?? 0) + 1);
  }
  const tally = new NestedIndex<{ known: number; failing: boolean }>(4);
  const key: Scalar[] = [null, null, null, null];
  const [unit, id, year, kind, value, text] = data.positions('indicator_value', ['unit_id', 'indicator_id', 'year', 'kind', 'value', 'text']) as [number, number, number, number, number, number];
  data.eachRaw('indicator_value', (row) => {
    const indicator = indicators.get(row[id] ?? null);
    const ok = indicator ? valueMeets(indicator.test, row[value], row[text]) : null;
    if (!indicator || ok === null) return;
    key[0] = row[unit] ?? null;
    key[1] = indicator.criterion;
    key[2] = row[year] ?? null;
    key[3] = row[kind] ?? null;
    const t = tally.get(key);
    if (t) {
      t.known++;
      if (!ok) t.failing = true;
    } else tally.set(key, { known: 1, failing: !ok });
  });
  const out: Key[] = [];
  const [mUnit, mCriterion, mYear, mKind, met] = data.positions('criterion_mark', ['unit_id', 'criterion_id', 'year', 'kind', 'met']) as [number, number, number, number, number];
  data.eachRaw('criterion_mark', (row) => {
    key[0] = row[mUnit] ?? null;
    key[1] = row[mCriterion] ?? null;
    key[2] = row[mYear] ?? null;
    key[3] = row[mKind] ?? null;
    const t = tally.get(key);
    if (t && t.known === perCriterion.get(key[1]) && (row[met] === 1) === t.failing) out.push(key.slice() as (string | number)[]);
  });
  return out;
}

const MARK_FIELDS = ['unit_id', 'criterion_id', 'year', 'kind', 'met'];

/** Each mark of one side of the matrix (a year and kind), read by position in one pass. */
function eachMark(data: Dataset, year: number, kind: string, fn: (unit: Scalar, criterion: Scalar, met: boolean) => void): void {
  const [u, c, y, k, m] = data.positions('criterion_mark', MARK_FIELDS) as [number, number, number, number, number];
  data.eachRaw('criterion_mark', (row) => {
    if (row[y] === year && row[k] === kind) fn(row[u] ?? null, row[c] ?? null, row[m] === 1);
  });
}

/** Marks and met marks of each unit on one side of the matrix (what `metCount` gives, for every unit at once). */
export function markTally(data: Dataset, year: number, kind: 'actual' | 'plan'): Map<Scalar, { marks: number; met: number }> {
  const out = new Map<Scalar, { marks: number; met: number }>();
  eachMark(data, year, kind, (unit, _criterion, met) => {
    const t = out.get(unit);
    if (t) {
      t.marks++;
      if (met) t.met++;
    } else out.set(unit, { marks: 1, met: met ? 1 : 0 });
  });
  return out;
}

/** Plan marks of `year` not met whose criterion was met at the end of the year before. */
export function droppedMarks(data: Dataset, year: number): Key[] {
  const notPlanned = new NestedIndex<boolean>(2);
  let any = false;
  eachMark(data, year, 'plan', (unit, criterion, met) => {
    if (!met) notPlanned.set([unit, criterion], (any = true));
  });
  const out: Key[] = [];
  if (any) {
    eachMark(data, year - 1, 'actual', (unit, criterion, met) => {
      if (met && notPlanned.get([unit, criterion])) out.push([unit as number, criterion as number, year, 'plan']);
    });
  }
  return out;
}
