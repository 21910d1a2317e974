import fs from 'node:fs';
import path from 'node:path';
import type { Finding } from '../../../shared/api/validation';
import { translate } from '../../../shared/i18n';
import type { ExportLayout } from '../../../shared/api/export';
import type { Backend } from '../../backend/backend';
import { AppError } from '../../backend/errors';
import { communeNamed, planForYear } from '../../backend/export/choose';
import { EXIT, type CliCommand, type CliIO } from '../command';

const LAYOUTS: readonly ExportLayout[] = ['auto', 'original', 'builtin'];

// `ntm export FORM --out FILE.xlsx`: exit 0 with the file written, 2 when the form cannot be produced (with the reason).
// With --each-commune, every commune's copy goes into one .zip.
export const exportCommand: CliCommand = {
  name: 'export',
  usage: 'export FORM --out FILE.xlsx [--db FILE] [--year Y] [--unit COMMUNE | --each-commune] [--layout auto|original|builtin]',
  flags: { db: 'string', out: 'string', year: 'number', unit: 'string', layout: 'string', 'each-commune': 'boolean' },
  async run({ positionals, flags, io, backend }) {
    const [form] = positionals;
    const out = flags.out as string | undefined;
    const layout = (flags.layout ?? 'auto') as ExportLayout;
    const each = flags['each-commune'] === true;
    if (!form || positionals.length > 1 || !out || !LAYOUTS.includes(layout) || (each && flags.unit !== undefined)) {
      io.err(`Cách dùng / usage: ntm ${exportCommand.usage}`);
      return EXIT.usage;
    }
    const b = await backend();
    const year = (flags.year as number | undefined) ?? null;
    try {
      if (each) {
        const planId = planForYear(b.document!.db, year ?? undefined).id;
        const result = await b.dispatch('export.batch', { form: formId(form), planId });
        save(b, result.archive.fileId, out);
        for (const lang of ['vi', 'en'] as const) io.out(`${translate(lang, 'export.doneBatch', { count: result.files.length })} → ${out}`);
        report(io, result.findings);
        return EXIT.ok;
      }
      const unitId = flags.unit === undefined ? null : communeNamed(b.document!.db, String(flags.unit)).id;
      const result = await b.dispatch('export.run', { form: formId(form), planId: null, year, unitId, layout });
      save(b, result.file.fileId, out);
      const original = result.original;
      for (const lang of ['vi', 'en'] as const) {
        const source = original
          ? translate(lang, 'export.source.original', { file: original.fileName, count: original.changedCells })
          : translate(lang, 'export.source.builtin');
        io.out(`${translate(lang, 'export.done', { name: out })} ${source}`);
        if (original && original.notInForm > 0) io.out(translate(lang, 'export.notInForm', { count: original.notInForm }));
      }
      report(io, result.findings);
      return EXIT.ok;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const shape = error.toShape();
      io.err(`Không xuất được biểu: ${shape.message}\nCannot export the form: ${shape.messageEn}`);
      return EXIT.rejected;
    }
  },
};

function save(b: Backend, fileId: string, out: string): void {
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  fs.copyFileSync(b.files.get(fileId).path, out);
}

/** Findings are printed with the file, never instead of it. */
function report(io: CliIO, findings: Finding[]): void {
  if (findings.length === 0) return;
  io.out(`${translate('vi', 'export.findings', { count: findings.length })} / ${translate('en', 'export.findings', { count: findings.length })}`);
  for (const f of findings) io.out(`  ${f.severity === 'error' ? 'LỖI' : 'CẢNH BÁO'}: ${f.message}`);
}

/** "bieu01", "01", "1", "Biểu số 01" and "BIEU01" all name form bieu01. */
function formId(text: string): string {
  const numbered = /^(?:bi[eể]u\s*(?:s[oố]\s*)?)?0*(\d{1,2})$/u.exec(text.normalize('NFC').trim().toLowerCase());
  return numbered ? `bieu${(numbered[1] as string).padStart(2, '0')}` : text.trim().toLowerCase();
}
