// Columns, cell parsers and database changes of the criterion matrix, for one side or both side by side.
import type { CellClassParams, ColDef, ColGroupDef, ValueGetterParams } from 'ag-grid-community';
import { parseMark } from '../../../shared/domain/marks';
import { formatNumber } from '../../../shared/format/vi';
import type { MessageKey, MessageParams } from '../../../shared/i18n';
import type { Criterion, RecognitionLevel } from '../../../shared/model';
import { integerColumn, textColumn, type CellWrite, type Change, type ExcelColumn, type Scalar } from '../../grid/excel';
import type { CommuneRow, MatrixModel, SideId } from './matrix-model';

export type Mode = SideId | 'compare';
type T = (key: MessageKey, params?: MessageParams) => string;

/** A pinned row below the communes: figures keyed by column id. */
export interface TotalsRow {
  id: string;
  name: string;
  totals: Record<string, string>;
}
export type GridRow = CommuneRow | TotalsRow;

const isCommune = (row: GridRow | undefined): row is CommuneRow => row !== undefined && 'unitId' in row;
type StatusField = 'level' | 'recognisedYear' | 'plannedCount' | 'note';
const STATUS_COLUMN: Record<StatusField, string> = { level: 'level', recognisedYear: 'recognised_year', plannedCount: 'planned_count', note: 'note' };
const LEVELS: RecognitionLevel[] = ['ntm', 'nang_cao', 'kieu_mau'];

export const markColId = (side: SideId, criterionId: number) => `${side}:c${criterionId}`;

export function markText(row: CommuneRow, side: SideId, criterionId: number): string {
  const mark = row[side].marks[criterionId];
  if (!mark?.met) return '';
  return mark.metYear === null ? 'x' : String(mark.metYear);
}

export function criteriaColumns(model: MatrixModel, mode: Mode, t: T): (ColDef<GridRow> | ColGroupDef<GridRow>)[] {
  const sides: SideId[] = mode === 'compare' ? ['actual', 'plan'] : [mode];
  const total = model.set.criteria.length;
  const totalsOr = (colId: string, value: (row: CommuneRow) => string) => (p: ValueGetterParams<GridRow>) =>
    isCommune(p.data) ? value(p.data) : (p.data?.totals[colId] ?? '');

  const markCol = (c: Criterion, side: SideId): ColDef<GridRow> => {
    const colId = markColId(side, c.id);
    return {
      colId,
      headerName: mode === 'compare' ? t(side === 'actual' ? 'mx.short.actual' : 'mx.short.plan') : String(c.no),
      headerTooltip: `${c.no}. ${c.name}`,
      valueGetter: totalsOr(colId, (row) => markText(row, side, c.id)),
      width: mode === 'compare' ? 44 : 50,
      cellClass: (p: CellClassParams<GridRow>) => {
        const classes = ['mark-cell'];
        if (mode === 'compare' && side === 'plan' && isCommune(p.data)) {
          const diff = model.differences().get(`${p.data.unitId}:${c.id}`);
          if (diff) classes.push(diff === 'gain' ? 'mx-gain' : 'mx-loss');
        }
        return classes;
      },
    };
  };
  const criterionCols = (c: Criterion): ColDef<GridRow> | ColGroupDef<GridRow> =>
    mode === 'compare' ? { headerName: String(c.no), headerTooltip: `${c.no}. ${c.name}`, children: sides.map((s) => markCol(c, s)) } : markCol(c, mode);
  const grouped: (ColDef<GridRow> | ColGroupDef<GridRow>)[] =
    model.set.groups.length > 0
      ? model.set.groups.map((g) => ({ headerName: g.name, headerClass: 'group-header', children: model.set.criteria.filter((c) => c.groupCode === g.code).map(criterionCols) }))
      : model.set.criteria.map(criterionCols);

  const sideLabel = (side: SideId) => (side === 'actual' ? t('mx.short.actualLong', { year: model.sides.actual.year }) : t('mx.short.planLong', { year: model.sides.plan.year }));
  const derived = sides.flatMap((side): ColDef<GridRow>[] => {
    const suffix = mode === 'compare' ? ` (${t(side === 'actual' ? 'mx.short.actual' : 'mx.short.plan')})` : '';
    const metCol: ColDef<GridRow> = {
      colId: `${side}:met`,
      headerName: t('matrix.metCount') + suffix,
      headerTooltip: sideLabel(side),
      valueGetter: totalsOr(`${side}:met`, (row) => `${row[side].met}/${total}`),
      width: 104,
      cellClass: 'derived-cell',
    };
    if (mode === 'compare') return [metCol];
    const status = (field: StatusField, header: MessageKey, width: number, show: (row: CommuneRow) => string): ColDef<GridRow> => ({
      colId: `${side}:${field}`,
      headerName: t(header),
      valueGetter: totalsOr(`${side}:${field}`, show),
      width,
      ...(field === 'note' ? { flex: 1, minWidth: 140 } : {}),
    });
    return [
      metCol,
      status('level', 'matrix.level', 120, (row) => (row[side].status?.level ? t(`level.${row[side].status.level}`) : '')),
      status('recognisedYear', 'matrix.recognisedYear', 116, (row) => (row[side].status?.recognisedYear ? String(row[side].status.recognisedYear) : '')),
      status('plannedCount', 'matrix.plannedCount', 104, (row) => (row[side].status?.plannedCount != null ? String(row[side].status.plannedCount) : '')),
      status('note', 'matrix.note', 160, (row) => row[side].status?.note ?? ''),
    ];
  });

  return [
    { colId: 'no', headerName: t('matrix.no'), valueGetter: (p) => (isCommune(p.data) ? String(p.data.no) : ''), width: 60, pinned: 'left' },
    { colId: 'name', headerName: t('matrix.commune'), valueGetter: (p) => p.data?.name ?? '', width: 190, pinned: 'left' },
    ...grouped,
    ...derived,
  ];
}

/** Figures under the communes: communes meeting each criterion, the average, and the report buckets. */
export function totalsRows(model: MatrixModel, mode: Mode, t: T): TotalsRow[] {
  const sides: SideId[] = mode === 'compare' ? ['actual', 'plan'] : [mode];
  const meeting: TotalsRow = { id: 'totals:meeting', name: t('matrix.communesMeeting'), totals: {} };
  const average: TotalsRow = { id: 'totals:average', name: t('matrix.average'), totals: {} };
  const buckets: TotalsRow[] = model.set.buckets.map((b, i) => ({ id: `totals:bucket${i}`, name: t('mx.bucket', { label: b.label.charAt(0).toLowerCase() + b.label.slice(1) }), totals: {} }));
  for (const side of sides) {
    const f = model.figures(side);
    for (const c of model.set.criteria) meeting.totals[markColId(side, c.id)] = formatNumber(f.perCriterion[String(c.no)] ?? 0);
    meeting.totals[`${side}:met`] = formatNumber(f.met);
    average.totals[`${side}:met`] = formatNumber(f.average, 1);
    f.buckets.forEach((b, i) => ((buckets[i] as TotalsRow).totals[`${side}:met`] = formatNumber(b.communes)));
  }
  return [meeting, average, ...buckets];
}

/** The editable cells: marks (met, or the year met) and the status columns of each side shown. */
export function criteriaCellSpecs(model: MatrixModel, mode: Mode, t: T): Record<string, ExcelColumn<GridRow>> {
  const sides: SideId[] = mode === 'compare' ? ['actual', 'plan'] : [mode];
  const specs: Record<string, ExcelColumn<GridRow>> = {};
  for (const side of sides) {
    for (const c of model.set.criteria) {
      specs[markColId(side, c.id)] = {
        parse: (text) => {
          const met = parseMark(text);
          if (met !== null) return { value: met };
          const year = /^\s*(\d{4})\s*$/.exec(text);
          if (year && Number(year[1]) >= 1990 && Number(year[1]) <= 2100) return { value: Number(year[1]) };
          return { error: t('mx.notAMarkOrYear', { text: text.trim() }) };
        },
        toggle: (row) => !(isCommune(row) && row[side].marks[c.id]?.met === true),
      };
    }
    specs[`${side}:level`] = {
      parse: (text) => {
        const level = parseLevel(text, t);
        return level === undefined ? { error: t('mx.notALevel', { text: text.trim() }) } : { value: level };
      },
    };
    specs[`${side}:recognisedYear`] = integerColumn(1990, 2100);
    specs[`${side}:plannedCount`] = integerColumn(0, model.set.criteria.length);
    specs[`${side}:note`] = textColumn(1000, '');
  }
  return specs;
}

/** A level as offices write it ("NTM nâng cao", "nâng cao", "Kiểu mẫu"); null for blank, undefined when unknown. */
export function parseLevel(text: string, t: T): RecognitionLevel | null | undefined {
  const clean = text.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
  if (clean === '' || clean === '-') return null;
  for (const level of LEVELS) {
    const label = t(`level.${level}`).toLowerCase();
    if (clean === label || clean === label.replace(/^ntm /, '') || clean === level) return level;
  }
  return undefined;
}

export function criteriaChanges(model: MatrixModel, cells: CellWrite<GridRow>[]): Change[] {
  const changes: Change[] = [];
  for (const cell of cells) {
    if (!isCommune(cell.row)) continue;
    const [side, what] = cell.colId.split(':') as [SideId, string];
    const { year, kind } = model.sides[side];
    const unitId = cell.row.unitId;
    if (what.startsWith('c')) {
      const key = [unitId, Number(what.slice(1)), year, kind];
      const set = (field: string, value: Scalar) => changes.push({ op: 'set', table: 'criterion_mark', key, field, value });
      if (typeof cell.value === 'number') {
        set('met', true);
        set('met_year', cell.value);
      } else {
        set('met', cell.value === true);
        // A year met no longer holds once the mark is cleared.
        if (cell.value !== true && cell.row[side].marks[Number(what.slice(1))]?.metYear != null) set('met_year', null);
      }
      continue;
    }
    const column = STATUS_COLUMN[what as StatusField];
    if (column) changes.push({ op: 'set', table: 'unit_status', key: [unitId, year, kind], field: column, value: cell.value });
  }
  return changes;
}
