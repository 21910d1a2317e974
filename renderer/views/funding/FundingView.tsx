// The funding screen of a plan: one tab per table, the plan year, and the cross-table checks.
import { useEffect, useState } from 'react';
import type { MessageKey } from '../../../shared/i18n';
import { useT } from '../../i18n';
import { useFindings } from '../../findings/store';
import { useCurrentPlan } from '../../store/app';
import { AllocationGrid } from './AllocationGrid';
import { ChecksList, useFundingChecks } from './checks';
import { ModelSitesGrid } from './ModelSitesGrid';
import { ProjectsGrid } from './ProjectsGrid';
import { RecurrentGrid } from './RecurrentGrid';
import { ResourcesGrid } from './ResourcesGrid';
import { SourcesGrid } from './SourcesGrid';
import { TargetsView } from './TargetsView';
import './funding.css';

type Tab = 'resources' | 'projects' | 'allocation' | 'recurrent' | 'targets' | 'modelSites' | 'sources';
const TABS: { id: Tab; label: MessageKey }[] = [
  { id: 'resources', label: 'funding.tab.resources' },
  { id: 'projects', label: 'funding.tab.projects' },
  { id: 'allocation', label: 'funding.tab.allocation' },
  { id: 'recurrent', label: 'funding.tab.recurrent' },
  { id: 'targets', label: 'funding.tab.targets' },
  { id: 'modelSites', label: 'funding.tab.modelSites' },
  { id: 'sources', label: 'funding.tab.sources' },
];

/** The tab showing each table a finding may point at. */
const TAB_OF_TABLE: Record<string, Tab> = {
  resource_amount: 'resources',
  project: 'projects',
  allocation: 'allocation',
  recurrent_amount: 'recurrent',
  target_indicator: 'targets',
};

/** The tab shown when the screen is opened again. */
let lastTab: Tab = 'resources';

export function FundingView() {
  const t = useT();
  const plan = useCurrentPlan();
  const [tab, setShownTab] = useState<Tab>(lastTab);
  const setTab = (next: Tab) => {
    lastTab = next;
    setShownTab(next);
  };
  const [pickedYear, setYear] = useState<number | null>(null);
  const year = plan && pickedYear !== null && pickedYear >= plan.yearStart && pickedYear <= plan.yearEnd ? pickedYear : (plan?.yearStart ?? 0);
  const focus = useFindings((s) => s.focus);
  useEffect(() => {
    const next = focus ? TAB_OF_TABLE[focus.target.table] : undefined;
    if (!focus || !next) return;
    setTab(next);
    const year = focus.target.table === 'resource_amount' || focus.target.table === 'allocation' ? focus.target.key[1] : undefined;
    if (typeof year === 'number') setYear(year);
  }, [focus]);
  const checks = useFundingChecks(plan?.id ?? 0, plan ? year : undefined);
  if (!plan) return <p className="page muted">{t('funding.plan.none')}</p>;
  const years = Array.from({ length: plan.yearEnd - plan.yearStart + 1 }, (_, i) => plan.yearStart + i);

  return (
    <div className="page funding">
      <h2>
        {t('funding.title')} — {plan.name}
      </h2>
      <div className="row funding-head">
        <div className="tabs" role="tablist">
          {TABS.map((item) => (
            <button key={item.id} role="tab" aria-selected={tab === item.id} onClick={() => setTab(item.id)}>
              {t(item.label)}
            </button>
          ))}
        </div>
        {years.length > 1 && (
          <label className="field">
            {t('funding.year')}
            <select value={year} onChange={(e) => setYear(Number(e.target.value))}>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
        )}
        <span className="muted">{t('funding.unitNote')}</span>
      </div>
      <ChecksList checks={checks} />
      {tab === 'resources' && <ResourcesGrid planId={plan.id} year={year} />}
      {tab === 'projects' && <ProjectsGrid planId={plan.id} year={year} checks={checks} />}
      {tab === 'allocation' && <AllocationGrid planId={plan.id} year={year} />}
      {tab === 'recurrent' && <RecurrentGrid planId={plan.id} checks={checks} />}
      {tab === 'targets' && <TargetsView planId={plan.id} />}
      {tab === 'modelSites' && <ModelSitesGrid planId={plan.id} />}
      {tab === 'sources' && <SourcesGrid />}
    </div>
  );
}
