import { AgGridReact } from 'ag-grid-react';
import { useMemo } from 'react';
import { FIXED_COLUMNS } from '../../grid/setup';
import { useCellFindings } from '../../findings/cell-findings';
import { matrixCellFinding } from '../../findings/matrix-cells';
import { useExcelGrid } from '../../grid/excel';
import { useI18n, useT } from '../../i18n';
import { criteriaCellSpecs, criteriaChanges, criteriaColumns, totalsRows, type GridRow, type Mode } from './criteria-columns';
import type { MatrixModel } from './matrix-model';

/** The commune × criterion grid of one side, or of both side by side. */
export function CriteriaGrid({ model, version, mode, unitFilter }: { model: MatrixModel; version: number; mode: Mode; unitFilter: ReadonlySet<number> | null }) {
  const t = useT();
  const lang = useI18n((s) => s.lang);
  const columns = useMemo(() => criteriaColumns(model, mode, t), [model, mode, lang]);
  const specs = useMemo(() => criteriaCellSpecs(model, mode, t), [model, mode, lang]);
  const rows = useMemo(() => {
    const all = model.rows();
    return unitFilter ? all.filter((r) => unitFilter.has(r.unitId)) : all;
  }, [model, version, unitFilter]);
  const totals = useMemo(() => totalsRows(model, mode, t), [model, mode, version, lang]);
  const markFindings = useCellFindings('criterion_mark');
  const statusFindings = useCellFindings('unit_status');
  const grid = useExcelGrid<GridRow>({
    getRowId: (row) => row.id,
    columns: specs,
    toChanges: (cells) => criteriaChanges(model, cells),
    cellFinding: matrixCellFinding(model, markFindings.at, statusFindings.at),
    findingsVersion: markFindings.version,
    defaultColDef: FIXED_COLUMNS,
  });
  return (
    <div className="grid-box matrix-grid" data-testid="matrix-grid" {...grid.containerProps}>
      <AgGridReact<GridRow>
        {...grid.gridProps}
        rowData={rows}
        pinnedBottomRowData={totals}
        columnDefs={columns}
        suppressColumnVirtualisation
        groupHeaderHeight={36}
        headerHeight={34}
      />
    </div>
  );
}
