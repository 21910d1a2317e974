import { useEffect, useState } from 'react';
import type { MessageKey } from '../shared/i18n';
import { errorText } from './api';
import { TaskProgress } from './components/TaskProgress';
import { FindingsPanel } from './findings/FindingsPanel';
import { FindingsStatus } from './findings/FindingsStatus';
import { useI18n, useT } from './i18n';
import { firstView, useApp, useCurrentPlan, type ViewId } from './store/app';
import { DashboardView } from './views/dashboard/DashboardView';
import { MatrixFocusBar } from './views/dashboard/MatrixFocusBar';
import { DocumentsView } from './views/DocumentsView';
import { ExportView } from './views/export/ExportView';
import { FundingView } from './views/funding/FundingView';
import { ImportView } from './views/import/ImportView';
import { MatrixView } from './views/matrix/MatrixView';
import { PrintView } from './views/print/PrintView';
import { UnitsView } from './views/UnitsView';

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

const VIEWS: Record<ViewId, () => React.JSX.Element> = {
  documents: DocumentsView,
  dashboard: DashboardView,
  units: UnitsView,
  matrix: MatrixView,
  funding: FundingView,
  import: ImportView,
  export: ExportView,
  print: PrintView,
};

export function App() {
  const t = useT();
  const { lang, setLang } = useI18n();
  const { document, view, setView, status, refresh, plans, planId, selectPlan } = useApp();
  const plan = useCurrentPlan();
  const [fatal, setFatal] = useState<string | null>(null);

  useEffect(() => {
    refresh().then(
      () => {
        const state = useApp.getState();
        if (state.document) setView(firstView(state.plans));
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
        <View />
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
