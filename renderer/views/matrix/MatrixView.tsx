import './matrix.css';
import { useEffect, useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import { call } from '../../api';
import { useT } from '../../i18n';
import { useApp, useCurrentPlan } from '../../store/app';
import { redo, refreshEditState, subscribeEdits, undo, useEdits } from '../../store/edits';
import type { Mode } from './criteria-columns';
import { CriteriaGrid } from './CriteriaGrid';
import { IndicatorsGrid } from './IndicatorsGrid';
import { MatrixModel } from './matrix-model';
import { PlanGains } from './PlanGains';
import { VillagesGrid } from './VillagesGrid';

type Tab = 'criteria' | 'indicators' | 'villages';

export function MatrixView() {
  const t = useT();
  const plan = useCurrentPlan();
  const run = useApp((s) => s.run);
  const [model, setModel] = useState<MatrixModel | null>(null);
  const [version, setVersion] = useState(0);
  const [mode, setMode] = useState<Mode>('actual');
  const [tab, setTab] = useState<Tab>('criteria');
  const [reloads, setReloads] = useState(0);
  const edits = useEdits();
  // A dashboard bar brings its communes forward on the side it counted.
  const focus = useApp((s) => s.matrixFocus);
  const unitFilter = useMemo(() => (focus ? new Set(focus.unitIds) : null), [focus]);
  useEffect(() => {
    if (focus) setMode(focus.side === 'planned' ? 'plan' : 'actual');
  }, [focus]);

  useEffect(() => {
    if (!plan) return;
    void run(async () => {
      setModel(new MatrixModel(await call('matrix.open', { planId: plan.id })));
      await refreshEditState();
    });
  }, [plan, run, reloads]);

  useEffect(() => {
    if (!model) return;
    return subscribeEdits((changes) => {
      // Synchronously, so the next keystroke's toggle or fill reads the saved data (see whenIdle).
      if (model.apply(changes)) flushSync(() => setVersion((v) => v + 1));
    });
  }, [model]);

  const modes = useMemo(
    () =>
      model
        ? ([
            ['actual', t('mx.side.actual', { year: model.sides.actual.year })],
            ['plan', t('mx.side.plan', { year: model.sides.plan.year })],
            ...(tab === 'criteria' ? [['compare', t('mx.side.compare')]] : []),
          ] as [Mode, string][])
        : [],
    [model, t, tab],
  );
  const tabs: [Tab, string][] = [
    ['criteria', t('mx.tab.criteria')],
    ['indicators', t('mx.tab.indicators')],
    ['villages', t('mx.tab.villages')],
  ];

  if (!plan) return <p className="page muted">{t('plan.none')}</p>;
  if (!model) return <p className="page muted">{t('common.loading')}</p>;

  return (
    <div className="page matrix">
      <h2>
        {t('matrix.title')} — {plan.name}
      </h2>
      <div className="matrix-toolbar">
        <div className="tabs" role="tablist" aria-label={t('matrix.title')}>
          {tabs.map(([id, label]) => (
            <button key={id} role="tab" aria-selected={tab === id} onClick={() => setTab(id)}>
              {label}
            </button>
          ))}
        </div>
        {tab !== 'villages' && (
          <div className="tabs" role="tablist" aria-label={t('mx.side.compare')}>
            {modes.map(([id, label]) => (
              <button key={id} role="tab" aria-selected={mode === id || (id === 'actual' && mode === 'compare' && tab !== 'criteria')} onClick={() => setMode(id)}>
                {label}
              </button>
            ))}
          </div>
        )}
        <div className="matrix-actions">
          <button onClick={() => void undo().catch(() => undefined)} disabled={!edits.canUndo} title={edits.undoLabel ? t('edits.undoWhat', { label: edits.undoLabel }) : undefined}>
            {t('edits.undo')}
          </button>
          <button onClick={() => void redo().catch(() => undefined)} disabled={!edits.canRedo} title={edits.redoLabel ? t('edits.redoWhat', { label: edits.redoLabel }) : undefined}>
            {t('edits.redo')}
          </button>
          <button onClick={() => setReloads((n) => n + 1)}>{t('mx.reload')}</button>
        </div>
      </div>
      {tab === 'criteria' && (
        <>
          {mode === 'compare' && <PlanGains model={model} version={version} />}
          <CriteriaGrid key={mode} model={model} version={version} mode={mode} unitFilter={unitFilter} />
        </>
      )}
      {tab === 'indicators' && (
        <IndicatorsGrid key={`${plan.id}:${mode}:${reloads}`} planId={plan.id} criteria={model} criteriaVersion={version} side={mode === 'plan' ? 'plan' : 'actual'} />
      )}
      {tab === 'villages' && <VillagesGrid key={`${plan.id}:${reloads}`} planId={plan.id} />}
    </div>
  );
}
