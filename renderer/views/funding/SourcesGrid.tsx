// The document-wide capital-source tree: codes and labels are edited in place; sub-sources are added
// under the selected source and removed when nothing uses them.
import { AgGridReact } from 'ag-grid-react';
import type { ColDef } from 'ag-grid-community';
import { useMemo, useState } from 'react';
import { moveAmongSiblings, nextChildCode, sourceTree, type SourceNode } from '../../../shared/domain/funding';
import { isMessageKey, type MessageKey } from '../../../shared/i18n';
import { call } from '../../api';
import { textColumn, useExcelGrid, type Change } from '../../grid/excel';
import { useI18n, useT } from '../../i18n';
import { loadFindings } from '../../findings/store';
import { useApp } from '../../store/app';
import { applyEdit, refreshEditState } from '../../store/edits';
import { useFundingQuery } from './data';

export function SourcesGrid() {
  const t = useT();
  const lang = useI18n((s) => s.lang);
  const run = useApp((s) => s.run);
  const { data, reload } = useFundingQuery('funding.sources', {});
  const nodes = useMemo(() => sourceTree(data ?? []), [data]);
  const [focused, setFocused] = useState<number | null>(null);

  const roleLabel = (role: string | null) => (role && isMessageKey(`funding.role.${role}`) ? t(`funding.role.${role}` as MessageKey) : '');
  const grid = useExcelGrid<SourceNode>({
    onFocusedRow: (row) => setFocused(row?.source.id ?? null),
    getRowId: (row) => String(row.source.id),
    columns: { code: textColumn(10), label: textColumn(300) },
    isEditable: (row, colId) => row.source.role !== 'total' || colId === 'label',
    toChanges: (cells) => cells.map((c): Change => ({ op: 'set', table: 'capital_source', key: [c.row.source.id], field: c.colId, value: c.value })),
  });

  const columns = useMemo<ColDef<SourceNode>[]>(
    () => [
      { colId: 'code', headerName: t('funding.col.code'), width: 90, valueGetter: (p) => p.data?.source.code ?? '' },
      {
        colId: 'label',
        headerName: t('funding.col.source'),
        flex: 1,
        minWidth: 320,
        valueGetter: (p) => p.data?.source.label ?? '',
        cellStyle: (p) => ({ paddingLeft: `${8 + (p.data?.depth ?? 0) * 16}px` }),
      },
      { colId: 'role', headerName: t('funding.col.role'), width: 280, valueGetter: (p) => roleLabel(p.data?.source.role ?? null) },
    ],
    [lang],
  );

  if (!data) return <p className="muted">{t('common.loading')}</p>;
  const selected = nodes.find((n) => n.source.id === focused) ?? null;

  const addChild = () => {
    const parent = selected ?? nodes.find((n) => n.source.role === 'total');
    if (!parent) return;
    const ord = parent.childIds.length + 1;
    const row = { parent_id: parent.source.id, code: nextChildCode(nodes, parent.source.id), label: t('funding.newSource'), role: null, ord };
    void applyEdit(t('funding.label.addRow'), [{ op: 'insert', table: 'capital_source', row }]).catch(() => undefined);
  };
  const move = (step: -1 | 1) => {
    if (!selected) return;
    const changes = moveAmongSiblings(nodes, selected.source.id, step).flatMap(({ id, ord, code }): Change[] => [
      { op: 'set', table: 'capital_source', key: [id], field: 'ord', value: ord },
      { op: 'set', table: 'capital_source', key: [id], field: 'code', value: code },
    ]);
    if (changes.length > 0) void applyEdit(t('funding.label.moveSource'), changes).catch(() => undefined);
  };
  const siblings = selected ? (nodes.find((n) => n.childIds.includes(selected.source.id))?.childIds ?? []) : [];
  const remove = () => {
    if (!selected) return;
    void run(async () => {
      await call('funding.removeSource', { id: selected.source.id });
      await refreshEditState();
      reload();
      // The removal did not pass through the edits store, so the findings are loaded again in full.
      await loadFindings(useApp.getState().planId);
    });
  };

  return (
    <>
      <div className="row funding-toolbar">
        <button onClick={addChild}>{t('funding.addSource')}</button>
        <button onClick={() => move(-1)} disabled={!selected || siblings.indexOf(selected.source.id) <= 0}>
          {t('funding.moveUp')}
        </button>
        <button onClick={() => move(1)} disabled={!selected || siblings.indexOf(selected.source.id) === siblings.length - 1}>
          {t('funding.moveDown')}
        </button>
        <button onClick={remove} disabled={!selected || selected.source.role === 'total'}>
          {t('funding.removeRow')}
        </button>
      </div>
      <div className="grid-box funding-grid" data-testid="sources-grid" {...grid.containerProps}>
        <AgGridReact<SourceNode>
          {...grid.gridProps}
          rowData={nodes}
          columnDefs={columns}
        />
      </div>
    </>
  );
}
