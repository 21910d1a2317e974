// Allocation by commune: one row per commune, one column per capital source, row totals and a column
// total row. A parent source's cell is the sum of its sub-sources. Edits are applied to the grid's own
// model cell by cell (AmountGrid), so a 3,321-commune grid updates its totals without reloading.
import { AgGridReact } from 'ag-grid-react';
import type { ColDef, ColGroupDef, GridApi } from 'ag-grid-community';
import { useEffect, useMemo, useState } from 'react';
import { AmountGrid, sourceTree, type SourceNode } from '../../../shared/domain/funding';
import type { Unit } from '../../../shared/model';
import { useCellFindings } from '../../findings/cell-findings';
import { useFindingFocus } from '../../findings/focus';
import { numberColumn, useExcelGrid, type Change } from '../../grid/excel';
import { useI18n, useT } from '../../i18n';
import { subscribeEdits } from '../../store/edits';
import { amountText, useFundingQuery } from './data';

interface Row {
  unitId: number | null;
  no: string;
  name: string;
}

const colOf = (sourceId: number) => `s${sourceId}`;
const sourceOf = (colId: string) => (/^s\d+$/.test(colId) ? Number(colId.slice(1)) : null);

export function AllocationGrid({ planId, year }: { planId: number; year: number }) {
  const t = useT();
  const lang = useI18n((s) => s.lang);
  const isOwnEdit = (changes: Change[]) => changes.every((c) => c.table === 'allocation');
  const { data } = useFundingQuery('funding.allocation', { planId, year }, isOwnEdit);
  const model = useMemo(() => {
    if (!data) return null;
    const nodes = sourceTree(data.sources);
    const grid = new AmountGrid(
      data.sources,
      data.cells.map((c) => ({ rowId: c.sourceId, unitId: c.unitId, amount: c.amount })),
    );
    return { nodes, grid, root: nodes.find((n) => n.source.role === 'total') ?? null };
  }, [data]);
  const findings = useCellFindings('allocation');
  const grid = useExcelGrid<Row>({
    getRowId: (row) => String(row.unitId ?? 'total'),
    columns: Object.fromEntries((model?.nodes ?? []).map((n) => [colOf(n.source.id), numberColumn<Row>()])),
    isEditable: (row, colId) => {
      const sourceId = sourceOf(colId);
      return row.unitId !== null && sourceId !== null && model !== null && !model.grid.fromParts(sourceId, row.unitId) && model.root?.source.id !== sourceId;
    },
    toChanges: (cells) =>
      cells.map((c): Change => ({ op: 'set', table: 'allocation', key: [planId, year, sourceOf(c.colId) as number, c.row.unitId as number], field: 'amount', value: c.value })),
    cellFinding: (rowId, colId) => (sourceOf(colId) === null ? null : findings.at([planId, year, sourceOf(colId) as number, Number(rowId)], 'amount')),
    findingsVersion: findings.version,
  });
  const [, setVersion] = useState(0);

  useEffect(
    () =>
      subscribeEdits((changes) => {
        if (!model || !changes.every((c) => c.table === 'allocation')) return;
        const touched = new Set<number>();
        for (const c of changes) {
          const [plan, y, sourceId, unitId] = c.op === 'insert' ? [c.row.plan_id, c.row.year, c.row.source_id, c.row.unit_id] : c.key;
          if (plan !== planId || y !== year) continue;
          const value = c.op === 'set' ? c.value : c.op === 'insert' ? (c.row.amount ?? null) : null;
          model.grid.set(Number(sourceId), Number(unitId), typeof value === 'number' ? value : null);
          touched.add(Number(unitId));
        }
        refreshUnits(grid.api(), touched);
        setVersion((v) => v + 1);
      }),
    [model, planId, year, grid.api],
  );

  useFindingFocus('allocation', grid.api, (key) => (key[0] === planId && key[1] === year ? { rowId: String(key[3]), colId: colOf(Number(key[2])) } : null));

  const rows = useMemo<Row[]>(() => (data ? data.communes.map((c: Unit, i) => ({ unitId: c.id, no: String(i + 1), name: c.name })) : []), [data]);
  const defaultColDef = useMemo(() => ({ ...grid.gridProps.defaultColDef, wrapHeaderText: true }), [grid.gridProps.defaultColDef]);
  const pinned = useMemo<Row[]>(() => [{ unitId: null, no: '', name: t('funding.grandTotal') }], [lang]);

  const columns = useMemo<(ColDef<Row> | ColGroupDef<Row>)[]>(() => {
    if (!model) return [];
    const { grid: amounts, root } = model;
    const cell = (node: SourceNode): ColDef<Row> => ({
      colId: colOf(node.source.id),
      headerName: node.path ? `${node.path}. ${node.source.label}` : t('funding.col.total'),
      headerTooltip: node.source.label,
      width: node.depth === 0 && node.source.role === 'total' ? 130 : 120,
      type: 'rightAligned',
      cellClass: node.childIds.length > 0 ? 'funding-computed' : undefined,
      valueGetter: (p) => {
        const unitId = p.data?.unitId ?? null;
        return amountText(unitId === null ? amounts.rowTotal(node.source.id) : amounts.cell(node.source.id, unitId));
      },
    });
    const sourceColumns = model.nodes.filter((n) => n.source.role !== 'total');
    return [
      { colId: 'no', headerName: t('funding.col.no'), width: 64, pinned: 'left', valueGetter: (p) => p.data?.no ?? '' },
      { colId: 'name', headerName: t('funding.col.commune'), width: 170, pinned: 'left', valueGetter: (p) => p.data?.name ?? '' },
      ...(root ? [{ ...cell(root), pinned: 'left' as const }] : []),
      ...sourceColumns.map(cell),
    ];
  }, [model, lang]);

  if (!data || !model) return <p className="muted">{t('common.loading')}</p>;
  return (
    <div className="grid-box funding-grid allocation-grid" data-testid="allocation-grid" {...grid.containerProps}>
      <AgGridReact<Row>
        {...grid.gridProps}
        rowData={rows}
        pinnedBottomRowData={pinned}
        columnDefs={columns}
        headerHeight={72}
        defaultColDef={defaultColDef}
      />
    </div>
  );
}

/** Repaint the rows of the communes that changed and the total row, nothing else. */
function refreshUnits(api: GridApi<Row> | null, unitIds: Set<number>): void {
  if (!api) return;
  const rowNodes = [...unitIds].map((id) => api.getRowNode(String(id))).filter((n) => n !== undefined);
  const total = api.getPinnedBottomRow(0);
  api.refreshCells({ rowNodes: total ? [...rowNodes, total] : rowNodes, force: true, suppressFlash: true });
}
