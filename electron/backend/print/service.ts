// From a plan and the user's options to the printable page: the one path for preview, print and PDF.
import type Database from 'better-sqlite3';
import type { PrintDefaults, PrintOptions, PrintTable } from '../../../shared/api/print';
import type { Plan } from '../../../shared/model';
import { AppError } from '../errors';
import type { FileStore } from '../files';
import { planScope } from '../funding/tables';
import type { Annex } from './annex';
import { annexTexts, shortIssuer } from './header';
import { renderAnnexPage, type PageImage, type PageLayout } from './page';
import { annexBuilders } from './tables';

export interface PrintPage {
  html: string;
  layout: PageLayout;
  annex: Annex;
  plan: Plan;
}

function buildAnnex(db: Database.Database, planId: number, table: PrintTable, options: PrintOptions): { plan: Plan; annex: Annex; year: number } {
  // The year shown must be one of the plan's years.
  const { plan, year } = planScope(db, planId, options.year);
  return { plan, annex: annexBuilders[table]({ db, plan, options, year }), year };
}

const IMAGE_TYPES: [string, (b: Buffer) => boolean][] = [
  ['image/png', (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))],
  ['image/jpeg', (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff],
];

/** Images handed in as files (a chart from the dashboard) are embedded, so the page stays self-contained. */
function loadImages(files: FileStore, images: PrintOptions['images']): PageImage[] {
  return images.map(({ file, caption }) => {
    const bytes = files.read(file.fileId);
    const type = IMAGE_TYPES.find(([, test]) => test(bytes))?.[0];
    if (!type) throw new AppError('print.imageNotPng', { name: file.name });
    return { dataUri: `data:${type};base64,${bytes.toString('base64')}`, caption };
  });
}

export function printDefaults(db: Database.Database, planId: number, table: PrintTable, options: PrintOptions): PrintDefaults {
  const { plan, annex, year } = buildAnnex(db, planId, table, options);
  return {
    formNo: annex.formNo,
    title: annex.title,
    landscape: annex.landscape,
    issuer: plan.issuer,
    docNumber: plan.docNumber,
    docDate: plan.docDate,
    issuedBy: shortIssuer(plan.issuer),
    signer: plan.signer,
    signerTitle: plan.signerTitle,
    year,
  };
}

export function buildPrintPage(db: Database.Database, files: FileStore, planId: number, table: PrintTable, options: PrintOptions): PrintPage {
  const { plan, annex } = buildAnnex(db, planId, table, options);
  const landscape = options.orientation === 'auto' ? annex.landscape : options.orientation === 'landscape';
  const layout: PageLayout = { paper: options.paper, landscape, margins: options.margins };
  const html = renderAnnexPage(annex, annexTexts(plan, annex, options), layout, loadImages(files, options.images));
  return { html, layout, annex, plan };
}
