import { lazy, Suspense, useEffect, useState, type ComponentType } from 'react';
import type { MessageKey } from '../shared/i18n';
import { errorText, hold, prefetch } from './api';
import { TaskProgress } from './components/TaskProgress';
import { FindingsPanel } from './findings/FindingsPanel';
import { FindingsStatus } from './findings/FindingsStatus';
import { useI18n, useT } from './i18n';
import { firstView, useApp, useCurrentPlan, type ViewId } from './store/app';
import { dashboardYear } from './views/dashboard/dashboard-year';
import { MatrixFocusBar } from './views/dashboard/MatrixFocusBar';

const NAV: { id: ViewId; label: MessageKey; needsPlan: boolean }[] = [
  { id: 'documents', label: 'nav.documents', needsPlan: false },
  { id: 'dashboard', label: 'nav.dashboard', needsPlan: true },
  { id: 'units', label: 'nav.units', needsPlan: false },
  { id: 'import', label: 'nav.import', needsPlan: false },
  { id: 'matrix', label: 'nav.matrix', needsPlan: true },
  { id: 'funding', label: 'nav.funding', needsPlan: true },
  { id: 'export', label: 'nav.export', needsPlan: true },
  { id: 'print', label: 'nav.print', needsPlan: true },
];

const VIEW_HOLD_MS = 2000;

/**
 * A view loaded the first time it is opened: the dashboard, the first screen, does not wait for the grid
 * code. Until the view has mounted and sent its first requests, background work waits (api.whenQuiet).
 */
function later(load: () => Promise<ComponentType>) {
  return lazy(async () => {
    const mounted = hold();
    const View = await load();
    // A view the user left before it showed stops holding soon after its code is in.
    setTimeout(mounted, VIEW_HOLD_MS);
    return {
      default: function Loaded() {
        useEffect(mounted, []);
        return <View />;
      },
    };
  });
}
// The first screen's code (with the charts) starts loading now, beside the document's first requests.
const dashboard = import('./views/dashboard/DashboardView');

const VIEWS: Record<ViewId, ComponentType> = {
  documents: later(async () => (await import('./views/DocumentsView')).DocumentsView),
  dashboard: later(async () => (await dashboard).DashboardView),
  units: later(async () => (await import('./views/UnitsView')).UnitsView),
  matrix: later(async () => (await import('./views/matrix/MatrixView')).MatrixView),
  funding: later(async () => (await import('./views/funding/FundingView')).FundingView),
  import: later(async () => (await import('./views/import/ImportView')).ImportView),
  export: later(async () => (await import('./views/export/ExportView')).ExportView),
  print: later(async () => (await import('./views/print/PrintView')).PrintView),
};

export function App() {
  const t = useT();
  const { lang, setLang } = useI18n();
  const { document, view, setView, status, refresh, plans, planId, selectPlan } = useApp();
  const plan = useCurrentPlan();
  const [fatal, setFatal] = useState<string | null>(null);
  // No view is shown before the document is known, so the first one opened is the one that stays.
  const [ready, setReady] = useState(false);

  useEffect(() => {
    refresh().then(
      () => {
        const state = useApp.getState();
        if (state.document) setView(firstView(state.plans));
        const plan = state.plans.find((p) => p.id === state.planId);
        if (useApp.getState().view === 'dashboard' && plan) prefetch('dashboard.get', { planId: plan.id, year: dashboardYear(plan) });
        setReady(true);
      },
      (error: unknown) => setFatal(errorText(error)),
    );
  }, [refresh, setView]);

  if (fatal) return <div className="fatal">{fatal}</div>;
  const View = VIEWS[view];

  return (
    <div className="shell">
      <header className="topbar">
        <div className="brand">
          <strong>{t('app.title')}</strong>
          <span>{t('app.subtitle')}</span>
        </div>
        <nav>
          {NAV.map((item) => (
            <button key={item.id} className={view === item.id ? 'active' : ''} disabled={!document || (item.needsPlan && !plan)} onClick={() => setView(item.id)}>
              {t(item.label)}
            </button>
          ))}
        </nav>
        <div className="topbar-right">
          {plans.length > 0 && (
            <select aria-label={t('plan.pick')} value={planId ?? ''} onChange={(e) => selectPlan(Number(e.target.value))}>
              {plans.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          )}
          <select aria-label={t('common.language')} value={lang} onChange={(e) => setLang(e.target.value as 'vi' | 'en')}>
            <option value="vi">Tiếng Việt</option>
            <option value="en">English</option>
          </select>
        </div>
      </header>
      <main>
        {view === 'matrix' && <MatrixFocusBar />}
        {ready && (
          <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
            <View />
          </Suspense>
        )}
      </main>
      <FindingsPanel />
      <footer className={`statusbar ${status.kind}`} role="status">
        <span>{document ? document.path : t('error.noDocument')}</span>
        <FindingsStatus />
        <TaskProgress />
        <span>{status.text}</span>
      </footer>
    </div>
  );
}
