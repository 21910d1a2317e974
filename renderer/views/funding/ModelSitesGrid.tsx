// "Danh sách đăng ký điển hình": the commune-level model and one change per village — STT, content, place.
import { AgGridReact } from 'ag-grid-react';
import type { ColDef } from 'ag-grid-community';
import { useMemo, useState } from 'react';
import type { ModelSite } from '../../../shared/api/funding';
import { textColumn, useExcelGrid, type Change } from '../../grid/excel';
import { useI18n, useT } from '../../i18n';
import { applyEdit } from '../../store/edits';
import { useFundingQuery } from './data';
import { unitColumn } from './unit-column';

interface Row {
  site: ModelSite;
  no: number;
  place: string;
}

export function ModelSitesGrid({ planId }: { planId: number }) {
  const t = useT();
  const lang = useI18n((s) => s.lang);
  const { data } = useFundingQuery('funding.modelSites', { planId });
  const [focused, setFocused] = useState<number | null>(null);
  const units = useMemo(() => [...(data?.communes ?? []), ...(data?.villages ?? [])], [data]);
  const rows = useMemo<Row[]>(() => {
    const names = new Map(units.map((u) => [u.id, u.name]));
    return (data?.sites ?? []).map((site, i) => ({ site, no: i + 1, place: site.unitId === null ? '' : (names.get(site.unitId) ?? '') }));
  }, [data, units]);
  const placeColumn = useMemo(() => unitColumn<Row>(units), [units]);

  const grid = useExcelGrid<Row>({
    onFocusedRow: (row) => setFocused(row?.site.id ?? null),
    getRowId: (row) => String(row.site.id),
    columns: { content: textColumn(1000), place: placeColumn },
    toChanges: (cells) =>
      cells.flatMap((c): Change[] => {
        const key = [c.row.site.id];
        if (c.colId === 'content') return [{ op: 'set', table: 'model_site', key, field: 'content', value: c.value }];
        // The place decides the level: a village's change, or the commune's model.
        const unit = units.find((u) => u.id === c.value);
        return [
          { op: 'set', table: 'model_site', key, field: 'unit_id', value: c.value },
          ...(unit ? [{ op: 'set', table: 'model_site', key, field: 'scope', value: unit.kind === 'village' ? 'village' : 'commune' } satisfies Change] : []),
        ];
      }),
  });

  const columns = useMemo<ColDef<Row>[]>(
    () => [
      { colId: 'no', headerName: t('funding.col.no'), width: 70, valueGetter: (p) => p.data?.no ?? '' },
      { colId: 'content', headerName: t('funding.col.content'), flex: 2, minWidth: 300, valueGetter: (p) => p.data?.site.content ?? '' },
      { colId: 'place', headerName: t('funding.col.place'), width: 180, valueGetter: (p) => p.data?.place ?? '' },
      { colId: 'scope', headerName: t('funding.col.scope'), width: 120, valueGetter: (p) => (p.data ? t(`funding.scope.${p.data.site.scope}`) : '') },
    ],
    [lang],
  );

  if (!data) return <p className="muted">{t('common.loading')}</p>;
  const add = () => {
    const ord = Math.max(0, ...data.sites.map((s) => s.ord)) + 1;
    void applyEdit(t('funding.label.addRow'), [{ op: 'insert', table: 'model_site', row: { plan_id: planId, unit_id: null, scope: 'commune', content: t('funding.newSite'), ord } }]).catch(
      () => undefined,
    );
  };
  const remove = () => {
    if (focused !== null) void applyEdit(t('funding.label.removeRow'), [{ op: 'delete', table: 'model_site', key: [focused] }]).catch(() => undefined);
  };

  return (
    <>
      <div className="row funding-toolbar">
        <button onClick={add}>{t('funding.addSite')}</button>
        <button onClick={remove} disabled={focused === null || !data.sites.some((s) => s.id === focused)}>
          {t('funding.removeRow')}
        </button>
      </div>
      <div className="grid-box funding-grid" data-testid="model-sites-grid" {...grid.containerProps}>
        <AgGridReact<Row>
          {...grid.gridProps}
          rowData={rows}
          columnDefs={columns}
        />
      </div>
    </>
  );
}
