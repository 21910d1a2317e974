// "Go to the cell" for a grid: when the panel asks for a cell of `table`, scroll to it and focus it.
import type { GridApi } from 'ag-grid-community';
import { useEffect } from 'react';
import { useFindings } from './store';

/** Frames to wait for a grid that is still mounting (the panel may have just switched screens). */
const MAX_FRAMES = 60;

export function useFindingFocus<Row>(
  table: string,
  api: () => GridApi<Row> | null,
  locate: (key: readonly (string | number)[], field: string) => { rowId: string; colId: string } | null,
): void {
  const focus = useFindings((s) => s.focus);
  useEffect(() => {
    if (!focus || focus.target.table !== table) return;
    let frames = 0;
    let handle = 0;
    const attempt = () => {
      const grid = api();
      const at = locate(focus.target.key, focus.target.field);
      const node = grid && at ? grid.getRowNode(at.rowId) : undefined;
      if (grid && at && node && node.rowIndex !== null) {
        grid.ensureIndexVisible(node.rowIndex);
        grid.ensureColumnVisible(at.colId);
        grid.setFocusedCell(node.rowIndex, at.colId);
        return;
      }
      if (++frames < MAX_FRAMES) handle = requestAnimationFrame(attempt);
    };
    attempt();
    return () => cancelAnimationFrame(handle);
    // Only a new request moves the focus; `locate` and `api` change on every render.
  }, [focus, table]);
}
