import type { AgChartInstance } from 'ag-charts-community';
import { AgCharts } from 'ag-charts-react';
import { useRef } from 'react';
import { call } from '../../api';
import { useT } from '../../i18n';
import { useApp } from '../../store/app';
import { MAX_ANNEX_IMAGES, useAnnexImages } from '../../store/annex-images';
import type { ChartSpec } from './chart-options';

/**
 * One chart with its buttons: the PNG is handed to the backend as a file, then downloaded, or kept to be
 * printed under the annex tables.
 */
export function ChartCard({ spec, fileName }: { spec: ChartSpec; fileName: string }) {
  const t = useT();
  const { run, setStatus } = useApp();
  const chart = useRef<AgChartInstance>(null);

  const pngFile = async () => {
    if (!chart.current) return null;
    const dataUrl = await chart.current.getImageDataURL({ fileFormat: 'image/png' });
    return call('dashboard.saveChart', { chart: spec.id, name: fileName, dataUrl });
  };
  const savePng = () =>
    run(async () => {
      const file = await pngFile();
      if (file) await window.ntm.saveFile(file);
    });
  const addToPrint = () =>
    run(async () => {
      const file = await pngFile();
      if (!file) return;
      const annex = useAnnexImages.getState();
      if (annex.add([{ file, caption: String(spec.options.title?.text ?? '') }]) === 0) setStatus({ kind: 'error', text: t('print.imagesFull', { max: MAX_ANNEX_IMAGES }) });
      else setStatus({ kind: 'saved', text: t('dashboard.addedToPrint', { count: useAnnexImages.getState().images.length }) });
    });

  return (
    <section className="card chart-card" data-testid={`chart-${spec.id}`} data-points={spec.points}>
      {spec.points > 0 ? (
        <>
          <div className="chart-box">
            <AgCharts ref={chart} options={spec.options} />
          </div>
          <div className="chart-actions">
            <button onClick={() => void savePng()}>{t('dashboard.savePng')}</button>
            <button onClick={() => void addToPrint()}>{t('dashboard.addToPrint')}</button>
          </div>
        </>
      ) : (
        <>
          <h3>{String(spec.options.title?.text ?? '')}</h3>
          <p className="muted">{spec.empty}</p>
        </>
      )}
    </section>
  );
}
