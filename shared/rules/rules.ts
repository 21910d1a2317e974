// The validation rules of a plan, each one declaration of a rule kind. Adding a rule means adding an
// entry here; the engine derives its dependencies and re-checks it incrementally.
import type { Scalar } from '../api/edits';
import { formatAmount } from '../format/vi';
import type { MessageKey } from '../i18n';
import type { Dataset, Key, Row } from './dataset';
import { viText } from './finding';
import { cellCheck, type CellCheckDeclaration, type Problem } from './kinds/cell-check';
import { presence } from './kinds/presence';
import { sumEquals } from './kinds/sum-equals';
import { treeFigures, treeSum } from './kinds/tree-sum';
import { descendants, droppedMarks, hasChildren, indicatorMet, isCommune, marksAgainstIndicators, markTally, metCount, sourceLabel, sourceWithRole, unitName } from './lookups';
import type { RuleTable } from './schema';
import type { PlanScope, Rule, RuleContext } from './types';

/** Amounts are in million VND and the forms show whole millions. */
const MONEY_DECIMALS = 0;

const resourceLabel = (row: Row, { data }: RuleContext) => sourceLabel(data, row.source_id ?? null);
const projectLabel = (row: Row) => String(row.name ?? row.id);
const recurrentLabel = (row: Row, { data }: RuleContext) => `${String(data.get('recurrent_content', [row.content_id ?? null])?.label ?? row.content_id)} — ${unitName(data, row.unit_id ?? null)}`;
const unitLabel = (row: Row, { data }: RuleContext) => unitName(data, row.unit_id ?? null);

function atLeast(min: number): CellCheckDeclaration['test'] {
  return (value) =>
    typeof value === 'number' && value < min ? { expected: min, actual: value, message: 'validation.msg.below', params: { actual: formatAmount(value), min: formatAmount(min) } } : null;
}

function within(min: number, max: number, integer: boolean): (value: unknown) => Problem | null {
  return (value): Problem | null => {
    if (typeof value !== 'number') return null;
    if (integer && !Number.isInteger(value)) return { expected: Math.round(value), actual: value, message: 'validation.msg.notInteger', params: { actual: formatAmount(value) } };
    if (value < min) return { expected: min, actual: value, message: 'validation.msg.below', params: { actual: formatAmount(value), min: formatAmount(min) } };
    if (value > max) return { expected: max, actual: value, message: 'validation.msg.above', params: { actual: formatAmount(value), max: formatAmount(max) } };
    return null;
  };
}

const percent = within(0, 100, false);

const nonNegative = (table: RuleTable, field: string, label: CellCheckDeclaration['label']): Rule =>
  cellCheck({ id: `${table}.${field}.nonNegative`, table, field, label, test: atLeast(0) });

const yearInPlan = (table: RuleTable, label: CellCheckDeclaration['label']): Rule =>
  cellCheck({
    id: `${table}.year.inPlan`,
    table,
    field: 'year',
    label,
    test: (year, _row, { plan }) =>
      typeof year === 'number' && (year < plan.yearStart || year > plan.yearEnd)
        ? { expected: `${plan.yearStart}-${plan.yearEnd}`, actual: year, message: 'validation.msg.yearOutside', params: { actual: year, start: plan.yearStart, end: plan.yearEnd } }
        : null,
  });

const BY_CRITERION = ['criterion_id'];
const targetLabel = (row: Row, ctx: RuleContext) => [String(row.label ?? row.code), row.unit_id === null ? '' : unitLabel(row, ctx)].filter(Boolean).join(' — ');
const countedUnit = (row: Row) => String(row.unit ?? '').trim().toLowerCase();
const isCommuneCount = (row: Row) => countedUnit(row) === 'xã';
const isVillageCount = (row: Row) => ['thôn', 'bản', 'thôn, bản', 'thôn/bản', 'tổ dân phố'].includes(countedUnit(row));
function communeCount(data: Dataset): number {
  let n = 0;
  for (const unit of data.rows('unit')) if (isCommune(unit)) n++;
  return n;
}
/** Villages of a commune, or of every commune of the plan when the row is plan-wide. */
function villageCount(data: Dataset, communeId: Scalar): number {
  let n = 0;
  for (const unit of data.rows('unit')) {
    if (unit.kind !== 'village' || unit.merged_into_id !== null) continue;
    const parent = data.byId('unit', unit.parent_id ?? null);
    if (parent && isCommune(parent) && (communeId === null || parent.id === communeId)) n++;
  }
  return n;
}
/** A count of units in a target indicator (last year's and the target) is a whole number within the units it can count. */
const unitCount = (what: 'commune' | 'village', when: (row: Row) => boolean, most: (row: Row, data: Dataset) => number): Rule[] =>
  (['value_prev', 'target'] as const).map((field) =>
    cellCheck({
      id: `target_indicator.${field}.${what}Count`,
      table: 'target_indicator',
      field,
      when,
      label: targetLabel,
      test: (value, row, { data }) => within(0, most(row, data), true)(value),
      alsoReads: [{ table: 'unit' }],
    }),
  );
const LEVELS = ['ntm', 'nang_cao', 'kieu_mau'];
const levelRank = (level: Scalar) => LEVELS.indexOf(String(level));
/** Whether the value of `indicator` at `key` (unit, —, year, kind; the indicator goes in the gap) meets it. */
function indicatorValueMet(data: Dataset, indicator: Row, key: Scalar[]): boolean | null {
  key[1] = indicator.id ?? null;
  return indicatorMet(indicator, data.peek('indicator_value', key));
}
/** Plan statuses of the first year whose planned count is `off` against a tally of marks (rows without marks are fine). */
function plannedCountsOff(data: Dataset, plan: PlanScope, tally: Map<Scalar, { marks: number; met: number }>, off: (planned: number, met: number) => boolean): Key[] {
  const out: Key[] = [];
  for (const [unit, { met }] of tally) {
    const planned = data.find('unit_status', BY_UNIT_YEAR_KIND, [unit, plan.yearStart, 'plan'])?.planned_count;
    if (typeof planned === 'number' && off(planned, met)) out.push([unit as number, plan.yearStart, 'plan']);
  }
  return out;
}
const BY_UNIT_YEAR_KIND = ['unit_id', 'year', 'kind'];
const criteriaCount = ({ data }: RuleContext) => data.size('criterion');
const planStatus = (row: Row, { plan }: RuleContext) => row.kind === 'plan' && row.year === plan.yearStart;

const SOURCE_TREE = { table: 'capital_source', parentField: 'parent_id', labelField: 'label' } as const;
const INVESTMENT = { table: 'resource_amount', nodeField: 'source_id', scopeFields: ['plan_id', 'year'], field: 'investment', typedFields: ['investment'] } as const;
const investmentFigures = treeFigures(SOURCE_TREE, INVESTMENT);

export const RULES: readonly Rule[] = [
  // Parent = sum of children over the capital-source tree (amount, and investment).
  treeSum({
    id: 'resources.parentSum',
    tree: SOURCE_TREE,
    values: { table: 'resource_amount', nodeField: 'source_id', scopeFields: ['plan_id', 'year'], field: 'amount', typedFields: ['typed_total', 'amount'] },
    decimals: MONEY_DECIMALS,
  }),
  treeSum({ id: 'resources.parentInvestment', tree: SOURCE_TREE, values: INVESTMENT, decimals: MONEY_DECIMALS }),
  treeSum({
    id: 'recurrent.parentSum',
    tree: { table: 'recurrent_content', parentField: 'parent_id', labelField: 'label' },
    values: { table: 'recurrent_amount', nodeField: 'content_id', scopeFields: ['unit_id'], field: 'amount', typedFields: ['amount'] },
    decimals: MONEY_DECIMALS,
  }),

  // Equality across tables.
  sumEquals({
    id: 'projects.matchInvestment',
    parts: {
      table: 'project',
      field: 'plan_amount',
      groupBy: ['plan_id', 'year', 'source_id'],
      below: ([planId, year, source], { data }) => descendants(data, source ?? null).map((id) => [planId ?? null, year ?? null, id]),
    },
    total: {
      table: 'resource_amount',
      field: 'investment',
      keyOf: (group) => group,
      groupOf: (row) => [row.plan_id ?? null, row.year ?? null, row.source_id ?? null],
      label: resourceLabel,
      // A source whose investment is not typed is the sum of its sub-sources' (I = I.1 + I.2).
      computed: ([planId, year, source], { data }) => investmentFigures.figure(data, [planId ?? null, year ?? null], source ?? null),
    },
    alsoReads: [{ table: 'capital_source', fields: ['parent_id'] }],
    what: 'validation.what.projects',
    decimals: MONEY_DECIMALS,
  }),
  sumEquals({
    id: 'allocation.matchResources',
    parts: { table: 'allocation', field: 'amount', groupBy: ['plan_id', 'year', 'source_id'] },
    total: { table: 'resource_amount', field: 'amount', keyOf: (group) => group, groupOf: (row) => [row.plan_id ?? null, row.year ?? null, row.source_id ?? null], label: resourceLabel },
    what: 'validation.what.allocation',
    decimals: MONEY_DECIMALS,
  }),
  sumEquals({
    id: 'recurrent.matchCentral',
    parts: { table: 'recurrent_amount', field: 'amount', groupBy: [], include: (row, { data }) => !hasChildren(data, 'recurrent_content', row.content_id ?? null) },
    total: {
      table: 'resource_amount',
      field: 'amount',
      keyOf: (_group, { data, plan }) => {
        const source = sourceWithRole(data, 'central_recurrent');
        return source === null ? null : [plan.id, plan.yearStart, source as number];
      },
      groupOf: (row, { data, plan }) => (row.source_id === sourceWithRole(data, 'central_recurrent') && row.plan_id === plan.id && row.year === plan.yearStart ? [] : null),
      label: resourceLabel,
    },
    alsoReads: [{ table: 'capital_source', fields: ['role'] }, { table: 'recurrent_content', fields: ['parent_id'] }],
    what: 'validation.what.recurrent',
    decimals: MONEY_DECIMALS,
  }),

  // Ranges and types.
  nonNegative('resource_amount', 'amount', resourceLabel),
  nonNegative('resource_amount', 'investment', resourceLabel),
  nonNegative('resource_amount', 'typed_total', resourceLabel),
  nonNegative('allocation', 'amount', (row, ctx) => `${resourceLabel(row, ctx)} — ${unitLabel(row, ctx)}`),
  nonNegative('project', 'total_investment', projectLabel),
  nonNegative('project', 'allocated_before', projectLabel),
  nonNegative('project', 'plan_amount', projectLabel),
  nonNegative('recurrent_amount', 'amount', recurrentLabel),
  yearInPlan('resource_amount', resourceLabel),
  yearInPlan('allocation', (row, ctx) => `${resourceLabel(row, ctx)} — ${unitLabel(row, ctx)}`),
  yearInPlan('project', projectLabel),
  cellCheck({
    id: 'indicator.percentRange',
    table: 'indicator_value',
    field: 'value',
    label: (row, ctx) => `${unitLabel(row, ctx)} — ${String(ctx.data.byId('indicator', row.indicator_id ?? null)?.code ?? '')}`,
    // The range first: the indicator's kind is looked up only for the rare value outside 0-100.
    test: (value, row, { data }) => {
      const problem = percent(value);
      return problem && data.byId('indicator', row.indicator_id ?? null)?.kind === 'percent' ? problem : null;
    },
    alsoReads: [{ table: 'indicator', fields: ['kind'] }],
  }),
  ...(['value_prev', 'target'] as const).map((field) =>
    cellCheck({
      id: `target_indicator.${field}.percentRange`,
      table: 'target_indicator',
      field,
      when: (row) => String(row.unit ?? '').trim() === '%',
      label: targetLabel,
      test: within(0, 100, false),
    }),
  ),
  // Counts of communes (Biểu 02 of a district: communes reaching the standard, ...) stay within the communes
  // of the plan; counts of villages (thôn, bản) within the villages of the commune, or of the plan for a
  // plan-wide row; and a target does not fall below what was already reached.
  ...unitCount('commune', isCommuneCount, (_row, data) => communeCount(data)),
  ...unitCount('village', isVillageCount, (row, data) => villageCount(data, row.unit_id ?? null)),
  cellCheck({
    id: 'target_indicator.notBelowPrevious',
    severity: 'warning',
    table: 'target_indicator',
    field: 'target',
    when: (row) => isCommuneCount(row) || isVillageCount(row),
    label: targetLabel,
    test: (target, row) =>
      typeof target === 'number' && typeof row.value_prev === 'number' && target < row.value_prev
        ? { expected: row.value_prev, actual: target, message: 'validation.msg.targetBelowPrevious', params: { actual: formatAmount(target), expected: formatAmount(row.value_prev) } }
        : null,
    alsoReads: [{ table: 'target_indicator', fields: ['value_prev'] }],
    affected: (change) => [change.after ?? change.before].filter((r) => r !== undefined).map((r) => [r?.id as number]),
  }),
  cellCheck({
    id: 'status.plannedCountRange',
    table: 'unit_status',
    field: 'planned_count',
    label: unitLabel,
    test: (value, _row, ctx) => within(0, criteriaCount(ctx), true)(value),
    alsoReads: [{ table: 'criterion' }],
  }),

  // Counts: planned ≥ current.
  cellCheck({
    id: 'status.plannedNotBelowCurrent',
    table: 'unit_status',
    field: 'planned_count',
    when: planStatus,
    label: unitLabel,
    test: (planned, row, { data, plan }) => {
      const current = metCount(data, row.unit_id ?? null, plan.yearStart - 1, 'actual');
      return typeof planned === 'number' && current !== null && planned < current
        ? { expected: current, actual: planned, message: 'validation.msg.plannedBelowCurrent', params: { actual: planned, expected: current } }
        : null;
    },
    alsoReads: [{ table: 'criterion_mark', fields: ['met'] }],
    affected: (change, { plan }) =>
      [change.before, change.after].filter((r) => r !== undefined).map((r) => [r.unit_id as number, plan.yearStart, 'plan']),
    candidates: ({ data, plan }) => plannedCountsOff(data, plan, markTally(data, plan.yearStart - 1, 'actual'), (planned, met) => planned < met),
  }),

  // Planned ≥ current, criterion by criterion: one met at the end of last year is not planned as not met.
  cellCheck({
    id: 'matrix.criterionKept',
    severity: 'warning',
    table: 'criterion_mark',
    field: 'met',
    when: planStatus,
    label: unitLabel,
    test: (met, row, { data, plan }) =>
      met === 0 && data.get('criterion_mark', [row.unit_id ?? null, row.criterion_id ?? null, plan.yearStart - 1, 'actual'])?.met === 1
        ? {
            expected: true,
            actual: false,
            message: 'validation.msg.criterionDropped',
            params: { criterion: String(data.byId('criterion', row.criterion_id ?? null)?.no ?? row.criterion_id), year: plan.yearStart - 1 },
          }
        : null,
    partners: (row, { plan }) => (row.kind === 'actual' && row.year === plan.yearStart - 1 ? [[row.unit_id as number, row.criterion_id as number, plan.yearStart, 'plan']] : []),
    candidates: ({ data, plan }) => droppedMarks(data, plan.yearStart),
  }),
  // And the level of the plan (NTM, nâng cao, kiểu mẫu) is not below the level reached.
  cellCheck({
    id: 'status.levelNotBelowCurrent',
    severity: 'warning',
    table: 'unit_status',
    field: 'level',
    when: planStatus,
    label: unitLabel,
    test: (level, row, { data, plan }) => {
      const reached = data.get('unit_status', [row.unit_id ?? null, plan.yearStart - 1, 'actual'])?.level ?? null;
      return reached !== null && levelRank(level) < levelRank(reached)
        ? { expected: reached, actual: level, message: 'validation.msg.levelBelowCurrent', params: { actual: viText(`level.${String(level)}` as MessageKey), expected: viText(`level.${String(reached)}` as MessageKey) } }
        : null;
    },
    partners: (row, { plan }) => (row.kind === 'actual' && row.year === plan.yearStart - 1 ? [[row.unit_id as number, plan.yearStart, 'plan']] : []),
  }),

  // Derivations: x/19 from the row; a criterion from its indicators.
  cellCheck({
    id: 'status.plannedCountFromRow',
    severity: 'warning',
    table: 'unit_status',
    field: 'planned_count',
    when: planStatus,
    label: unitLabel,
    test: (planned, row, ctx) => {
      const marked = metCount(ctx.data, row.unit_id ?? null, ctx.plan.yearStart, 'plan');
      return typeof planned === 'number' && marked !== null && planned !== marked
        ? { expected: marked, actual: planned, message: 'validation.msg.plannedCount', params: { actual: planned, expected: marked, total: criteriaCount(ctx) } }
        : null;
    },
    alsoReads: [{ table: 'criterion_mark', fields: ['met'] }],
    affected: (change) =>
      [change.before, change.after].filter((r) => r !== undefined && r.kind === 'plan').map((r) => [r?.unit_id as number, r?.year as number, 'plan']),
    candidates: ({ data, plan }) => plannedCountsOff(data, plan, markTally(data, plan.yearStart, 'plan'), (planned, met) => planned !== met),
  }),
  cellCheck({
    id: 'matrix.criterionFromIndicators',
    severity: 'warning',
    table: 'criterion_mark',
    field: 'met',
    label: unitLabel,
    test: (met, row, { data }) => {
      const indicators = data.group('indicator', BY_CRITERION, [row.criterion_id ?? null]);
      if (indicators.length === 0) return null;
      const key: Scalar[] = [row.unit_id ?? null, null, row.year ?? null, row.kind ?? null];
      let derived = true;
      for (const indicator of indicators) {
        const ok = indicatorValueMet(data, indicator, key);
        if (ok === null) return null;
        if (!ok) derived = false;
      }
      if ((met === 1) === derived) return null;
      const failing = indicators.filter((indicator) => indicatorValueMet(data, indicator, key) === false).map((indicator) => String(indicator.code));
      const word = (b: boolean) => viText(b ? 'validation.met' : 'validation.notMet');
      const criterion = data.get('criterion', [row.criterion_id ?? null]);
      return {
        expected: derived,
        actual: met === 1,
        message: 'validation.msg.criterionFromIndicators',
        params: {
          criterion: String(criterion?.no ?? row.criterion_id),
          actual: word(met === 1),
          expected: word(derived),
          reason: derived ? viText('validation.allIndicatorsMet') : viText('validation.indicatorNotMet', { codes: failing.join(', ') }),
        },
      };
    },
    alsoReads: [{ table: 'indicator_value' }, { table: 'indicator' }],
    candidates: ({ data }) => marksAgainstIndicators(data),
    affected: (change, { data }) => {
      if (change.table !== 'indicator_value') return 'all';
      return [change.before, change.after]
        .filter((r) => r !== undefined)
        .map((r) => [r?.unit_id as number, data.get('indicator', [r?.indicator_id ?? null])?.criterion_id as number, r?.year as number, r?.kind as string]);
    },
  }),

  // Completeness: a commune of the plan with no status at the end of last year.
  presence({
    id: 'matrix.communeHasStatus',
    subjects: { table: 'unit', when: (row, { plan }) => isCommune(row) && (plan.unitId === null || plan.level === 'district' || row.id === plan.unitId), label: (row) => String(row.name) },
    evidence: [
      { table: 'criterion_mark', groupBy: ['unit_id', 'year', 'kind'], group: (u, { plan }) => [u.id as number, plan.yearStart - 1, 'actual'], subjectField: 'unit_id' },
      { table: 'unit_status', groupBy: ['unit_id', 'year', 'kind'], group: (u, { plan }) => [u.id as number, plan.yearStart - 1, 'actual'], subjectField: 'unit_id' },
    ],
    target: { table: 'unit_status', key: (u, { plan }) => [u.id as number, plan.yearStart - 1, 'actual'], field: 'level' },
    message: 'validation.msg.noStatus',
    params: ({ plan }) => ({ year: plan.yearStart - 1 }),
  }),
];
