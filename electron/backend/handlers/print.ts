import crypto from 'node:crypto';
import { translate } from '../../../shared/i18n';
import type { HandlerMap } from '../context';
import { printFileName, storeOutput } from '../print/files';
import { htmlToPdf } from '../print/pdf';
import { buildPrintPage, printDefaults } from '../print/service';

export const printHandlers = {
  'print.defaults': ({ planId, table, options }, ctx) => printDefaults(ctx.doc().db, planId, table, options),
  'print.html': ({ planId, table, options }, ctx) => {
    const page = buildPrintPage(ctx.doc().db, ctx.files, planId, table, options);
    const name = printFileName(options.formNo ?? page.annex.formNo, table, 'html');
    return { file: storeOutput(ctx.files, name, page.html), landscape: page.layout.landscape, paper: page.layout.paper };
  },
  'print.pdf': async ({ planId, table, options, taskId }, ctx) => {
    const task = taskId ?? crypto.randomUUID();
    const progress = (done: number, key: 'print.progress.build' | 'print.progress.layout' | 'print.progress.done') =>
      ctx.emit('progress', { taskId: task, label: translate('vi', key), done, total: 3 });
    progress(0, 'print.progress.build');
    const page = buildPrintPage(ctx.doc().db, ctx.files, planId, table, options);
    progress(1, 'print.progress.layout');
    const pdf = await htmlToPdf(page.html);
    const name = printFileName(options.formNo ?? page.annex.formNo, table, 'pdf');
    const file = storeOutput(ctx.files, name, pdf.bytes);
    progress(3, 'print.progress.done');
    return { file, pages: pdf.pages, landscape: page.layout.landscape, paper: page.layout.paper };
  },
} satisfies Partial<HandlerMap>;
