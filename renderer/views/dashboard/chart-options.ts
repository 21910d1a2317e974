// Options of the dashboard's charts, built from `dashboard.get`. Bars that stand for communes carry
// their unit ids, so a click can open those rows in the matrix.
import type { AgCartesianChartOptions, AgChartOptions } from 'ag-charts-community';
import type { ChartId, DashboardData } from '../../../shared/api/dashboard';
import { formatAmount } from '../../../shared/format/vi';
import type { MessageKey, MessageParams } from '../../../shared/i18n';
import { chartTheme, viNumber } from './chart-setup';
import type { TableFindings } from './findings-by-table';

type T = (key: MessageKey, params?: MessageParams) => string;

/** What a clicked bar stands for: a bucket or a criterion on one side, or the communes themselves. */
export interface BarClick {
  side: 'actual' | 'planned';
  label: string;
  bucket?: string;
  criterionNo?: number;
  units?: { id: number; name: string }[];
}

export interface ChartSpec {
  id: ChartId;
  options: AgChartOptions;
  /** Data points drawn; 0 shows the card's empty message instead of a chart. */
  points: number;
  empty: string;
}

interface SideRow {
  category: string;
  actual: number;
  planned: number;
  bucket?: string;
  criterionNo?: number;
}

const tooltip = { renderer: ({ datum, xKey, yKey, title }: { datum: Record<string, unknown>; xKey: string; yKey: string; title?: string }) => ({ heading: String(datum[xKey]), data: [{ label: title ?? '', value: formatAmount(Number(datum[yKey]), 1) }] }) };

function base(title: string, data: unknown[]): Pick<AgCartesianChartOptions, 'title' | 'data' | 'theme' | 'animation'> {
  // Animations off: the chart is complete when drawn, for saving as PNG and for printing.
  return { title: { text: title }, data, theme: chartTheme, animation: { enabled: false } };
}

function sideChart(id: ChartId, title: string, rows: SideRow[], data: DashboardData, t: T, onBar: (click: BarClick) => void, focusKey: 'dashboard.focus.bucket' | 'dashboard.focus.criterion'): ChartSpec {
  const actualName = t('dashboard.actualSeries', { year: String(data.actualYear) });
  const planName = t('dashboard.planSeries', { year: String(data.year) });
  const hasPlan = rows.some((r) => r.planned > 0);
  const options: AgCartesianChartOptions = {
    ...base(title, rows),
    series: [
      { type: 'bar', id: 'actual', xKey: 'category', yKey: 'actual', yName: actualName, tooltip },
      ...(hasPlan ? [{ type: 'bar' as const, id: 'planned', xKey: 'category', yKey: 'planned', yName: planName, tooltip }] : []),
    ],
    axes: {
      x: { type: 'category', position: 'bottom' },
      y: { type: 'number', position: 'left', title: { text: t('dashboard.communes') }, label: { formatter: viNumber } },
    },
    listeners: {
      seriesNodeClick: ({ seriesId, datum }) => {
        const row = datum as SideRow;
        const side = seriesId === 'planned' ? 'planned' : 'actual';
        const sideLabel = side === 'planned' ? planName : actualName;
        const label = t(focusKey, { label: row.category, no: String(row.criterionNo ?? ''), side: sideLabel });
        onBar({ side, label, bucket: row.bucket, criterionNo: row.criterionNo });
      },
    },
  };
  return { id, options, points: rows.some((r) => r.actual > 0 || r.planned > 0) ? rows.length : 0, empty: t('dashboard.noData') };
}

/** `findings` is null while the plan's validation still runs. */
export function dashboardCharts(data: DashboardData, findings: TableFindings[] | null, t: T, onBar: (click: BarClick) => void): ChartSpec[] {
  const bucketRows: SideRow[] = data.buckets.map((b) => ({ category: b.label, bucket: b.label, actual: b.actual, planned: b.planned }));
  const criterionRows: SideRow[] = data.criteria.map((c) => ({ category: String(c.no), criterionNo: c.no, actual: c.actual, planned: c.planned }));
  return [
    sideChart('buckets', t('dashboard.chart.buckets'), bucketRows, data, t, onBar, 'dashboard.focus.bucket'),
    sideChart('criteria', t('dashboard.chart.criteria'), criterionRows, data, t, onBar, 'dashboard.focus.criterion'),
    progressChart(data, t),
    resourcesChart(data, t),
    investmentChart(data, t, onBar),
    findingsChart(findings, t),
  ];
}

function progressChart(data: DashboardData, t: T): ChartSpec {
  const rows = data.progress.map((p) => ({ year: String(p.year), fullyMet: p.fullyMet, average: p.average }));
  const options: AgCartesianChartOptions = {
    ...base(t('dashboard.chart.progress'), rows),
    series: [
      { type: 'bar', xKey: 'year', yKey: 'fullyMet', yName: t('dashboard.progress.fullyMet'), tooltip },
      { type: 'line', xKey: 'year', yKey: 'average', yName: t('dashboard.progress.average'), tooltip },
    ],
    axes: { x: { type: 'category', position: 'bottom' }, y: { type: 'number', position: 'left', label: { formatter: viNumber } } },
  };
  return { id: 'progress', options, points: rows.length >= 2 ? rows.length : 0, empty: t('dashboard.progress.oneYear') };
}

function resourcesChart(data: DashboardData, t: T): ChartSpec {
  const options: AgCartesianChartOptions = {
    ...base(t('dashboard.chart.resources', { year: String(data.year) }), data.resources),
    series: [{ type: 'bar', direction: 'horizontal', xKey: 'label', yKey: 'amount', yName: t('dashboard.million'), tooltip }],
    axes: {
      x: { type: 'category', position: 'left' },
      y: { type: 'number', position: 'bottom', title: { text: t('dashboard.million') }, label: { formatter: viNumber } },
    },
  };
  return { id: 'resources', options, points: data.resources.length, empty: t('dashboard.noData') };
}

/** More communes than this and the chart shows the largest ones only: 3,321 bars say nothing. */
const MAX_COMMUNE_BARS = 20;

function investmentChart(data: DashboardData, t: T, onBar: (click: BarClick) => void): ChartSpec {
  const largest = data.investment.length > MAX_COMMUNE_BARS;
  const rows = largest ? [...data.investment].sort((a, b) => b.amount - a.amount).slice(0, MAX_COMMUNE_BARS) : data.investment;
  const title = t(largest ? 'dashboard.chart.investmentLargest' : 'dashboard.chart.investment', { year: String(data.year), count: MAX_COMMUNE_BARS });
  const options: AgCartesianChartOptions = {
    ...base(title, rows),
    series: [{ type: 'bar', xKey: 'name', yKey: 'amount', yName: t('dashboard.million'), tooltip }],
    axes: {
      x: { type: 'category', position: 'bottom' },
      y: { type: 'number', position: 'left', title: { text: t('dashboard.million') }, label: { formatter: viNumber } },
    },
    listeners: {
      seriesNodeClick: ({ datum }) => {
        const row = datum as DashboardData['investment'][number];
        onBar({ side: 'actual', label: t('dashboard.focus.commune', { name: row.name }), units: [{ id: row.unitId, name: row.name }] });
      },
    },
  };
  return { id: 'investment', options, points: rows.length, empty: t('dashboard.noData') };
}

function findingsChart(findings: TableFindings[] | null, t: T): ChartSpec {
  const rows = findings ?? [];
  const options: AgCartesianChartOptions = {
    ...base(t('dashboard.chart.findings'), rows),
    series: [{ type: 'bar', xKey: 'label', yKey: 'count', yName: t('dashboard.chart.findings'), tooltip }],
    axes: { x: { type: 'category', position: 'bottom' }, y: { type: 'number', position: 'left', label: { formatter: viNumber } } },
  };
  return { id: 'findings', options, points: rows.length, empty: findings === null ? t('common.loading') : t('dashboard.findings.none') };
}
