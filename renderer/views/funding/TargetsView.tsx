// Biểu 02: target indicators for the whole plan and per commune (value at the end of last year, target
// for this year, unit), and the units the plan sets out to recognise this year.
import { AgGridReact } from 'ag-grid-react';
import type { ColDef } from 'ag-grid-community';
import { useMemo } from 'react';
import type { RecognitionTarget, TargetIndicator } from '../../../shared/api/funding';
import type { RecognitionLevel, Unit } from '../../../shared/model';
import { useCellFindings } from '../../findings/cell-findings';
import { useFindingFocus } from '../../findings/focus';
import { markColumn, numberColumn, textColumn, useExcelGrid, type Change, type Scalar } from '../../grid/excel';
import { useI18n, useT } from '../../i18n';
import { applyEdit } from '../../store/edits';
import { amountText, useFundingQuery } from './data';
import { DEFAULT_TARGET_INDICATORS } from './defaults';

interface IndicatorRow {
  id: string;
  code: string;
  label: string;
  unitLabel: string;
  unitId: number | null;
  place: string;
  stored: TargetIndicator | null;
  ord: number;
}

const FIELD: Record<string, string> = { label: 'label', unitLabel: 'unit', valuePrev: 'value_prev', target: 'target' };
const COLUMN_OF = Object.fromEntries(Object.entries(FIELD).map(([col, field]) => [field, col]));

export function TargetsView({ planId }: { planId: number }) {
  const t = useT();
  const { data } = useFundingQuery('funding.targets', { planId });
  if (!data) return <p className="muted">{t('common.loading')}</p>;
  return (
    <div className="funding-split">
      <IndicatorsGrid planId={planId} year={data.year} communes={data.communes} indicators={data.indicators} />
      <RecognitionGrid planId={planId} year={data.year} communes={data.communes} villages={data.villages} recognition={data.recognition} />
    </div>
  );
}

function IndicatorsGrid({ planId, year, communes, indicators }: { planId: number; year: number; communes: Unit[]; indicators: TargetIndicator[] }) {
  const t = useT();
  const lang = useI18n((s) => s.lang);
  const rows = useMemo<IndicatorRow[]>(() => {
    const defs = new Map<string, TargetIndicator>();
    for (const i of indicators) if (!defs.has(i.code) || i.unitId === null) defs.set(i.code, i);
    const stored = new Map(indicators.map((i) => [`${i.code}|${i.unitId ?? 'plan'}`, i]));
    const out: IndicatorRow[] = [];
    for (const def of [...defs.values()].sort((a, b) => a.ord - b.ord || a.id - b.id)) {
      for (const unit of [null, ...communes]) {
        const id = `${def.code}|${unit?.id ?? 'plan'}`;
        out.push({ id, code: def.code, label: def.label, unitLabel: def.unit, unitId: unit?.id ?? null, place: unit?.name ?? t('funding.wholePlan'), stored: stored.get(id) ?? null, ord: def.ord });
      }
    }
    return out;
  }, [indicators, communes, lang]);

  const findings = useCellFindings('target_indicator');
  const grid = useExcelGrid<IndicatorRow>({
    getRowId: (row) => row.id,
    columns: { label: textColumn(300), unitLabel: textColumn(50), valuePrev: numberColumn(), target: numberColumn() },
    isEditable: (row, colId) => row.unitId === null || colId === 'valuePrev' || colId === 'target',
    toChanges: (cells) => {
      const changes: Change[] = [];
      const inserts = new Map<string, Record<string, Scalar>>();
      for (const c of cells) {
        const field = FIELD[c.colId] as string;
        if (c.row.stored) {
          changes.push({ op: 'set', table: 'target_indicator', key: [c.row.stored.id], field, value: c.value });
          continue;
        }
        const row = inserts.get(c.rowId) ?? { plan_id: planId, unit_id: c.row.unitId, code: c.row.code, label: c.row.label, unit: c.row.unitLabel, ord: c.row.ord };
        row[field] = c.value;
        inserts.set(c.rowId, row);
      }
      for (const row of inserts.values()) changes.push({ op: 'insert', table: 'target_indicator', row });
      return changes;
    },
    cellFinding: (rowId, colId) => {
      const stored = rows.find((r) => r.id === rowId)?.stored;
      return stored && FIELD[colId] ? findings.at([stored.id], FIELD[colId] as string) : null;
    },
    findingsVersion: findings.version,
  });
  useFindingFocus('target_indicator', grid.api, (key, field) => {
    const row = rows.find((r) => r.stored?.id === key[0]);
    return row ? { rowId: row.id, colId: COLUMN_OF[field] ?? 'target' } : null;
  });

  const columns = useMemo<ColDef<IndicatorRow>[]>(
    () => [
      { colId: 'label', headerName: t('funding.col.indicator'), flex: 2, minWidth: 220, valueGetter: (p) => (p.data?.unitId === null ? p.data.label : '') },
      { colId: 'place', headerName: t('funding.col.place'), width: 150, valueGetter: (p) => p.data?.place ?? '' },
      { colId: 'unitLabel', headerName: t('funding.col.unit'), width: 150, valueGetter: (p) => (p.data?.unitId === null ? p.data.unitLabel : '') },
      { colId: 'valuePrev', headerName: t('funding.col.valuePrev', { year: year - 1 }), width: 130, type: 'rightAligned', valueGetter: (p) => amountText(p.data?.stored?.valuePrev) },
      { colId: 'target', headerName: t('funding.col.target', { year }), width: 130, type: 'rightAligned', valueGetter: (p) => amountText(p.data?.stored?.target) },
    ],
    [lang, year],
  );

  const addDefaults = () => {
    const have = new Set(indicators.map((i) => i.code));
    const start = Math.max(0, ...indicators.map((i) => i.ord));
    const changes = DEFAULT_TARGET_INDICATORS.filter((d) => !have.has(d.code)).map(
      (d, i): Change => ({ op: 'insert', table: 'target_indicator', row: { plan_id: planId, unit_id: null, code: d.code, label: d.label, unit: d.unit, ord: start + i + 1 } }),
    );
    void applyEdit(t('funding.label.defaults'), changes).catch(() => undefined);
  };
  const addIndicator = () => {
    const ord = Math.max(0, ...indicators.map((i) => i.ord)) + 1;
    const row = { plan_id: planId, unit_id: null, code: `ct${ord}`, label: t('funding.newIndicator'), unit: '', ord };
    void applyEdit(t('funding.label.addRow'), [{ op: 'insert', table: 'target_indicator', row }]).catch(() => undefined);
  };

  return (
    <div>
      <div className="row funding-toolbar">
        <button onClick={addIndicator}>{t('funding.addIndicator')}</button>
        {DEFAULT_TARGET_INDICATORS.some((d) => !indicators.some((i) => i.code === d.code)) && <button onClick={addDefaults}>{t('funding.defaultIndicators')}</button>}
      </div>
      <div className="grid-box funding-grid" data-testid="targets-grid" {...grid.containerProps}>
        <AgGridReact<IndicatorRow> {...grid.gridProps} rowData={rows} columnDefs={columns} getRowClass={(p) => (p.data?.unitId === null ? 'funding-parent' : undefined)} />
      </div>
    </div>
  );
}

interface RecognitionRow {
  unit: Unit;
  levels: Set<RecognitionLevel>;
}

const LEVELS: RecognitionLevel[] = ['ntm', 'nang_cao', 'kieu_mau'];

function RecognitionGrid(props: { planId: number; year: number; communes: Unit[]; villages: Unit[]; recognition: RecognitionTarget[] }) {
  const { planId, year, communes, villages, recognition } = props;
  const t = useT();
  const lang = useI18n((s) => s.lang);
  const rows = useMemo<RecognitionRow[]>(() => {
    const levels = new Map<number, Set<RecognitionLevel>>();
    for (const r of recognition) if (r.year === year) levels.set(r.unitId, new Set([...(levels.get(r.unitId) ?? []), r.level]));
    return [...communes, ...villages].map((unit) => ({ unit, levels: levels.get(unit.id) ?? new Set() }));
  }, [communes, villages, recognition, year]);

  const grid = useExcelGrid<RecognitionRow>({
    getRowId: (row) => String(row.unit.id),
    columns: Object.fromEntries(LEVELS.map((level) => [level, markColumn<RecognitionRow>((row) => row.levels.has(level))])),
    isEditable: (row, colId) => row.unit.kind === 'commune' || colId === 'ntm',
    toChanges: (cells) =>
      cells.flatMap((c): Change[] => {
        const level = c.colId as RecognitionLevel;
        const has = c.row.levels.has(level);
        const key = [planId, c.row.unit.id, year, level];
        if (c.value === true && !has) return [{ op: 'insert', table: 'recognition_target', row: { plan_id: planId, unit_id: c.row.unit.id, year, level } }];
        if (c.value !== true && has) return [{ op: 'delete', table: 'recognition_target', key }];
        return [];
      }),
  });

  const columns = useMemo<ColDef<RecognitionRow>[]>(
    () => [
      { colId: 'name', headerName: t('funding.col.place'), flex: 1, minWidth: 150, valueGetter: (p) => (p.data ? `${p.data.unit.kind === 'village' ? '· ' : ''}${p.data.unit.name}` : '') },
      ...LEVELS.map(
        (level): ColDef<RecognitionRow> => ({
          colId: level,
          headerName: t(`level.${level}`),
          width: 100,
          cellClass: 'mark-cell',
          valueGetter: (p) => (p.data?.levels.has(level) ? 'x' : ''),
        }),
      ),
    ],
    [lang],
  );

  const count = (kind: Unit['kind'], level: RecognitionLevel) => rows.filter((r) => r.unit.kind === kind && r.levels.has(level)).length;
  return (
    <div>
      <h3>{t('funding.recognition', { year })}</h3>
      <ul className="funding-counts" data-testid="recognition-counts">
        {LEVELS.map((level) => (
          <li key={level}>
            {t(`funding.recognition.${level}`)}: {count('commune', level)}
          </li>
        ))}
        <li>
          {t('funding.recognition.villages')}: {count('village', 'ntm')}
        </li>
      </ul>
      <div className="grid-box funding-grid" data-testid="recognition-grid" {...grid.containerProps}>
        <AgGridReact<RecognitionRow> {...grid.gridProps} rowData={rows} columnDefs={columns} />
      </div>
    </div>
  );
}
