// Biểu 04: amount per capital source for the plan year, of which investment, note. Rows with parts are
// computed; a total stated in a source document stays beside them and is checked.
import { AgGridReact } from 'ag-grid-react';
import type { ColDef } from 'ag-grid-community';
import { useMemo } from 'react';
import { resourceLines, sourceTree, type ResourceLine } from '../../../shared/domain/funding';
import { useCellFindings } from '../../findings/cell-findings';
import { useFindingFocus } from '../../findings/focus';
import { numberColumn, textColumn, useExcelGrid, type Change } from '../../grid/excel';
import { useI18n, useT } from '../../i18n';
import { amountText, useFundingQuery } from './data';

type Line = ResourceLine & { parent: boolean };
const FIELD: Record<string, string> = { amount: 'amount', investment: 'investment', typedTotal: 'typed_total', note: 'note' };

export function ResourcesGrid({ planId, year }: { planId: number; year: number }) {
  const t = useT();
  const lang = useI18n((s) => s.lang);
  const { data } = useFundingQuery('funding.resources', { planId, year });
  const rows = useMemo<Line[]>(
    () => (data ? resourceLines(sourceTree(data.sources), data.entries).map((l) => ({ ...l, parent: l.childIds.length > 0 })) : []),
    [data],
  );

  const findings = useCellFindings('resource_amount');
  const grid = useExcelGrid<Line>({
    getRowId: (row) => String(row.source.id),
    columns: { amount: numberColumn(), investment: numberColumn(), typedTotal: numberColumn(), note: textColumn(1000) },
    isEditable: (row, colId) => {
      if (colId === 'amount' || colId === 'investment') return !row.fromParts[colId];
      if (colId === 'typedTotal') return row.parent;
      return true;
    },
    toChanges: (cells) =>
      cells.map((c): Change => ({ op: 'set', table: 'resource_amount', key: [planId, year, c.row.source.id], field: FIELD[c.colId] as string, value: c.value })),
    cellFinding: (rowId, colId) => findings.at([planId, year, Number(rowId)], FIELD[colId] ?? colId),
    findingsVersion: findings.version,
  });
  useFindingFocus('resource_amount', grid.api, (key, field) =>
    key[0] === planId && key[1] === year ? { rowId: String(key[2]), colId: Object.keys(FIELD).find((c) => FIELD[c] === field) ?? field } : null,
  );

  const columns = useMemo<ColDef<Line>[]>(
    () => [
      { colId: 'no', headerName: t('funding.col.no'), width: 70, valueGetter: (p) => p.data?.source.code ?? '' },
      {
        colId: 'label',
        headerName: t('funding.col.source'),
        flex: 2,
        minWidth: 260,
        valueGetter: (p) => (p.data?.source.role === 'total' ? t('funding.grandTotal') : (p.data?.source.label ?? '')),
        cellStyle: (p) => ({ paddingLeft: `${8 + (p.data?.depth ?? 0) * 16}px` }),
      },
      { colId: 'amount', headerName: t('funding.col.amount', { year }), width: 150, type: 'rightAligned', valueGetter: (p) => amountText(p.data?.amount) },
      { colId: 'investment', headerName: t('funding.col.investment'), width: 150, type: 'rightAligned', valueGetter: (p) => amountText(p.data?.investment) },
      { colId: 'typedTotal', headerName: t('funding.col.typedTotal'), width: 150, type: 'rightAligned', valueGetter: (p) => amountText(p.data?.entry?.typedTotal) },
      { colId: 'note', headerName: t('funding.col.note'), flex: 1, minWidth: 160, valueGetter: (p) => p.data?.entry?.note ?? '' },
    ],
    [lang, year],
  );

  if (!data) return <p className="muted">{t('common.loading')}</p>;
  return (
    <div className="grid-box funding-grid" data-testid="resources-grid" {...grid.containerProps}>
      <AgGridReact<Line>
        {...grid.gridProps}
        rowData={rows}
        columnDefs={columns}
        getRowClass={(p) => (p.data?.parent ? 'funding-parent' : undefined)}
      />
    </div>
  );
}
