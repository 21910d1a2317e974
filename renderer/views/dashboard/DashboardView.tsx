import './dashboard.css';
import './chart-setup';
import { useEffect, useMemo, useState } from 'react';
import type { DashboardData } from '../../../shared/api/dashboard';
import { call } from '../../api';
import { useI18n, useT } from '../../i18n';
import { useApp, useCurrentPlan } from '../../store/app';
import { ChartCard } from './ChartCard';
import { dashboardCharts } from './chart-options';
import { NarrativePanel } from './NarrativePanel';

/** The first screen of a document: the plan at a glance, and its paragraphs written from the figures. */
export function DashboardView() {
  const t = useT();
  const lang = useI18n((s) => s.lang);
  const plan = useCurrentPlan();
  const { run, focusMatrix } = useApp();
  const [data, setData] = useState<DashboardData | null>(null);

  useEffect(() => {
    if (!plan) return;
    setData(null);
    void run(async () => setData(await call('dashboard.get', { planId: plan.id })));
  }, [plan, run]);

  // Rebuilt when the language changes: titles and series names are translated.
  const charts = useMemo(() => (data ? dashboardCharts(data, t, focusMatrix) : []), [data, lang, focusMatrix]);

  if (!plan) return <p className="page muted">{t('plan.none')}</p>;
  if (!data) return <p className="page muted">{t('common.loading')}</p>;

  return (
    <div className="page dashboard">
      <h2>
        {t('dashboard.title')} — {plan.name}
      </h2>
      <p className="muted">{t('dashboard.clickHint')}</p>
      <div className="chart-grid">
        {charts.map((spec) => (
          <ChartCard key={spec.id} spec={spec} fileName={`${spec.id}-${data.year}.png`} />
        ))}
      </div>
      <NarrativePanel planId={plan.id} />
    </div>
  );
}
