import { translate } from '../../../shared/i18n';
import type { Finding } from '../../../shared/api/validation';
import { EXIT, type CliCommand } from '../command';

// `ntm validate [--db FILE] [--plan ID] [--json]`: every finding of the document; exit 1 when there are any.
export const validateCommand: CliCommand = {
  name: 'validate',
  usage: 'validate [--db FILE] [--plan ID] [--json]',
  flags: { db: 'string', plan: 'number', json: 'boolean' },
  async run({ flags, io, backend }) {
    const planId = flags.plan as number | undefined;
    const { findings } = await (await backend()).dispatch('validation.run', planId === undefined ? {} : { planId });
    io.out(flags.json ? JSON.stringify({ findings: findings.map(forJson) }, null, 2) : describe(findings));
    return findings.length === 0 ? EXIT.ok : EXIT.failed;
  },
};

function forJson(f: Finding) {
  return { severity: f.severity, rule: f.rule, table: f.table, row: f.row, column: f.column, cell: f.cell ?? null, expected: f.expected, actual: f.actual, message: f.message };
}

function describe(findings: Finding[]): string {
  if (findings.length === 0) return `${translate('vi', 'validation.cli.none')} / ${translate('en', 'validation.cli.none')}`;
  const counts = { errors: findings.filter((f) => f.severity === 'error').length, warnings: findings.filter((f) => f.severity === 'warning').length };
  const lines = findings.map((f) => {
    const place = [f.table, f.row, f.column, f.cell].filter(Boolean).join(' › ');
    return `${f.severity === 'error' ? 'LỖI' : 'CẢNH BÁO'}  ${place}\n      ${f.message}`;
  });
  return [...lines, `${translate('vi', 'validation.cli.summary', counts)} / ${translate('en', 'validation.cli.summary', counts)}`].join('\n');
}
