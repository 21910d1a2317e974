import { AgGridReact } from 'ag-grid-react';
import type { ColDef, ColGroupDef } from 'ag-grid-community';
import { useEffect, useMemo, useState } from 'react';
import type { Result } from '../../shared/contract';
import { matrixFigures } from '../../shared/domain/matrix';
import { formatNumber } from '../../shared/format/vi';
import type { CriteriaSet, MatrixSide } from '../../shared/model';
import { call } from '../api';
import { gridLocaleVi, gridTheme } from '../grid/setup';
import { useI18n, useT } from '../i18n';
import { useApp, useCurrentPlan } from '../store/app';

type MatrixData = Result<'matrix.get'>;

interface Row {
  unitId: number | null;
  no: string;
  name: string;
  marks: Record<number, string>;
  metCount: string;
  level: string;
  recognisedYear: string;
  plannedCount: string;
  note: string;
  pinned?: boolean;
}

export function MatrixView() {
  const t = useT();
  const lang = useI18n((s) => s.lang);
  const plan = useCurrentPlan();
  const run = useApp((s) => s.run);
  const [data, setData] = useState<MatrixData | null>(null);
  const [side, setSide] = useState<'actual' | 'planned'>('actual');

  useEffect(() => {
    if (!plan) return;
    void run(async () => setData(await call('matrix.get', { planId: plan.id })));
  }, [plan, run]);

  const columns = useMemo(() => (data ? matrixColumns(data.set, t) : []), [data, lang]);
  const rows = useMemo(() => (data ? matrixRows(data, data[side], t) : { body: [], pinned: [] }), [data, side, lang]);

  if (!plan) return <p className="page muted">{t('plan.none')}</p>;
  if (!data) return <p className="page muted">{t('common.loading')}</p>;

  return (
    <div className="page matrix">
      <h2>
        {t('matrix.title')} — {plan.name}
      </h2>
      <div className="tabs" role="tablist">
        <button role="tab" aria-selected={side === 'actual'} onClick={() => setSide('actual')}>
          {t('matrix.actual', { year: data.actual.year })}
        </button>
        <button role="tab" aria-selected={side === 'planned'} onClick={() => setSide('planned')}>
          {t('matrix.plan', { year: data.planned.year })}
        </button>
      </div>
      <div className="grid-box matrix-grid" data-testid="matrix-grid">
        <AgGridReact<Row>
          theme={gridTheme}
          localeText={gridLocaleVi}
          rowData={rows.body}
          pinnedBottomRowData={rows.pinned}
          columnDefs={columns}
          defaultColDef={{ sortable: false, resizable: true, suppressMovable: true }}
          groupHeaderHeight={36}
          headerHeight={34}
        />
      </div>
    </div>
  );
}

function matrixColumns(set: CriteriaSet, t: ReturnType<typeof useT>): (ColDef<Row> | ColGroupDef<Row>)[] {
  const criterionCol = (c: CriteriaSet['criteria'][number]): ColDef<Row> => ({
    colId: `c${c.no}`,
    headerName: String(c.no),
    headerTooltip: `${c.no}. ${c.name}`,
    valueGetter: (p) => p.data?.marks[c.id] ?? '',
    width: 52,
    cellClass: 'mark-cell',
  });
  const criteriaCols: (ColDef<Row> | ColGroupDef<Row>)[] =
    set.groups.length > 0
      ? set.groups.map((g) => ({
          headerName: g.name,
          headerClass: 'group-header',
          children: set.criteria.filter((c) => c.groupCode === g.code).map(criterionCol),
        }))
      : set.criteria.map(criterionCol);
  return [
    { field: 'no', headerName: t('matrix.no'), width: 64, pinned: 'left' },
    { field: 'name', headerName: t('matrix.commune'), width: 170, pinned: 'left' },
    ...criteriaCols,
    { field: 'metCount', headerName: t('matrix.metCount'), width: 110 },
    { field: 'level', headerName: t('matrix.level'), width: 120 },
    { field: 'recognisedYear', headerName: t('matrix.recognisedYear'), width: 120 },
    { field: 'plannedCount', headerName: t('matrix.plannedCount'), width: 110 },
    { field: 'note', headerName: t('matrix.note'), flex: 1, minWidth: 140 },
  ];
}

function matrixRows(data: MatrixData, side: MatrixSide, t: ReturnType<typeof useT>): { body: Row[]; pinned: Row[] } {
  const total = data.set.criteria.length;
  const figures = matrixFigures(data.set.criteria, side.marks);
  const marksByUnit = new Map<number, Record<number, string>>();
  for (const m of side.marks) {
    const marks = marksByUnit.get(m.unitId) ?? {};
    marks[m.criterionId] = m.met ? 'x' : '';
    marksByUnit.set(m.unitId, marks);
  }
  const statusByUnit = new Map(side.statuses.map((s) => [s.unitId, s]));
  const body = data.communes.map((c, i): Row => {
    const status = statusByUnit.get(c.id);
    return {
      unitId: c.id,
      no: String(i + 1),
      name: c.name,
      marks: marksByUnit.get(c.id) ?? {},
      metCount: `${figures.perCommune.get(c.id) ?? 0}/${total}`,
      level: status?.level ? t(`level.${status.level}`) : '',
      recognisedYear: status?.recognisedYear ? String(status.recognisedYear) : '',
      plannedCount: status?.plannedCount != null ? String(status.plannedCount) : '',
      note: status?.note ?? '',
    };
  });
  const perCriterion: Record<number, string> = {};
  for (const c of data.set.criteria) perCriterion[c.id] = String(figures.perCriterion[String(c.no)] ?? 0);
  const pinned: Row[] = [
    { unitId: null, no: '', name: t('matrix.communesMeeting'), marks: perCriterion, metCount: String(figures.met), level: '', recognisedYear: '', plannedCount: '', note: '', pinned: true },
    { unitId: null, no: '', name: t('matrix.average'), marks: {}, metCount: formatNumber(figures.average, 1), level: '', recognisedYear: '', plannedCount: '', note: '', pinned: true },
  ];
  return { body, pinned };
}
