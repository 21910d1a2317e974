// AG Charts Community in the app's look: registered once, green palette, the app's font, Vietnamese numbers.
import {
  BarSeriesModule,
  CartesianChartModule,
  CategoryAxisModule,
  LegendModule,
  LineSeriesModule,
  ModuleRegistry,
  NumberAxisModule,
  type AgChartThemeOverrides,
} from 'ag-charts-community';
import { formatAmount } from '../../../shared/format/vi';

// Only what the dashboard draws (bars, a line, category and number axes, legends): the first screen
// parses a third of the charts library instead of all of it.
ModuleRegistry.registerModules([CartesianChartModule, BarSeriesModule, LineSeriesModule, CategoryAxisModule, NumberAxisModule, LegendModule]);

/** Series colours: the app's green first, then colours that stay apart in print. */
export const CHART_COLOURS = ['#1f6f43', '#e0a526', '#3f7fbf', '#b3261e', '#7a5cad', '#5b8c5a', '#c46f2c', '#4d9aa3'];

export const chartTheme = {
  baseTheme: 'ag-default',
  palette: { fills: CHART_COLOURS, strokes: CHART_COLOURS },
  overrides: {
    common: {
      title: { fontFamily: 'Segoe UI, Noto Sans, DejaVu Sans, Arial, sans-serif', fontSize: 14, fontWeight: 'bold' },
      legend: { item: { label: { fontFamily: 'Segoe UI, Noto Sans, DejaVu Sans, Arial, sans-serif' } } },
    },
  } satisfies AgChartThemeOverrides,
} as const;

/** Axis and label numbers the Vietnamese way: 205.250; 18,5. */
export const viNumber = ({ value }: { value: unknown }): string => (typeof value === 'number' ? formatAmount(value, 1) : String(value));
