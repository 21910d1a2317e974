// What a printed annex is, independent of where its figures come from: header texts, one or more
// tables (merged multi-row head, body rows) and the page layout it prefers.

export type Align = 'left' | 'center' | 'right';

export interface HeadCell {
  text: string;
  colSpan?: number;
  rowSpan?: number;
  /** Criterion names in Biểu 01 stand rotated, as in the provincial forms. */
  vertical?: boolean;
}

export interface BodyCell {
  text: string;
  colSpan?: number;
  align?: Align;
}

/** 'total' rows are bold and stay with the signature when they end the table; 'section' rows are bold. */
export type RowKind = 'item' | 'section' | 'total';

export interface BodyRow {
  kind: RowKind;
  cells: (string | BodyCell)[];
}

export interface AnnexColumn {
  align: Align;
  /** Relative width; the table always spans the printable width. */
  weight: number;
}

export interface AnnexTable {
  /** A line above the table when an annex holds several (e.g. communes 1-12, 13-24). */
  caption?: string;
  /** A note printed once above the table, e.g. the criterion names behind the numbered columns. */
  legend?: string;
  columns: AnnexColumn[];
  head: HeadCell[][];
  rows: BodyRow[];
}

export interface Annex {
  /** Default form number, e.g. "01" for "Biểu số 01". */
  formNo: string;
  /** Printed in bold capitals. */
  title: string;
  /** E.g. "ĐVT: triệu đồng"; omitted for tables without amounts. */
  unitLine: string | null;
  /** Wide tables print landscape unless the user chooses otherwise. */
  landscape: boolean;
  tables: AnnexTable[];
}

/** Shorthands the table builders share. */
export const col = (align: Align, weight: number): AnnexColumn => ({ align, weight });
export const cell = (text: string, options: Omit<BodyCell, 'text'> = {}): BodyCell => ({ text, ...options });
