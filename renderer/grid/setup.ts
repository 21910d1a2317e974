import { AllCommunityModule, ModuleRegistry, themeQuartz, type ColDef } from 'ag-grid-community';

ModuleRegistry.registerModules([AllCommunityModule]);

/** The one grid theme of the app. */
export const gridTheme = themeQuartz.withParams({
  fontFamily: 'inherit',
  fontSize: 13,
  headerFontWeight: 600,
  rowHeight: 30,
  headerHeight: 32,
  accentColor: '#1f6f43',
  wrapperBorderRadius: 4,
});

/**
 * Columns of a form's matrix stay where the form puts them. One object for every grid: a new one per
 * render would make AG Grid rebuild every column and header on each edit.
 */
export const FIXED_COLUMNS: ColDef = Object.freeze({ sortable: false, resizable: true, suppressMovable: true });

/** AG Grid's own texts, in Vietnamese. */
export const gridLocaleVi: Record<string, string> = {
  noRowsToShow: 'Không có dữ liệu',
  loadingOoo: 'Đang tải…',
  page: 'Trang',
  of: 'của',
  to: 'đến',
};
