import { translate } from '../../../shared/i18n';
import type { HandlerMap } from '../context';
import { printFileName, storeOutput } from '../print/files';
import { htmlToPdf, warmPrintBrowser } from '../print/pdf';
import { buildPrintPage, printDefaults } from '../print/service';

export const printHandlers = {
  // The print screen asks for its defaults first: the browser starts meanwhile, so the first preview is quick.
  'print.defaults': ({ planId, table, options }, ctx) => {
    const defaults = printDefaults(ctx.doc().db, planId, table, options);
    warmPrintBrowser();
    return defaults;
  },
  'print.html': ({ planId, table, options }, ctx) => {
    const page = buildPrintPage(ctx.doc().db, ctx.files, planId, table, options);
    const name = printFileName(options.formNo ?? page.annex.formNo, table, 'html');
    return { file: storeOutput(ctx.files, name, page.html), landscape: page.layout.landscape, paper: page.layout.paper };
  },
  // A long document takes seconds in Chromium: progress between the steps, and a cancel stops before the file is kept.
  'print.pdf': async ({ planId, table, options, taskId }, ctx) => {
    const task = ctx.startTask(taskId);
    task.progress(0, 3, translate('vi', 'print.progress.build'));
    const page = buildPrintPage(ctx.doc().db, ctx.files, planId, table, options);
    task.progress(1, 3, translate('vi', 'print.progress.layout'));
    const pdf = await htmlToPdf(page.html);
    task.progress(3, 3, translate('vi', 'print.progress.done'));
    const file = storeOutput(ctx.files, printFileName(options.formNo ?? page.annex.formNo, table, 'pdf'), pdf.bytes);
    return { file, pages: pdf.pages, landscape: page.layout.landscape, paper: page.layout.paper };
  },
} satisfies Partial<HandlerMap>;
