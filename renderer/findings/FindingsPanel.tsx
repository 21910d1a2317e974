// The findings of the open plan: filter by severity and table, click one to go to its cell.
import { useMemo, useState } from 'react';
import type { Finding } from '../../shared/api/validation';
import { formatAmount } from '../../shared/format/vi';
import { useT } from '../i18n';
import { useApp } from '../store/app';
import { viewOfTable } from './navigation';
import { focusFinding, loadFindings, togglePanel, useFindings } from './store';
import './findings.css';

type SeverityFilter = 'all' | Finding['severity'];

const figure = (v: Finding['expected']) => (typeof v === 'number' ? formatAmount(v) : v === null ? '' : String(v));

export function FindingsPanel() {
  const t = useT();
  const open = useFindings((s) => s.panelOpen);
  const findings = useFindings((s) => s.findings);
  const error = useFindings((s) => s.error);
  const setView = useApp((s) => s.setView);
  const [severity, setSeverity] = useState<SeverityFilter>('all');
  const [table, setTable] = useState<string>('');
  const tables = useMemo(() => [...new Set(findings.map((f) => f.table))].sort((a, b) => a.localeCompare(b, 'vi')), [findings]);
  const shown = findings.filter((f) => (severity === 'all' || f.severity === severity) && (table === '' || f.table === table));

  if (!open) return null;

  const goTo = (finding: Finding) => {
    const view = finding.target ? viewOfTable(finding.target.table) : null;
    if (view) setView(view);
    focusFinding(finding);
  };

  return (
    <section className="findings-panel" data-testid="findings-panel" aria-label={t('validation.panel')}>
      <header>
        <strong>{t('validation.panel')}</strong>
        <label>
          {t('validation.severity')}{' '}
          <select value={severity} onChange={(e) => setSeverity(e.target.value as SeverityFilter)} data-testid="findings-severity">
            <option value="all">{t('validation.severity.all')}</option>
            <option value="error">{t('validation.severity.error')}</option>
            <option value="warning">{t('validation.severity.warning')}</option>
          </select>
        </label>
        <label>
          {t('validation.filterTable')}{' '}
          <select value={table} onChange={(e) => setTable(e.target.value)} data-testid="findings-table">
            <option value="">{t('validation.allTables')}</option>
            {tables.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void loadFindings(useFindings.getState().planId)}>
          {t('validation.run')}
        </button>
        <button type="button" className="close" aria-label="×" onClick={() => togglePanel(false)}>
          ×
        </button>
      </header>
      {error && <p className="error">{error}</p>}
      {shown.length === 0 ? (
        <p className="muted">{t('validation.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t('validation.severity')}</th>
              <th>{t('validation.place')}</th>
              <th>{t('validation.message')}</th>
              <th>{t('validation.expected')}</th>
              <th>{t('validation.actual')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((f, i) => (
              <tr key={`${f.rule}|${f.message}|${i}`} className={`finding ${f.severity}`} data-testid="finding" onClick={() => goTo(f)}>
                <td>
                  <span aria-hidden="true">{f.severity === 'error' ? '✖' : '⚠'}</span> {t(f.severity === 'error' ? 'validation.severity.error' : 'validation.severity.warning')}
                </td>
                <td>{[f.table, f.row, f.column, f.cell].filter(Boolean).join(' › ')}</td>
                <td>{f.message}</td>
                <td className="num">{figure(f.expected)}</td>
                <td className="num">{figure(f.actual)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
