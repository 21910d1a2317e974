import { useEffect, useState } from 'react';
import { narrativeToText, textToHtml } from '../../../shared/narrative/render';
import { call } from '../../api';
import { useT } from '../../i18n';
import { useApp } from '../../store/app';

/** The plan's paragraphs generated from the figures: editable, then copied as plain text or formatted for Word. */
export function NarrativePanel({ planId, year }: { planId: number; year: number }) {
  const t = useT();
  const { run, setStatus } = useApp();
  const [generated, setGenerated] = useState<string | null>(null);
  const [text, setText] = useState('');

  useEffect(() => {
    void run(async () => {
      const value = narrativeToText(await call('narrative.get', { planId, year }));
      setGenerated(value);
      setText(value);
    });
  }, [planId, year, run]);

  const copied = () => setStatus({ kind: 'saved', text: t('narrative.copied') });
  const copyText = () => run(async () => navigator.clipboard.writeText(text).then(copied));
  const copyWord = () =>
    run(async () => {
      const item = new ClipboardItem({
        'text/html': new Blob([textToHtml(text)], { type: 'text/html' }),
        'text/plain': new Blob([text], { type: 'text/plain' }),
      });
      await navigator.clipboard.write([item]);
      copied();
    });

  if (generated === null) return null;
  return (
    <section className="card narrative" data-testid="narrative">
      <h2>{t('narrative.title')}</h2>
      {generated === '' ? (
        <p className="muted">{t('narrative.empty')}</p>
      ) : (
        <>
          <p className="muted">{t('narrative.hint')}</p>
          <textarea aria-label={t('narrative.title')} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} />
          <div className="row">
            <button onClick={() => void copyText()}>{t('narrative.copyText')}</button>
            <button onClick={() => void copyWord()}>{t('narrative.copyWord')}</button>
            <button disabled={text === generated} onClick={() => setText(generated)}>
              {t('narrative.regenerate')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
