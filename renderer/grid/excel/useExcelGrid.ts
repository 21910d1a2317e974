import type {
  CellClassParams,
  CellEditRequestEvent,
  CellFocusedEvent,
  CellMouseDownEvent,
  CellMouseOverEvent,
  ColDef,
  Column,
  GridApi,
  GridReadyEvent,
  IRowNode,
  ITooltipParams,
  SuppressKeyboardEventParams,
} from 'ag-grid-community';
import type { AgGridReactProps } from 'ag-grid-react';
import { useEffect, useMemo, useRef, type ClipboardEvent as ReactClipboardEvent, type RefObject } from 'react';
import { translate, type MessageKey } from '../../../shared/i18n';
import { useI18n } from '../../i18n';
import { useApp } from '../../store/app';
import { applyEdit, redo, undo, whenIdle } from '../../store/edits';
import { gridLocaleVi, gridTheme } from '../setup';
import { bounds, cellsOf, contains, extend, isSingleCell, type CellIndex, type CellRange, type RangeBounds } from './range';
import { parseTsv, toTsv } from './tsv';
import type { CellFinding, CellWrite, Change, ExcelColumn } from './types';

export interface ExcelGridOptions<Row> {
  getRowId(row: Row): string;
  /** The editable columns, by colId; every other column is read-only. */
  columns: Readonly<Record<string, ExcelColumn<Row>>>;
  /** Whether one cell of an editable column may be edited (default: yes). */
  isEditable?(row: Row, colId: string): boolean;
  /** The database changes for cells the user changed; they are saved as one undo step. */
  toChanges(cells: CellWrite<Row>[]): Change[];
  /** A finding to show on a cell (class, icon and tooltip). */
  cellFinding?(rowId: string, colId: string): CellFinding | null;
  /** Change this number when findings change, to repaint the visible cells. */
  findingsVersion?: number;
  /** The row of the focused cell (null for none or a pinned row), for toolbars acting on "this row". */
  onFocusedRow?(row: Row | null): void;
  /** Merged into the grid's column defaults; pass one stable object (e.g. FIXED_COLUMNS), not a literal. */
  defaultColDef?: ColDef<Row>;
}

export interface ExcelGrid<Row> {
  /** Spread on the element wrapping <AgGridReact>: it receives copy and paste. */
  containerProps: {
    ref: RefObject<HTMLDivElement | null>;
    onCopy(event: ReactClipboardEvent<HTMLDivElement>): void;
    onPaste(event: ReactClipboardEvent<HTMLDivElement>): void;
  };
  /** Spread on <AgGridReact>. Column defs should not set cellClassRules (use cellClass). */
  gridProps: Partial<AgGridReactProps<Row>>;
  api(): GridApi<Row> | null;
}

interface Target {
  row: number;
  col: number;
  text: string;
}

const ARROWS: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

const say = (key: MessageKey, params?: Record<string, string | number>) => translate(useI18n.getState().lang, key, params);
const report = (kind: 'error' | 'saved' | 'idle', text: string) => useApp.getState().setStatus({ kind, text });

/**
 * Excel habits on an AG Grid Community grid driven by a store: the grid never changes its own data
 * (readOnlyEdit); every edit, paste, fill, clear and toggle becomes Change[] saved as one undo step.
 */
export function useExcelGrid<Row>(options: ExcelGridOptions<Row>): ExcelGrid<Row> {
  const opts = useRef(options);
  opts.current = options;
  const apiRef = useRef<GridApi<Row> | null>(null);
  const containerRef = useRef<HTMLDivElement | null>(null);
  const rangeRef = useRef<CellRange | null>(null);
  const colIndex = useRef(new Map<string, number>());
  const dragging = useRef(false);

  const controller = useMemo(() => {
    // A grid torn down (its view or mode left) is never driven again: its DOM is gone.
    const api = () => (apiRef.current?.isDestroyed() === false ? apiRef.current : null);
    const columns = (): Column[] => api()?.getAllDisplayedColumns() ?? [];
    const rowCount = () => api()?.getDisplayedRowCount() ?? 0;
    const indexColumns = () => {
      colIndex.current = new Map(columns().map((c, i) => [c.getColId(), i]));
    };

    const setRange = (next: CellRange | null) => {
      const previous = rangeRef.current;
      rangeRef.current = next;
      repaint([previous, next]);
    };

    /** Re-evaluate the range classes on the rows and columns the old and new ranges cover. */
    const repaint = (ranges: (CellRange | null)[]) => {
      const grid = api();
      if (!grid) return;
      const all = ranges.filter((r): r is CellRange => r !== null).map(bounds);
      if (all.length === 0) return;
      const top = Math.min(...all.map((b) => b.top));
      const bottom = Math.max(...all.map((b) => b.bottom));
      const rowNodes: IRowNode<Row>[] = [];
      for (let i = top; i <= bottom; i++) {
        const node = grid.getDisplayedRowAtIndex(i);
        if (node) rowNodes.push(node);
      }
      grid.refreshCells({ rowNodes, force: true, suppressFlash: true });
    };

    const cellText = (index: CellIndex): string => {
      const grid = api();
      const node = grid?.getDisplayedRowAtIndex(index.row);
      const column = columns()[index.col];
      if (!grid || !node || !column) return '';
      const value = grid.getCellValue({ rowNode: node, colKey: column, useFormatter: true });
      return value === null || value === undefined ? '' : String(value);
    };

    const currentBounds = (): RangeBounds | null => (rangeRef.current ? bounds(rangeRef.current) : null);

    /** Parse each target's text with its column and save what parses as one step; report the rest. */
    const writeTexts = async (targets: Target[], labelKey: MessageKey, quietReadOnly: boolean) => {
      const grid = api();
      if (!grid) return;
      const cols = columns();
      const writes: CellWrite<Row>[] = [];
      const refused: string[] = [];
      for (const target of targets) {
        const node = grid.getDisplayedRowAtIndex(target.row);
        const column = cols[target.col];
        if (!node?.data || !column || node.id === undefined) continue;
        const colId = column.getColId();
        const spec = opts.current.columns[colId];
        const where = () => say('grid.cellAt', { row: target.row + 1, col: column.getColDef().headerName ?? colId });
        if (!spec || opts.current.isEditable?.(node.data, colId) === false) {
          if (!quietReadOnly) refused.push(say('edits.cellRefused', { cell: where(), reason: say('edits.readOnlyCell') }));
          continue;
        }
        const parsed = spec.parse(target.text, node.data);
        if ('error' in parsed) refused.push(say('edits.cellRefused', { cell: where(), reason: parsed.error }));
        else writes.push({ row: node.data, rowId: node.id, colId, value: parsed.value });
      }
      await save(writes, say(labelKey, { count: writes.length }));
      if (refused.length > 0) report('error', say('edits.pasteRefused', { count: refused.length, first: refused[0] ?? '' }));
    };

    const save = async (writes: CellWrite<Row>[], label: string) => {
      if (writes.length === 0) return;
      try {
        await applyEdit(label, opts.current.toChanges(writes));
      } catch {
        // applyEdit has already put the reason in the status bar; the grid still shows the saved data.
      }
    };

    const paste = (text: string, b: RangeBounds) => {
      const block = parseTsv(text);
      if (block.length === 0) return;
      const maxRow = rowCount() - 1;
      const maxCol = columns().length - 1;
      const targets: Target[] = [];
      const single = block.length === 1 && block[0]?.length === 1;
      if (single) {
        for (const cell of cellsOf(b)) targets.push({ ...cell, text: block[0]?.[0] ?? '' });
      } else {
        block.forEach((cells, i) => cells.forEach((text, j) => targets.push({ row: b.top + i, col: b.left + j, text })));
      }
      const inside = targets.filter((t) => t.row <= maxRow && t.col <= maxCol);
      if (!single && inside.length > 0) {
        const last = inside[inside.length - 1] as Target;
        const width = Math.max(...block.map((r) => r.length));
        setRange({ anchor: { row: b.top, col: b.left }, extent: { row: last.row, col: Math.min(maxCol, b.left + width - 1) } });
      }
      void writeTexts(inside, 'edits.label.paste', false);
    };

    const copy = (): string | null => {
      const b = currentBounds();
      if (!b) return null;
      const rows: string[][] = [];
      for (let row = b.top; row <= b.bottom; row++) {
        const cells: string[] = [];
        for (let col = b.left; col <= b.right; col++) cells.push(cellText({ row, col }));
        rows.push(cells);
      }
      report('idle', say('edits.copied', { count: (b.bottom - b.top + 1) * (b.right - b.left + 1) }));
      return toTsv(rows);
    };

    /** Run an edit after the ones already sent, on the range as it was when the user acted. */
    const later = (op: (b: RangeBounds) => unknown) => {
      // AG Grid hands us cellMouseDown and cellFocused asynchronously: let a click made just before this
      // key or paste move the range first, then take the range.
      setTimeout(() => {
        const b = currentBounds();
        if (b) void whenIdle().then(() => op(b));
      }, 0);
    };

    /** Ctrl+D: the top row of the range into the rows below it, or the row above into a one-row range. */
    const fillDown = (b: RangeBounds) => {
      const source = b.top === b.bottom ? b.top - 1 : b.top;
      if (source < 0) return;
      const targets: Target[] = [];
      for (let col = b.left; col <= b.right; col++) {
        const text = cellText({ row: source, col });
        for (let row = source + 1; row <= b.bottom; row++) targets.push({ row, col, text });
      }
      void writeTexts(targets, 'edits.label.fill', true);
    };

    const clear = (b: RangeBounds) => writeTexts(cellsOf(b).map((c) => ({ ...c, text: '' })), 'edits.label.clear', true);

    const canToggle = (): boolean => {
      const b = currentBounds();
      const cols = columns();
      return b !== null && cellsOf(b).some(({ col }) => opts.current.columns[cols[col]?.getColId() ?? '']?.toggle !== undefined);
    };

    /** Space on marks: each toggleable cell of the range flips. */
    const toggle = (b: RangeBounds) => {
      const grid = api();
      if (!grid) return;
      const cols = columns();
      const writes: CellWrite<Row>[] = [];
      for (const { row, col } of cellsOf(b)) {
        const node = grid.getDisplayedRowAtIndex(row);
        const colId = cols[col]?.getColId() ?? '';
        const spec = opts.current.columns[colId];
        if (!node?.data || node.id === undefined || !spec?.toggle || opts.current.isEditable?.(node.data, colId) === false) continue;
        writes.push({ row: node.data, rowId: node.id, colId, value: spec.toggle(node.data) });
      }
      return save(writes, say('edits.label.toggle', { count: writes.length }));
    };

    const extendBy = (dRow: number, dCol: number) => {
      const range = rangeRef.current;
      if (!range) return;
      const next = extend(range, dRow, dCol, rowCount(), columns().length);
      setRange(next);
      const grid = api();
      grid?.ensureIndexVisible(next.extent.row);
      const column = columns()[next.extent.col];
      if (column) grid?.ensureColumnVisible(column);
    };

    /** Keys we own; returning true keeps the grid from acting on them too. */
    const onKey = (params: SuppressKeyboardEventParams<Row>): boolean => {
      const e = params.event;
      if (params.editing || e.type !== 'keydown' || params.node.rowPinned) return false;
      // The key was pressed on this cell: a range that does not hold it is older than a focus move whose
      // event AG Grid has not delivered yet (input runs before timers), so the range follows the key.
      const col = colIndex.current.get(params.column.getColId());
      const row = params.node.rowIndex;
      if (col !== undefined && row !== null && !contains(rangeRef.current, row, col)) setRange({ anchor: { row, col }, extent: { row, col } });
      const ctrl = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (ctrl && !e.altKey) {
        if (key === 'z' && !e.shiftKey) return run(e, () => void undo().catch(() => undefined));
        if (key === 'y' || (key === 'z' && e.shiftKey)) return run(e, () => void redo().catch(() => undefined));
        if (key === 'd') return run(e, () => later(fillDown));
        // Let the browser raise copy and paste events, which the container handles.
        return key === 'c' || key === 'v' || key === 'x';
      }
      const arrow = ARROWS[e.key];
      if (arrow && e.shiftKey) return run(e, () => extendBy(arrow[0], arrow[1]));
      if (e.key === 'Delete') return run(e, () => later(clear));
      if (e.key === ' ' && !e.shiftKey && canToggle()) return run(e, () => later(toggle));
      return false;
    };

    const run = (e: KeyboardEvent, action: () => void): true => {
      e.preventDefault();
      action();
      return true;
    };

    const onFocused = (event: CellFocusedEvent<Row>) => {
      const focusedRow = event.rowIndex === null || event.rowIndex === undefined || event.rowPinned ? null : event.api.getDisplayedRowAtIndex(event.rowIndex);
      opts.current.onFocusedRow?.(focusedRow?.data ?? null);
      if (dragging.current) return;
      const colId = typeof event.column === 'string' ? event.column : event.column?.getColId();
      if (event.rowIndex === null || event.rowIndex === undefined || event.rowPinned || colId === undefined) return setRange(null);
      const col = colIndex.current.get(colId);
      if (col === undefined) return;
      const here = { row: event.rowIndex, col };
      const range = rangeRef.current;
      if (range && isSingleCell(range) && range.anchor.row === here.row && range.anchor.col === here.col) return;
      setRange({ anchor: here, extent: here });
    };

    const onMouseDown = (event: CellMouseDownEvent<Row>) => {
      const mouse = event.event as MouseEvent | null | undefined;
      if (event.rowIndex === null || event.node.rowPinned || (mouse && mouse.button !== 0)) return;
      const col = colIndex.current.get(event.column.getColId());
      if (col === undefined) return;
      const here = { row: event.rowIndex, col };
      dragging.current = true;
      setRange(mouse?.shiftKey && rangeRef.current ? { anchor: rangeRef.current.anchor, extent: here } : { anchor: here, extent: here });
    };

    const onMouseOver = (event: CellMouseOverEvent<Row>) => {
      const range = rangeRef.current;
      if (!dragging.current || !range || event.rowIndex === null || event.node.rowPinned) return;
      const col = colIndex.current.get(event.column.getColId());
      if (col === undefined || (range.extent.row === event.rowIndex && range.extent.col === col)) return;
      setRange({ anchor: range.anchor, extent: { row: event.rowIndex, col } });
    };

    const onEditRequest = (event: CellEditRequestEvent<Row>) => {
      const colId = event.column.getColId();
      const rowIndex = event.node.rowIndex;
      const col = colIndex.current.get(colId);
      if (rowIndex === null || col === undefined) return;
      const text = event.newValue === null || event.newValue === undefined ? '' : String(event.newValue);
      void writeTexts([{ row: rowIndex, col, text }], 'edits.label.edit', false);
    };

    const inRange = (params: CellClassParams<Row>) => {
      const range = rangeRef.current;
      if (!range || isSingleCell(range) || params.node.rowPinned || params.node.rowIndex === null) return false;
      return contains(range, params.node.rowIndex, colIndex.current.get(params.column.getColId()) ?? -1);
    };
    const finding = (params: { node: IRowNode<Row> | null; column: Column | { getColId(): string } }) => {
      const id = params.node?.id;
      return id === undefined || params.node?.rowPinned ? null : (opts.current.cellFinding?.(id, params.column.getColId()) ?? null);
    };

    return {
      api,
      indexColumns,
      later,
      paste,
      copy,
      onKey,
      onFocused,
      onMouseDown,
      onMouseOver,
      onEditRequest,
      cellClassRules: {
        'xl-in-range': inRange,
        'xl-finding-error': (p: CellClassParams<Row>) => finding(p)?.severity === 'error',
        'xl-finding-warning': (p: CellClassParams<Row>) => finding(p)?.severity === 'warning',
      },
      tooltip: (p: ITooltipParams<Row>) => (p.column && 'getColId' in p.column ? (finding({ node: p.node ?? null, column: p.column })?.message ?? undefined) : undefined),
    };
  }, []);

  useEffect(() => {
    const stop = () => {
      dragging.current = false;
    };
    document.addEventListener('mouseup', stop);
    return () => document.removeEventListener('mouseup', stop);
  }, []);

  useEffect(() => {
    controller.api()?.refreshCells({ force: true, suppressFlash: true });
  }, [options.findingsVersion]);

  const userDefault = options.defaultColDef;
  const defaultColDef = useMemo<ColDef<Row>>(
    () => ({
      ...userDefault,
      editable: (p) => {
        const colId = p.column.getColId();
        return !p.node.rowPinned && p.data !== undefined && colId in opts.current.columns && opts.current.isEditable?.(p.data, colId) !== false;
      },
      suppressKeyboardEvent: controller.onKey,
      cellClassRules: controller.cellClassRules,
      tooltipValueGetter: controller.tooltip,
    }),
    [controller, userDefault],
  );

  // One object for the grid's life: new callbacks on every render would be new grid options to AG Grid.
  const gridProps = useMemo<Partial<AgGridReactProps<Row>>>(
    () => ({
      theme: gridTheme,
      localeText: gridLocaleVi,
      readOnlyEdit: true,
      getRowId: (p) => opts.current.getRowId(p.data),
      defaultColDef,
      enterNavigatesVertically: true,
      enterNavigatesVerticallyAfterEdit: true,
      stopEditingWhenCellsLoseFocus: true,
      tooltipShowDelay: 300,
      // A tooltip still open when its grid is torn down (a tab or mode switch) is positioned against its
      // popup parent; the grid's own element is gone by then, the page's body never is.
      popupParent: document.body,
      onGridReady: (e: GridReadyEvent<Row>) => {
        apiRef.current = e.api;
        controller.indexColumns();
      },
      onDisplayedColumnsChanged: controller.indexColumns,
      onCellFocused: controller.onFocused,
      onCellMouseDown: controller.onMouseDown,
      onCellMouseOver: controller.onMouseOver,
      onCellEditRequest: controller.onEditRequest,
    }),
    [controller, defaultColDef],
  );

  const editing = () => (controller.api()?.getEditingCells().length ?? 0) > 0;
  return {
    api: controller.api,
    gridProps,
    containerProps: {
      ref: containerRef,
      onCopy: (event) => {
        if (editing()) return;
        const text = controller.copy();
        if (text === null) return;
        event.preventDefault();
        event.clipboardData.setData('text/plain', text);
      },
      onPaste: (event) => {
        if (editing()) return;
        const text = event.clipboardData.getData('text/plain');
        if (!text) return;
        event.preventDefault();
        controller.later((b) => controller.paste(text, b));
      },
    },
  };
}
