import { AgGridReact } from 'ag-grid-react';
import { useEffect, useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import { call } from '../../api';
import { useExcelGrid } from '../../grid/excel';
import { FIXED_COLUMNS } from '../../grid/setup';
import { useI18n, useT } from '../../i18n';
import { useApp } from '../../store/app';
import { subscribeEdits } from '../../store/edits';
import { indicatorCellSpecs, indicatorChanges, indicatorColumns, indicatorFinding } from './indicator-columns';
import { IndicatorModel, type IndicatorRow } from './indicator-model';
import type { MatrixModel, SideId } from './matrix-model';

/** The commune × indicator grid of one side; criteria the indicators contradict are flagged. */
export function IndicatorsGrid({ planId, criteria, criteriaVersion, side }: { planId: number; criteria: MatrixModel; criteriaVersion: number; side: SideId }) {
  const t = useT();
  const lang = useI18n((s) => s.lang);
  const run = useApp((s) => s.run);
  const [model, setModel] = useState<IndicatorModel | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    void run(async () => setModel(new IndicatorModel(await call('matrix.indicators', { planId }))));
  }, [planId, run]);
  useEffect(() => {
    if (!model) return;
    return subscribeEdits((changes) => {
      if (model.apply(changes)) flushSync(() => setVersion((v) => v + 1));
    });
  }, [model]);

  // lang: t follows it; version: the models change in place.
  const columns = useMemo(() => (model ? indicatorColumns(model, t) : []), [model, lang]);
  const specs = useMemo(() => (model ? indicatorCellSpecs(model, t) : {}), [model, lang]);
  const rows = useMemo(() => model?.rows(side) ?? [], [model, side, version]);
  const finding = useMemo(() => (model ? indicatorFinding(model, criteria, side, t) : () => null), [model, criteria, side, version, criteriaVersion, lang]);

  const grid = useExcelGrid<IndicatorRow>({
    getRowId: (row) => row.id,
    columns: specs,
    toChanges: (cells) => (model ? indicatorChanges(model, side, cells) : []),
    cellFinding: finding,
    findingsVersion: version * 100_000 + criteriaVersion,
    defaultColDef: FIXED_COLUMNS,
  });

  if (!model) return <p className="muted">{t('common.loading')}</p>;
  if (columns.length <= 2) return <p className="muted">{t('mx.noIndicators')}</p>;
  return (
    <div className="grid-box matrix-grid" data-testid="indicator-grid" {...grid.containerProps}>
      <AgGridReact<IndicatorRow> {...grid.gridProps} rowData={rows} columnDefs={columns} groupHeaderHeight={48} headerHeight={34} />
    </div>
  );
}
