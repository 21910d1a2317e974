import './dashboard.css';
import './chart-setup';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { dashboardYear } from './dashboard-year';
import type { DashboardData } from '../../../shared/api/dashboard';
import { call } from '../../api';
import { useFindings } from '../../findings/store';
import { useI18n, useT } from '../../i18n';
import { useApp, useCurrentPlan } from '../../store/app';
import { ChartCard } from './ChartCard';
import { dashboardCharts, type BarClick } from './chart-options';
import { findingsByTable } from './findings-by-table';
import { NarrativePanel } from './NarrativePanel';

/** The first screen of a document: the plan at a glance, and its paragraphs written from the figures. */
export function DashboardView() {
  const t = useT();
  const lang = useI18n((s) => s.lang);
  const plan = useCurrentPlan();
  const { run, focusMatrix } = useApp();
  const [data, setData] = useState<DashboardData | null>(null);
  const [picked, setPicked] = useState<number | null>(null);
  const year = plan ? dashboardYear(plan, picked) : null;

  useEffect(() => {
    if (!plan || year === null) return;
    setData(null);
    void run(async () => setData(await call('dashboard.get', { planId: plan.id, year })));
  }, [plan, year, run]);

  const openBar = useCallback(
    (click: BarClick) =>
      void run(async () => {
        if (!plan || year === null) return;
        const units = click.units ?? (await call('dashboard.units', { planId: plan.id, year, side: click.side, bucket: click.bucket, criterionNo: click.criterionNo }));
        focusMatrix({ side: click.side, label: click.label, criterionNo: click.criterionNo, unitIds: units.map((u) => u.id), unitNames: units.map((u) => u.name) });
      }),
    [plan, year, run, focusMatrix],
  );

  // The live findings of the status bar (validated in the renderer as the user edits), null while they load.
  const findingsPlan = useFindings((s) => (s.loading ? null : s.planId));
  const allFindings = useFindings((s) => s.findings);
  const findings = useMemo(() => (plan && findingsPlan === plan.id ? findingsByTable(allFindings) : null), [plan, findingsPlan, allFindings]);

  // Rebuilt when the language changes: titles and series names are translated.
  const charts = useMemo(() => (data ? dashboardCharts(data, findings, t, openBar) : []), [data, findings, lang, openBar]);

  if (!plan || year === null) return <p className="page muted">{t('plan.none')}</p>;
  if (!data) return <p className="page muted">{t('common.loading')}</p>;

  return (
    <div className="page dashboard">
      <h2>
        {t('dashboard.title')} — {plan.name}
      </h2>
      <div className="row dashboard-head">
        {plan.yearEnd > plan.yearStart && (
          <label className="field">
            <span>{t('dashboard.year')}</span>
            <select aria-label={t('dashboard.year')} value={year} onChange={(e) => setPicked(Number(e.target.value))}>
              {Array.from({ length: plan.yearEnd - plan.yearStart + 1 }, (_, i) => plan.yearStart + i).map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
        )}
        <p className="muted">{t('dashboard.clickHint')}</p>
      </div>
      <div className="chart-grid">
        {charts.map((spec) => (
          <ChartCard key={spec.id} spec={spec} fileName={`${spec.id}-${data.year}.png`} />
        ))}
      </div>
      <NarrativePanel planId={plan.id} year={year} />
    </div>
  );
}
