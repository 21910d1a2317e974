import fs from 'node:fs';
import path from 'node:path';
import { Paper, PrintTable } from '../../../shared/api/print';
import { translate } from '../../../shared/i18n';
import { AppError } from '../../backend/errors';
import { planForYear } from '../../backend/export/choose';
import { closePrintBrowser } from '../../backend/print/pdf';
import { FORM_NUMBERS } from '../../backend/print/tables/forms';
import { EXIT, type CliCommand } from '../command';

/** "criteria", "01", "1", "bieu01", "Biểu 01" all name Biểu 01. */
export function tableForForm(form: string): PrintTable {
  const text = form.normalize('NFC').trim().toLocaleLowerCase('vi');
  const asTable = PrintTable.safeParse(text);
  if (asTable.success) return asTable.data;
  const digits = /^(?:bi(?:ể|e)u(?:\s*s(?:ố|o))?[\s-]*)?0*(\d+)$/u.exec(text)?.[1];
  const found = (Object.entries(FORM_NUMBERS) as [PrintTable, string][]).find(([, no]) => digits !== undefined && Number(no) === Number(digits));
  if (!found) {
    const forms = (Object.entries(FORM_NUMBERS) as [PrintTable, string][]).map(([table, no]) => `${no} (${table})`).join(', ');
    throw new AppError('print.unknownForm', { form, forms });
  }
  return found[0];
}

// `ntm print FORM --out FILE.pdf`: the annex as a PDF from headless Chromium, the same page the app previews.
export const printCommand: CliCommand = {
  name: 'print',
  usage: 'print FORM --out FILE.pdf [--db FILE] [--year Y] [--paper A4|A3] [--side actual|plan]',
  flags: { db: 'string', out: 'string', year: 'number', paper: 'string', side: 'string' },
  async run({ positionals, flags, io, backend }) {
    const [form] = positionals;
    const out = flags.out as string | undefined;
    const paper = Paper.safeParse(String(flags.paper ?? 'A4').toUpperCase());
    const side = flags.side ?? 'actual';
    if (!form || positionals.length > 1 || !out || !paper.success || (side !== 'actual' && side !== 'plan')) {
      io.err(`Cách dùng / usage: ntm ${printCommand.usage}`);
      return EXIT.usage;
    }
    if (path.extname(out).toLowerCase() !== '.pdf') throw new AppError('print.badOut', { path: out });
    const table = tableForForm(form);
    const b = await backend();
    const plan = planForYear(b.document!.db, flags.year as number | undefined);
    const off = b.on((event, payload) => {
      if (event === 'progress') io.err(`… ${(payload as { label: string }).label}`);
    });
    try {
      const result = await b.dispatch('print.pdf', { planId: plan.id, table, options: { paper: paper.data, side, year: flags.year as number | undefined } });
      fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
      fs.copyFileSync(b.files.get(result.file.fileId).path, out);
      io.out(`${translate('vi', 'print.saved', { pages: result.pages, path: out })} / ${translate('en', 'print.saved', { pages: result.pages, path: out })}`);
      return EXIT.ok;
    } finally {
      off();
      await closePrintBrowser();
    }
  },
};
