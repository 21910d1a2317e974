import { AllCommunityModule, ModuleRegistry, themeQuartz } from 'ag-grid-community';

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

/** AG Grid's own texts, in Vietnamese. */
export const gridLocaleVi: Record<string, string> = {
  noRowsToShow: 'Không có dữ liệu',
  loadingOoo: 'Đang tải…',
  page: 'Trang',
  of: 'của',
  to: 'đến',
};
