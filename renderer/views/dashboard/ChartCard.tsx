import type { AgChartInstance } from 'ag-charts-community';
import { AgCharts } from 'ag-charts-react';
import { useRef } from 'react';
import { call } from '../../api';
import { useT } from '../../i18n';
import { useApp } from '../../store/app';
import type { ChartSpec } from './chart-options';

/** One chart with its "save as PNG" button; the PNG is handed to the backend as a file, then downloaded. */
export function ChartCard({ spec, fileName }: { spec: ChartSpec; fileName: string }) {
  const t = useT();
  const run = useApp((s) => s.run);
  const chart = useRef<AgChartInstance>(null);

  const savePng = () =>
    run(async () => {
      if (!chart.current) return;
      const dataUrl = await chart.current.getImageDataURL({ fileFormat: 'image/png' });
      const file = await call('dashboard.saveChart', { chart: spec.id, name: fileName, dataUrl });
      await window.ntm.saveFile(file);
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
