import { useEffect, useState } from 'react';
import type { DocumentInfo } from '../../shared/model';
import { formatDate } from '../../shared/format/vi';
import { call } from '../api';
import { Field } from '../components/Field';
import { useT } from '../i18n';
import { useApp } from '../store/app';
import { PlansPanel } from './PlansPanel';

export function DocumentsView() {
  const t = useT();
  const { document, dataDir, openDocument, createDocument, run } = useApp();
  const [documents, setDocuments] = useState<DocumentInfo[]>([]);
  const [backups, setBackups] = useState<{ path: string; createdAt: string; sizeBytes: number }[]>([]);
  const [name, setName] = useState('');
  const [path, setPath] = useState('');

  useEffect(() => {
    void run(async () => {
      setDocuments((await call('doc.list', {})).documents);
      setBackups(document ? await call('doc.backups', {}) : []);
    });
  }, [document, run]);

  const saveCopy = () =>
    run(async () => {
      const file = await call('doc.saveCopy', {});
      await window.ntm.saveFile(file);
    });

  return (
    <div className="page documents">
      <section className="card">
        <h2>{t('doc.current')}</h2>
        {document ? (
          <p className="doc-current">
            <strong>{document.name}</strong> <span className="muted">{document.path}</span>
            <button onClick={() => void saveCopy()}>{t('doc.saveCopy')}</button>
          </p>
        ) : (
          <p className="muted">{t('error.noDocument')}</p>
        )}
      </section>
      {document && <PlansPanel />}
      {document && backups.length > 0 && (
        <section className="card">
          <h2>{t('doc.backups')}</h2>
          <ul className="backup-list" data-testid="backups">
            {backups.map((b) => (
              <li key={b.path}>
                {formatDate(b.createdAt.slice(0, 10))} {b.createdAt.slice(11, 16)} · <span className="muted">{b.path}</span>{' '}
                <button className="link" onClick={() => void openDocument(b.path)}>
                  {t('doc.open')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="card">
        <h2>{t('doc.inDataFolder')}</h2>
        <p className="muted">{dataDir}</p>
        {documents.length === 0 ? (
          <p className="muted">{t('doc.none')}</p>
        ) : (
          <ul className="doc-list">
            {documents.map((d) => (
              <li key={d.path}>
                <button className="link" onClick={() => void openDocument(d.path)} disabled={d.path === document?.path}>
                  {d.name}
                </button>
              </li>
            ))}
          </ul>
        )}
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            if (name.trim()) void createDocument(name.trim());
          }}
        >
          <Field label={t('doc.name')}>
            <input value={name} onChange={(e) => setName(e.target.value)} aria-label={t('doc.name')} />
          </Field>
          <button type="submit">{t('doc.create')}</button>
        </form>
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            if (path.trim()) void openDocument(path.trim());
          }}
        >
          <Field label={t('doc.path')}>
            <input value={path} onChange={(e) => setPath(e.target.value)} aria-label={t('doc.path')} size={50} />
          </Field>
          <button type="submit">{t('doc.openPath')}</button>
        </form>
      </section>
    </div>
  );
}
