import { AgGridReact } from 'ag-grid-react';
import type { ColDef } from 'ag-grid-community';
import { useEffect, useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import type { Change } from '../../../shared/api/edits';
import { formatNumber } from '../../../shared/format/vi';
import { call } from '../../api';
import { integerColumn, textColumn, useExcelGrid } from '../../grid/excel';
import { FIXED_COLUMNS } from '../../grid/setup';
import { useI18n, useT } from '../../i18n';
import { useApp } from '../../store/app';
import { subscribeEdits } from '../../store/edits';

interface VillageRow {
  id: string;
  unitId: number | null;
  no: string;
  name: string;
  commune: string;
  recognisedYear: number | null;
  note: string;
}

/** Villages (thôn, bản) of the plan's communes with the year each was recognised as NTM. */
export function VillagesGrid({ planId }: { planId: number }) {
  const t = useT();
  const lang = useI18n((s) => s.lang);
  const run = useApp((s) => s.run);
  const [year, setYear] = useState<number | null>(null);
  const [rows, setRows] = useState<VillageRow[] | null>(null);

  useEffect(() => {
    void run(async () => {
      const data = await call('matrix.villages', { planId });
      const communeName = new Map(data.communes.map((c) => [c.id, c.name]));
      const status = new Map(data.statuses.map((s) => [s.unitId, s]));
      setYear(data.year);
      setRows(
        data.villages.map((v, i) => ({
          id: String(v.id),
          unitId: v.id,
          no: String(i + 1),
          name: v.name,
          commune: communeName.get(v.parentId ?? -1) ?? '',
          recognisedYear: status.get(v.id)?.recognisedYear ?? null,
          note: status.get(v.id)?.note ?? '',
        })),
      );
    });
  }, [planId, run]);

  useEffect(
    () =>
      subscribeEdits((changes) => {
        if (year === null) return;
        flushSync(() => setRows((current) => (current ? applyVillageChanges(current, changes, year) : current)));
      }),
    [year],
  );

  const columns = useMemo<ColDef<VillageRow>[]>(
    () => [
      { field: 'no', headerName: t('matrix.no'), width: 60, pinned: 'left' },
      { field: 'name', headerName: t('mx.village'), width: 200, pinned: 'left' },
      { field: 'commune', headerName: t('mx.villageCommune'), width: 180 },
      { colId: 'recognisedYear', field: 'recognisedYear', headerName: t('mx.villageYear'), width: 170, cellClass: 'mark-cell' },
      { colId: 'note', field: 'note', headerName: t('mx.villageNote'), flex: 1, minWidth: 160 },
    ],
    [lang],
  );
  const totals = useMemo<VillageRow[]>(() => {
    const met = (rows ?? []).filter((r) => r.recognisedYear !== null).length;
    return [{ id: 'totals:villages', unitId: null, no: '', name: t('mx.villagesMet'), commune: '', recognisedYear: null, note: `${formatNumber(met)}/${formatNumber(rows?.length ?? 0)}` }];
  }, [rows, lang]);
  const specs = useMemo(() => ({ recognisedYear: integerColumn<VillageRow>(1990, 2100), note: textColumn<VillageRow>(1000, '') }), []);

  const grid = useExcelGrid<VillageRow>({
    getRowId: (row) => row.id,
    columns: specs,
    toChanges: (cells) =>
      cells.flatMap((cell): Change[] => {
        const key = [cell.row.unitId ?? 0, year ?? 0, 'actual'];
        if (cell.colId === 'note') return [{ op: 'set', table: 'unit_status', key, field: 'note', value: cell.value }];
        return [
          { op: 'set', table: 'unit_status', key, field: 'recognised_year', value: cell.value },
          { op: 'set', table: 'unit_status', key, field: 'level', value: cell.value === null ? null : 'ntm' },
        ];
      }),
    defaultColDef: FIXED_COLUMNS,
  });

  if (!rows) return <p className="muted">{t('common.loading')}</p>;
  if (rows.length === 0) return <p className="muted">{t('mx.noVillages')}</p>;
  return (
    <div className="grid-box matrix-grid" data-testid="village-grid" {...grid.containerProps}>
      <AgGridReact<VillageRow> {...grid.gridProps} rowData={rows} pinnedBottomRowData={totals} columnDefs={columns} />
    </div>
  );
}

function applyVillageChanges(rows: VillageRow[], changes: readonly Change[], year: number): VillageRow[] {
  const byId = new Map(rows.map((r) => [r.unitId, r]));
  let changed = false;
  for (const change of changes) {
    if (change.table !== 'unit_status') continue;
    const key = change.op === 'insert' ? [change.row.unit_id, change.row.year, change.row.kind] : change.key;
    const row = byId.get(key[0] as number);
    if (!row || key[1] !== year || key[2] !== 'actual') continue;
    const next = { ...row };
    if (change.op === 'delete') Object.assign(next, { recognisedYear: null, note: '' });
    else {
      const fields = change.op === 'set' ? { [change.field]: change.value } : change.row;
      if ('recognised_year' in fields) next.recognisedYear = (fields.recognised_year as number | null) ?? null;
      if ('note' in fields) next.note = String(fields.note ?? '');
    }
    byId.set(row.unitId, next);
    changed = true;
  }
  return changed ? rows.map((r) => byId.get(r.unitId) ?? r) : rows;
}
