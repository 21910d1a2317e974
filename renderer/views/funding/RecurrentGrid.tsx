// Biểu 07: recurrent capital by the program's component contents (rows) × commune (columns), with
// row and column totals; its grand total is checked against the recurrent amount of Biểu 04.
import { AgGridReact } from 'ag-grid-react';
import type { ColDef } from 'ag-grid-community';
import { useMemo, useState } from 'react';
import type { RecurrentContent } from '../../../shared/api/funding';
import { AmountGrid } from '../../../shared/domain/funding';
import { useCellFindings } from '../../findings/cell-findings';
import { useFindingFocus } from '../../findings/focus';
import { numberColumn, textColumn, useExcelGrid, type Change } from '../../grid/excel';
import { useI18n, useT } from '../../i18n';
import { applyEdit } from '../../store/edits';
import type { FundingChecks } from './checks';
import { amountText, useFundingQuery } from './data';
import { DEFAULT_RECURRENT_CONTENTS } from './defaults';

interface Row {
  content: RecurrentContent | null;
  depth: number;
}

const unitCol = (unitId: number) => `u${unitId}`;
const unitOf = (colId: string) => (/^u\d+$/.test(colId) ? Number(colId.slice(1)) : null);

export function RecurrentGrid({ planId, checks }: { planId: number; checks: FundingChecks }) {
  const t = useT();
  const lang = useI18n((s) => s.lang);
  const { data } = useFundingQuery('funding.recurrent', { planId });
  const [focused, setFocused] = useState<number | null>(null);
  const amounts = useMemo(
    () => (data ? new AmountGrid(data.contents, data.cells.map((c) => ({ rowId: c.contentId, unitId: c.unitId, amount: c.amount }))) : null),
    [data],
  );
  const rows = useMemo<Row[]>(() => (data ? contentRows(data.contents) : []), [data]);
  const pinned = useMemo<Row[]>(() => [{ content: null, depth: 0 }], []);

  const findings = useCellFindings('recurrent_amount');
  const grid = useExcelGrid<Row>({
    onFocusedRow: (row) => setFocused(row?.content?.id ?? null),
    getRowId: (row) => String(row.content?.id ?? 'total'),
    columns: { code: textColumn(20), label: textColumn(500), ...Object.fromEntries((data?.communes ?? []).map((c) => [unitCol(c.id), numberColumn<Row>()])) },
    isEditable: (row, colId) => {
      const unitId = unitOf(colId);
      return row.content !== null && (unitId === null || !amounts?.fromParts(row.content.id, unitId));
    },
    toChanges: (cells) =>
      cells.map((c): Change => {
        const id = c.row.content?.id as number;
        const unitId = unitOf(c.colId);
        return unitId === null
          ? { op: 'set', table: 'recurrent_content', key: [id], field: c.colId, value: c.value }
          : { op: 'set', table: 'recurrent_amount', key: [id, unitId], field: 'amount', value: c.value };
      }),
    cellFinding: (rowId, colId) => (unitOf(colId) === null ? null : findings.at([Number(rowId), unitOf(colId) as number], 'amount')),
    findingsVersion: findings.version,
  });
  useFindingFocus('recurrent_amount', grid.api, (key) => ({ rowId: String(key[0]), colId: unitCol(Number(key[1])) }));

  const columns = useMemo<ColDef<Row>[]>(() => {
    if (!data || !amounts) return [];
    return [
      { colId: 'code', headerName: t('funding.col.no'), width: 70, pinned: 'left', valueGetter: (p) => p.data?.content?.code ?? '' },
      {
        colId: 'label',
        headerName: t('funding.col.content'),
        width: 320,
        pinned: 'left',
        valueGetter: (p) => p.data?.content?.label ?? t('funding.grandTotal'),
        cellStyle: (p) => ({ paddingLeft: `${8 + (p.data?.depth ?? 0) * 16}px` }),
      },
      {
        colId: 'total',
        headerName: t('funding.col.total'),
        width: 120,
        pinned: 'left',
        type: 'rightAligned',
        cellClass: 'funding-computed',
        valueGetter: (p) => amountText(p.data?.content ? amounts.rowTotal(p.data.content.id) : amounts.grandTotal()),
      },
      ...data.communes.map(
        (c): ColDef<Row> => ({
          colId: unitCol(c.id),
          headerName: c.name,
          width: 110,
          type: 'rightAligned',
          valueGetter: (p) => amountText(p.data?.content ? amounts.cell(p.data.content.id, c.id) : amounts.columnTotal(c.id)),
        }),
      ),
    ];
  }, [data, amounts, lang]);

  if (!data) return <p className="muted">{t('common.loading')}</p>;
  const selected = data.contents.find((c) => c.id === focused) ?? null;
  const topLevel = data.contents.filter((c) => c.parentId === null);

  const addContent = () => {
    const siblings = data.contents.filter((c) => c.parentId === (selected?.id ?? null));
    const code = selected ? `${selected.code}.${siblings.length + 1}` : String(topLevel.length + 1);
    const row = { plan_id: planId, parent_id: selected?.id ?? null, code, label: t('funding.newContent'), ord: siblings.length + 1 };
    void applyEdit(t('funding.label.addRow'), [{ op: 'insert', table: 'recurrent_content', row }]).catch(() => undefined);
  };
  const addDefaults = () => {
    const changes = DEFAULT_RECURRENT_CONTENTS.map(
      (label, i): Change => ({ op: 'insert', table: 'recurrent_content', row: { plan_id: planId, parent_id: null, code: String(topLevel.length + i + 1), label, ord: topLevel.length + i + 1 } }),
    );
    void applyEdit(t('funding.label.defaults'), changes).catch(() => undefined);
  };
  const remove = () => {
    if (!selected) return;
    const ids = subtree(data.contents, selected.id);
    const changes: Change[] = [
      ...data.cells.filter((c) => ids.has(c.contentId)).map((c): Change => ({ op: 'delete', table: 'recurrent_amount', key: [c.contentId, c.unitId] })),
      ...[...ids].reverse().map((id): Change => ({ op: 'delete', table: 'recurrent_content', key: [id] })),
    ];
    void applyEdit(t('funding.label.removeRow'), changes).catch(() => undefined);
  };
  const recurrentCheck = checks.list.find((f) => f.rule === 'recurrent.matchCentral');

  return (
    <>
      <div className="row funding-toolbar">
        <button onClick={addContent}>{t('funding.addContent')}</button>
        {data.contents.length === 0 && <button onClick={addDefaults}>{t('funding.defaultContents')}</button>}
        <button onClick={remove} disabled={!selected}>
          {t('funding.removeRow')}
        </button>
        {recurrentCheck && <span className="funding-checks has-errors">{recurrentCheck.message}</span>}
      </div>
      <div className="grid-box funding-grid" data-testid="recurrent-grid" {...grid.containerProps}>
        <AgGridReact<Row>
          {...grid.gridProps}
          rowData={rows}
          pinnedBottomRowData={pinned}
          columnDefs={columns}
          getRowClass={(p) => (p.data?.content && data.contents.some((c) => c.parentId === p.data?.content?.id) ? 'funding-parent' : undefined)}
        />
      </div>
    </>
  );
}

/** Contents in tree order with their depth. */
function contentRows(contents: readonly RecurrentContent[]): Row[] {
  const out: Row[] = [];
  const visit = (parentId: number | null, depth: number) => {
    for (const c of contents.filter((x) => x.parentId === parentId).sort((a, b) => a.ord - b.ord || a.id - b.id)) {
      out.push({ content: c, depth });
      visit(c.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

function subtree(contents: readonly RecurrentContent[], id: number): Set<number> {
  const out = new Set<number>([id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const c of contents) {
      if (c.parentId === null || !out.has(c.parentId) || out.has(c.id)) continue;
      out.add(c.id);
      grew = true;
    }
  }
  return out;
}
