// The status-bar count of findings; a click opens the findings panel. It also loads the findings of the
// plan that is open, so they are there before any screen asks, and again whenever the document is refreshed.
import { useEffect } from 'react';
import { useT } from '../i18n';
import { useApp } from '../store/app';
import { loadFindings, togglePanel, useFindings } from './store';

export function FindingsStatus() {
  const t = useT();
  const planId = useApp((s) => s.planId);
  const documentPath = useApp((s) => s.document?.path ?? null);
  // A refresh of the document (after an import, for instance) hands out a new plan list: validate again.
  const plans = useApp((s) => s.plans);
  const findings = useFindings((s) => s.findings);
  const loading = useFindings((s) => s.loading);
  const error = useFindings((s) => s.error);

  useEffect(() => {
    void loadFindings(documentPath ? planId : null);
  }, [planId, documentPath, plans]);

  if (!documentPath || planId === null) return null;
  if (error) {
    return (
      <button type="button" className="findings-count error" data-testid="findings-count" onClick={() => togglePanel()}>
        <span aria-hidden="true">⚠</span> {t('validation.loadFailed', { error })}
      </button>
    );
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const kind = errors > 0 ? 'error' : warnings > 0 ? 'warning' : 'clean';
  return (
    <button type="button" className={`findings-count ${kind}`} data-testid="findings-count" aria-busy={loading} onClick={() => togglePanel()}>
      <span aria-hidden="true">{kind === 'clean' ? '✓' : kind === 'error' ? '✖' : '⚠'}</span> {findings.length === 0 ? t('validation.none') : t('validation.count', { errors, warnings })}
    </button>
  );
}
