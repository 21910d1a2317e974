import { formatNumber } from '../../../shared/format/vi';
import type { Summary } from '../../../shared/model';
import { EXIT, type CliCommand } from '../command';

export const summaryCommand: CliCommand = {
  name: 'summary',
  usage: 'summary [--db FILE] [--json]',
  flags: { db: 'string', json: 'boolean' },
  async run({ flags, io, backend }) {
    const summary = await (await backend()).dispatch('summary.get', {});
    io.out(flags.json ? JSON.stringify(summary, null, 2) : describe(summary));
    return EXIT.ok;
  },
};

function describe(s: Summary): string {
  const lines = [
    `Tài liệu: ${s.document.path} (lược đồ ${s.document.schemaVersion})`,
    `Đơn vị: ${formatNumber(s.units.communes)} xã, ${formatNumber(s.units.villages)} thôn/bản`,
    'Bộ tiêu chí:',
    ...s.criteriaSets.map((c) => `  ${c.id} (${c.period}): ${c.criteria} tiêu chí, ${c.indicators} chỉ tiêu`),
    `Kế hoạch: ${s.plans.length}`,
  ];
  for (const m of s.matrix) {
    const label = m.kind === 'actual' ? `Đến 31/12/${m.year}` : `Kế hoạch ${m.year}`;
    lines.push(`${label}: ${m.communes} xã, ${m.met} lượt tiêu chí đạt, bình quân ${formatNumber(m.average, 1)} tiêu chí/xã, ${m.fullyMet} xã đạt đủ`);
  }
  return lines.join('\n');
}
