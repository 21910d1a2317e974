// Columns and cells of the commune × indicator matrix: a value per indicator as its kind says, and per
// criterion the verdict of its indicators, flagged when the criterion matrix says otherwise.
import type { ColDef, ColGroupDef } from 'ag-grid-community';
import { criterionFromIndicators } from '../../../shared/domain/indicators';
import { parseMark } from '../../../shared/domain/marks';
import { formatAmount, parseNumber } from '../../../shared/format/vi';
import type { MessageKey, MessageParams } from '../../../shared/i18n';
import type { Criterion, Indicator } from '../../../shared/model';
import type { CellFinding, CellWrite, Change, ExcelColumn } from '../../grid/excel';
import type { IndicatorModel, IndicatorRow } from './indicator-model';
import type { MatrixModel, SideId } from './matrix-model';

type T = (key: MessageKey, params?: MessageParams) => string;

export const indicatorColId = (indicatorId: number) => `i${indicatorId}`;
export const derivedColId = (criterionId: number) => `d${criterionId}`;

function showValue(indicator: Indicator, value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (indicator.kind === 'boolean') return value === 1 ? 'x' : '-';
  return indicator.kind === 'percent' ? `${formatAmount(value, 2)}%` : formatAmount(value, 2);
}

const verdictText = (met: boolean | null) => (met === null ? '' : met ? 'x' : '-');

export function derivedMet(criterion: Criterion, row: IndicatorRow): boolean | null {
  return criterionFromIndicators(criterion.indicators, (id) => row.values[id]);
}

export function indicatorColumns(model: IndicatorModel, t: T): (ColDef<IndicatorRow> | ColGroupDef<IndicatorRow>)[] {
  const groups = model.set.criteria
    .filter((c) => c.indicators.length > 0)
    .map(
      (c): ColGroupDef<IndicatorRow> => ({
        headerName: `${c.no}. ${c.name}`,
        headerClass: 'group-header',
        children: [
          ...c.indicators.map(
            (i): ColDef<IndicatorRow> => ({
              colId: indicatorColId(i.id),
              headerName: i.code,
              headerTooltip: [i.name, i.threshold].filter(Boolean).join(' — '),
              valueGetter: (p) => (p.data ? showValue(i, p.data.values[i.id]) : ''),
              width: 70,
              cellClass: 'mark-cell',
            }),
          ),
          {
            colId: derivedColId(c.id),
            headerName: t('mx.indicatorCriterion', { no: c.no }),
            headerTooltip: t('mx.indicatorDerived'),
            valueGetter: (p) => (p.data ? verdictText(derivedMet(c, p.data)) : ''),
            width: 64,
            cellClass: ['mark-cell', 'derived-cell'],
          },
        ],
      }),
    );
  return [
    { colId: 'no', headerName: t('matrix.no'), valueGetter: (p) => String(p.data?.no ?? ''), width: 60, pinned: 'left' },
    { colId: 'name', headerName: t('matrix.commune'), valueGetter: (p) => p.data?.name ?? '', width: 170, pinned: 'left' },
    ...groups,
  ];
}

export function indicatorCellSpecs(model: IndicatorModel, t: T): Record<string, ExcelColumn<IndicatorRow>> {
  const specs: Record<string, ExcelColumn<IndicatorRow>> = {};
  for (const c of model.set.criteria) {
    for (const i of c.indicators) {
      specs[indicatorColId(i.id)] =
        i.kind === 'boolean'
          ? {
              parse: (text) => {
                if (text.trim() === '') return { value: null };
                const met = parseMark(text);
                return met === null ? { error: t('grid.notAMark', { text: text.trim() }) } : { value: met ? 1 : 0 };
              },
              toggle: (row) => (row.values[i.id] === 1 ? 0 : 1),
            }
          : {
              parse: (text) => {
                const parsed = parseNumber(text.replace(/%\s*$/, ''));
                if (parsed.kind === 'empty') return { value: null };
                return parsed.kind === 'number' ? { value: parsed.value } : { error: t('mx.notANumberKind', { text: text.trim() }) };
              },
            };
    }
  }
  return specs;
}

export function indicatorChanges(model: IndicatorModel, side: SideId, cells: CellWrite<IndicatorRow>[]): Change[] {
  return cells.map((cell) => ({
    op: 'set',
    table: 'indicator_value',
    key: [cell.row.unitId, Number(cell.colId.slice(1)), model.years[side], side],
    field: 'value',
    value: cell.value,
  }));
}

/** A criterion whose indicators and whose mark in the criterion matrix disagree is flagged, never overwritten. */
export function indicatorFinding(indicators: IndicatorModel, criteria: MatrixModel, side: SideId, t: T) {
  const byId = new Map(indicators.set.criteria.map((c) => [c.id, c]));
  const rowsById = new Map(criteria.rows().map((r) => [r.id, r]));
  return (rowId: string, colId: string): CellFinding | null => {
    if (!colId.startsWith('d')) return null;
    const criterion = byId.get(Number(colId.slice(1)));
    const row = indicators.row(side, Number(rowId));
    const recorded = rowsById.get(rowId)?.[side].marks[criterion?.id ?? -1];
    if (!criterion || !row || !recorded) return null;
    const derived = derivedMet(criterion, row);
    if (derived === null || derived === recorded.met) return null;
    const say = (met: boolean) => t(met ? 'mx.met' : 'mx.notMet');
    return { severity: 'warning', message: t('mx.disagree', { derived: say(derived), recorded: say(recorded.met) }) };
  };
}
