import type { StagedFile } from '../../../shared/api/import';
import { translate } from '../../../shared/i18n';
import { AppError } from '../../backend/errors';
import { pathSource } from '../../backend/import/file-sources';
import { applyFiles, previewFiles, readFiles } from '../../backend/import/import-batch';
import type { FileSource } from '../../backend/import/stage-file';
import { EXIT, type CliCommand, type CliIO } from '../command';

export const importCommand: CliCommand = {
  name: 'import',
  usage: 'import FILE... [--db FILE] [--year Y] [--create-units] [--dry-run] [--json]',
  flags: { db: 'string', year: 'number', 'create-units': 'boolean', 'dry-run': 'boolean', json: 'boolean' },
  async run({ positionals, flags, io, backend }) {
    if (positionals.length === 0) {
      io.err(`Cách dùng / usage: ntm ${importCommand.usage}`);
      return EXIT.usage;
    }
    const db = (await backend()).document?.db;
    if (!db) throw new AppError('error.noDocument');
    const options = { year: flags.year as number | undefined, createUnits: flags['create-units'] === true };
    const reads = await readFiles(positionals.map(sourceOf));
    const dryRun = flags['dry-run'] === true;
    const files = dryRun || reads.every((r) => !r.ok) ? previewFiles(db, reads, options) : applyFiles(db, reads, options).files;
    for (const file of files) report(io, file, dryRun, flags.json === true);
    const rejected = files.filter((f) => f.status === 'rejected').length;
    if (rejected === 0) return EXIT.ok;
    return files.length === 1 ? EXIT.rejected : EXIT.failed;
  },
};

/** A path that cannot be opened is a rejected file, like any other unreadable one. */
function sourceOf(file: string): FileSource {
  try {
    return pathSource(file);
  } catch {
    return { name: file, size: 0, read: () => new Uint8Array(0) };
  }
}

function report(io: CliIO, file: StagedFile, dryRun: boolean, json: boolean): void {
  const status = file.status === 'rejected' ? 'rejected' : dryRun ? 'dry-run' : 'imported';
  if (json) {
    io.out(
      JSON.stringify({
        file: file.file,
        status,
        form: file.form,
        sheet: file.sheet,
        year: file.year,
        counts: file.counts,
        problems: file.problems.map((p) => ({ severity: p.severity, cell: p.cell, message: p.message, messageEn: p.messageEn })),
        findings: file.findings,
        error: file.error?.message ?? null,
        errorEn: file.error?.messageEn ?? null,
      }),
    );
    return;
  }
  if (file.error) {
    io.err(`${file.file}: ${translate('vi', 'import.status.rejected')} — ${file.error.message}\n${file.file}: rejected — ${file.error.messageEn}`);
    return;
  }
  const key = status === 'dry-run' ? 'import.status.dryRun' : 'import.status.imported';
  const params = { file: file.file, form: file.formName ?? '', sheet: file.sheet ?? '', year: file.year ?? '', ...file.counts };
  io.out(translate('vi', 'import.cli.summary', { ...params, status: translate('vi', key) }));
  io.out(translate('en', 'import.cli.summary', { ...params, status: translate('en', key) }));
  for (const p of file.problems) io.out(`  [${p.severity}] ${p.cell}: ${p.message} / ${p.messageEn}`);
  for (const f of file.findings) io.out(`  [${f.severity}] ${f.cell ?? f.row}: ${f.message}`);
}
