// Excel habits for every grid. Usage:
//
//   const grid = useExcelGrid<Row>({
//     getRowId: (row) => String(row.unitId),
//     columns: { c11: markColumn((row) => row.marks[11] === true), note: textColumn(1000) },
//     toChanges: (cells) => cells.map((c) => ({ op: 'set', table: 'criterion_mark', key: [...], field: 'met', value: c.value })),
//     cellFinding: (rowId, colId) => findings.get(`${rowId}|${colId}`) ?? null,   // optional
//   });
//   <div className="grid-box" {...grid.containerProps}>
//     <AgGridReact<Row> {...grid.gridProps} rowData={rows} columnDefs={columns} />
//   </div>
//
// The grid never changes its own data: typing (or F2), paste (Ctrl+V, TSV from Excel/LibreOffice),
// Ctrl+D fill down, Delete and Space (marks) become Change[] saved through applyEdit as one undo step;
// Ctrl+Z / Ctrl+Y call the store's undo/redo. Update rowData from subscribeEdits (renderer/store/edits.ts)
// synchronously (flushSync), so the next Space or Ctrl+D, which waits for pending edits, reads current cells.
// Shift+arrows and mouse drag select a range (class `xl-in-range`); Ctrl+C copies it as TSV.
// Cells with findings get `xl-finding-error` / `xl-finding-warning` and the message as tooltip.
// Column defs should mark nothing editable themselves and use cellClass, not cellClassRules.
import './excel-grid.css';
export { useExcelGrid, type ExcelGrid, type ExcelGridOptions } from './useExcelGrid';
export { integerColumn, markColumn, numberColumn, textColumn } from './parsers';
export { parseTsv, toTsv } from './tsv';
export type { CellFinding, CellWrite, Change, ExcelColumn, ParseResult, Scalar } from './types';
