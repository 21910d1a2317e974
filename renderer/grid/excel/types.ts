import type { Change, Scalar } from '../../../shared/api/edits';

/** What a column makes of typed or pasted text: a value to save, or the reason it refuses the cell. */
export type ParseResult = { value: Scalar } | { error: string };

export interface ExcelColumn<Row> {
  /** Text typed, pasted or filled into the cell → the value to save. */
  parse(text: string, row: Row): ParseResult;
  /** Space: the cell's value after toggling (marks). Columns without it start an edit on Space. */
  toggle?(row: Row): Scalar;
}

/** One cell the user changed, before it is turned into database changes. */
export interface CellWrite<Row> {
  row: Row;
  rowId: string;
  colId: string;
  value: Scalar;
}

export interface CellFinding {
  severity: 'error' | 'warning';
  message: string;
}

export type { Change, Scalar };
