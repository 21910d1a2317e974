import { AgGridReact } from 'ag-grid-react';
import type { CellEditRequestEvent, ColDef, GridApi } from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Unit, UnitKind } from '../../shared/model';
import { call } from '../api';
import { Field } from '../components/Field';
import { gridLocaleVi, gridTheme } from '../grid/setup';
import { useI18n, useT } from '../i18n';
import { useApp } from '../store/app';

export function UnitsView() {
  const t = useT();
  const run = useApp((s) => s.run);
  const setStatus = useApp((s) => s.setStatus);
  const [units, setUnits] = useState<Unit[]>([]);
  const reload = useCallback(() => run(async () => setUnits(await call('units.list', { includeMerged: true }))), [run]);
  useEffect(() => void reload(), [reload]);

  const current = units.filter((u) => u.mergedIntoId === null);
  const communes = current.filter((u) => u.kind === 'commune');
  const villages = current.filter((u) => u.kind === 'village');
  const byId = useMemo(() => new Map(units.map((u) => [u.id, u])), [units]);

  const act = (action: () => Promise<unknown>) =>
    run(async () => {
      await action();
      await reload();
      setStatus({ kind: 'saved', text: t('status.saved') });
    });

  return (
    <div className="page units">
      <h2>{t('units.title')}</h2>
      <p className="muted" data-testid="unit-count">
        {t('units.count', { communes: communes.length, villages: villages.length })}
      </p>
      <div className="two-col">
        <UnitPanel kind="commune" title={t('units.communes')} units={communes} all={units} byId={byId} act={act} parents={[]} />
        <UnitPanel kind="village" title={t('units.villages')} units={villages} all={units} byId={byId} act={act} parents={communes} />
      </div>
    </div>
  );
}

interface PanelProps {
  kind: UnitKind;
  title: string;
  units: Unit[];
  all: Unit[];
  byId: Map<number, Unit>;
  parents: Unit[];
  act(action: () => Promise<unknown>): Promise<boolean>;
}

function UnitPanel({ kind, title, units, all, byId, parents, act }: PanelProps) {
  const t = useT();
  const lang = useI18n((s) => s.lang);
  const api = useRef<GridApi<Unit> | null>(null);
  const [name, setName] = useState('');
  const [parentId, setParentId] = useState<number | null>(null);
  const [mergeName, setMergeName] = useState('');
  const [selected, setSelected] = useState<Unit[]>([]);

  const columns = useMemo<ColDef<Unit>[]>(() => {
    const cols: ColDef<Unit>[] = [
      { headerName: t('matrix.no'), valueGetter: (p) => (p.node?.rowIndex ?? 0) + 1, width: 70 },
      { field: 'name', headerName: t('units.name'), editable: true, flex: 2 },
    ];
    if (kind === 'village') cols.push({ headerName: t('units.parent'), valueGetter: (p) => byId.get(p.data?.parentId ?? 0)?.name ?? '', flex: 1 });
    if (kind === 'commune') {
      cols.push({
        headerName: t('units.merge'),
        valueGetter: (p) => {
          const olds = all.filter((u) => u.mergedIntoId === p.data?.id).map((u) => u.name);
          return olds.join(', ');
        },
        flex: 1,
      });
    }
    return cols;
  }, [kind, byId, all, lang]);

  const onEdit = (e: CellEditRequestEvent<Unit>) => {
    const value = String(e.newValue ?? '').trim();
    if (e.data && value && value !== e.data.name) void act(() => call('units.rename', { id: e.data!.id, name: value }));
  };

  return (
    <section className="card unit-panel" data-testid={`units-${kind}`}>
      <h3>{title}</h3>
      <div className="grid-box" style={{ height: 360 }}>
        <AgGridReact<Unit>
          theme={gridTheme}
          localeText={gridLocaleVi}
          rowData={units}
          columnDefs={columns}
          getRowId={(p) => String(p.data.id)}
          readOnlyEdit
          onCellEditRequest={onEdit}
          rowSelection={{ mode: 'multiRow', enableClickSelection: true }}
          onSelectionChanged={(e) => setSelected(e.api.getSelectedRows())}
          onGridReady={(e) => (api.current = e.api)}
        />
      </div>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          const parent = kind === 'village' ? (parentId ?? parents[0]?.id ?? null) : null;
          if (!name.trim() || (kind === 'village' && parent === null)) return;
          void act(() => call('units.create', { kind, name: name.trim(), parentId: parent })).then(() => setName(''));
        }}
      >
        <Field label={t('units.name')}>
          <input value={name} onChange={(e) => setName(e.target.value)} aria-label={`${title}: ${t('units.name')}`} />
        </Field>
        {kind === 'village' && (
          <Field label={t('units.parent')}>
            <select value={parentId ?? parents[0]?.id ?? ''} onChange={(e) => setParentId(Number(e.target.value))} aria-label={t('units.parent')}>
              {parents.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </Field>
        )}
        <button type="submit">{t('units.add')}</button>
        <button
          type="button"
          disabled={selected.length === 0}
          onClick={() => void act(async () => {
            for (const unit of selected) await call('units.delete', { id: unit.id });
          })}
        >
          {t('units.delete')}
        </button>
      </form>
      {kind === 'commune' && (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            if (selected.length < 2 || !mergeName.trim()) return;
            void act(() => call('units.merge', { ids: selected.map((u) => u.id), name: mergeName.trim() })).then(() => setMergeName(''));
          }}
        >
          <Field label={t('units.mergeInto')}>
            <input value={mergeName} onChange={(e) => setMergeName(e.target.value)} aria-label={t('units.mergeInto')} />
          </Field>
          <button type="submit" disabled={selected.length < 2}>
            {t('units.merge')} ({selected.length})
          </button>
        </form>
      )}
    </section>
  );
}
