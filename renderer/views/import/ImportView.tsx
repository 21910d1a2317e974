import { useState } from 'react';
import type { DiffItem, ImportProblem, StagedFile } from '../../../shared/api/import';
import type { Finding } from '../../../shared/api/validation';
import type { Scalar } from '../../../shared/api/edits';
import { formatAmount } from '../../../shared/format/vi';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { useI18n, useT } from '../../i18n';
import { useApp } from '../../store/app';
import './import.css';

/** Rows of a diff shown per file; the counts above always cover all of them. */
const SHOWN_DIFF_ROWS = 300;

export function ImportView() {
  const t = useT();
  const { run, refresh, setStatus } = useApp();
  const [year, setYear] = useState('');
  const [createUnits, setCreateUnits] = useState(false);
  const [preview, setPreview] = useState<{ stagingId: string; files: StagedFile[] } | null>(null);
  const [busy, setBusy] = useState(false);

  const pick = () =>
    run(async () => {
      const refs = await window.ntm.pickFiles({ accept: ['.xlsx', '.xls'], multiple: true });
      if (refs.length === 0) return;
      setBusy(true);
      try {
        const y = Number(year);
        setPreview(await call('import.preview', { fileIds: refs.map((r) => r.fileId), createUnits, ...(year && Number.isInteger(y) ? { year: y } : {}) }));
      } finally {
        setBusy(false);
      }
    });

  const apply = () =>
    run(async () => {
      if (!preview) return;
      setBusy(true);
      try {
        const result = await call('import.apply', { stagingId: preview.stagingId });
        const staged = result.files.filter((f) => f.status === 'staged');
        setPreview(null);
        await refresh();
        setStatus({ kind: 'saved', text: t('import.applied', { files: staged.length, values: staged.reduce((n, f) => n + f.counts.values, 0) }) });
      } finally {
        setBusy(false);
      }
    });

  const discard = () =>
    run(async () => {
      if (preview) await call('import.discard', { stagingId: preview.stagingId });
      setPreview(null);
    });

  const staged = preview?.files.filter((f) => f.status === 'staged') ?? [];
  return (
    <div className="page import">
      <h2>{t('import.title')}</h2>
      <section className="card">
        <div className="row">
          <Field label={t('import.year')}>
            <input type="number" min={1990} max={2100} value={year} onChange={(e) => setYear(e.target.value)} style={{ width: 110 }} />
          </Field>
          <label className="field-inline">
            <input type="checkbox" checked={createUnits} onChange={(e) => setCreateUnits(e.target.checked)} /> {t('import.createUnits')}
          </label>
          <button onClick={() => void pick()} disabled={busy} data-testid="import-pick">
            {t('import.pick')}
          </button>
        </div>
      </section>
      {preview && (
        <>
          {preview.files.map((file, i) => (
            <FileReport key={`${file.file}-${i}`} file={file} />
          ))}
          <div className="import-actions">
            <button className="primary" onClick={() => void apply()} disabled={busy || staged.length === 0} data-testid="import-apply">
              {t('import.apply')}
            </button>
            <button onClick={() => void discard()} disabled={busy}>
              {t('import.cancel')}
            </button>
          </div>
        </>
      )}
    </div>
  );
}

function FileReport({ file }: { file: StagedFile }) {
  const t = useT();
  const lang = useI18n((s) => s.lang);
  if (file.status === 'rejected') {
    return (
      <section className="card import-file rejected" data-testid="import-file">
        <h3>
          <span>{file.file}</span>
          <span className="error">{t('import.status.rejected')}</span>
        </h3>
        <p className="error" data-testid="import-error">
          {lang === 'en' ? file.error?.messageEn : file.error?.message}
        </p>
      </section>
    );
  }
  const c = file.diffCounts;
  return (
    <section className="card import-file" data-testid="import-file">
      <h3>
        <span>{file.file}</span>
        <span>{file.formName}</span>
        <span className="muted">
          {t('import.sheet')} “{file.sheet}” · {file.year}
        </span>
      </h3>
      <p data-testid="import-counts">
        {t('import.counts', file.counts)} · {t('import.diff.summary', { create: c.create, change: c.change, remove: c.remove, same: c.same })}
      </p>
      {file.newUnits.length > 0 && <p data-testid="import-new-units">{t('import.newUnits', { count: file.newUnits.length, names: file.newUnits.join(', ') })}</p>}
      {file.encoding !== 'unicode' && <p className="muted">{t('import.encoding', { encoding: file.encoding === 'tcvn3' ? 'TCVN3' : file.encoding === 'vni' ? 'VNI' : 'TCVN3 + VNI' })}</p>}
      <h4>
        {t('import.problems')} ({file.problems.length})
      </h4>
      <ProblemTable problems={file.problems} />
      <h4>
        {t('import.findings')} ({file.findings.length})
      </h4>
      <FindingTable findings={file.findings} />
      <h4>{t('import.diff')}</h4>
      <DiffTable items={file.diff} />
    </section>
  );
}

function ProblemTable({ problems }: { problems: ImportProblem[] }) {
  const t = useT();
  const lang = useI18n((s) => s.lang);
  if (problems.length === 0) return <p className="muted">{t('import.none')}</p>;
  return (
    <table className="import-table" data-testid="import-problems">
      <thead>
        <tr>
          <th>{t('import.severity.error')}</th>
          <th>{t('import.cell')}</th>
          <th>{t('import.message')}</th>
        </tr>
      </thead>
      <tbody>
        {problems.map((p, i) => (
          <tr key={i} className={`severity-${p.severity}`}>
            <td>{t(p.severity === 'error' ? 'import.severity.error' : 'import.severity.warning')}</td>
            <td>{p.cell}</td>
            <td>{lang === 'en' ? p.messageEn : p.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function FindingTable({ findings }: { findings: Finding[] }) {
  const t = useT();
  if (findings.length === 0) return <p className="muted">{t('import.none')}</p>;
  return (
    <table className="import-table" data-testid="import-findings">
      <tbody>
        {findings.map((f, i) => (
          <tr key={i} className={`severity-${f.severity}`}>
            <td>{t(f.severity === 'error' ? 'import.severity.error' : 'import.severity.warning')}</td>
            <td>{f.cell ?? `${f.table} · ${f.row} · ${f.column}`}</td>
            <td>{f.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function DiffTable({ items }: { items: DiffItem[] }) {
  const t = useT();
  if (items.length === 0) return <p className="muted">{t('import.none')}</p>;
  const action = { create: t('import.diff.create'), change: t('import.diff.change'), remove: t('import.diff.remove') };
  return (
    <table className="import-table" data-testid="import-diff">
      <thead>
        <tr>
          <th>{t('import.diff')}</th>
          <th>{t('import.cell')}</th>
          <th>{t('import.form')}</th>
          <th />
          <th>{t('import.diff.before')}</th>
          <th>{t('import.diff.after')}</th>
        </tr>
      </thead>
      <tbody>
        {items.slice(0, SHOWN_DIFF_ROWS).map((d, i) => (
          <tr key={i}>
            <td>{action[d.action]}</td>
            <td>{d.cell ?? ''}</td>
            <td>{d.row}</td>
            <td>{d.column}</td>
            <td className="num">{shown(d.before)}</td>
            <td className="num">{shown(d.after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function shown(value: Scalar): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? '✓' : '—';
  if (typeof value === 'number') return formatAmount(value);
  return value;
}
