// Where each table is shown, so "go to the cell" opens the right screen.
import type { ViewId } from '../store/app';

const VIEW_OF_TABLE: Record<string, ViewId> = {
  resource_amount: 'funding',
  allocation: 'funding',
  project: 'funding',
  recurrent_amount: 'funding',
  target_indicator: 'funding',
  criterion_mark: 'matrix',
  unit_status: 'matrix',
  indicator_value: 'matrix',
};

export function viewOfTable(table: string): ViewId | null {
  return VIEW_OF_TABLE[table] ?? null;
}
