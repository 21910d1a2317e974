// One annex as one self-contained HTML page: the preview, the browser's print and the PDF all use it.
import fs from 'node:fs';
import path from 'node:path';
import type { Margins, Paper } from '../../../shared/api/print';
import { resourcesDir } from '../paths';
import type { Annex, AnnexTable, BodyCell, BodyRow, HeadCell } from './annex';
import { fontFaceCss } from './fonts';
import type { AnnexTexts } from './header';
import { escapeHtml, escapeLines } from './html';

export interface PageLayout {
  paper: Paper;
  landscape: boolean;
  margins: Margins;
}

export interface PageImage {
  dataUri: string;
  caption: string;
}

const SHEET_MM: Record<Paper, [number, number]> = { A4: [210, 297], A3: [297, 420] };
/** Rows printed together with the signature block, besides the totals that end the table. */
const ROWS_KEPT_WITH_SIGNATURE = 2;

let stylesheet: string | null = null;
function annexCss(): string {
  stylesheet ??= fs.readFileSync(path.join(resourcesDir(), 'print', 'annex.css'), 'utf8');
  return stylesheet;
}

export function sheetSize(layout: Pick<PageLayout, 'paper' | 'landscape'>): { widthMm: number; heightMm: number } {
  const [short, long] = SHEET_MM[layout.paper];
  return layout.landscape ? { widthMm: long, heightMm: short } : { widthMm: short, heightMm: long };
}

function pageCss(layout: PageLayout): string {
  const { widthMm } = sheetSize(layout);
  const m = layout.margins;
  return (
    `@page { size: ${layout.paper} ${layout.landscape ? 'landscape' : 'portrait'}; margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; }\n` +
    `:root { --sheet-width: ${widthMm - m.left - m.right}mm; }`
  );
}

function headCell(c: HeadCell): string {
  const attrs = [c.colSpan && c.colSpan > 1 ? ` colspan="${c.colSpan}"` : '', c.rowSpan && c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : '', c.vertical ? ' class="vertical"' : ''];
  return `<th${attrs.join('')}>${escapeLines(c.text)}</th>`;
}

function bodyRow(row: BodyRow, table: AnnexTable): string {
  let column = 0;
  const cells = row.cells.map((raw) => {
    const c: BodyCell = typeof raw === 'string' ? { text: raw } : raw;
    const align = c.align ?? table.columns[column]?.align ?? 'left';
    column += c.colSpan ?? 1;
    return `<td class="${align}"${c.colSpan && c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}>${escapeLines(c.text)}</td>`;
  });
  return `<tr class="${row.kind}">${cells.join('')}</tr>`;
}

function numberingRow(count: number): string {
  return `<tr class="numbering">${Array.from({ length: count }, (_, i) => `<th>(${i + 1})</th>`).join('')}</tr>`;
}

function tableHtml(table: AnnexTable, signature: string | null): string {
  const total = table.columns.reduce((n, c) => n + c.weight, 0);
  const colgroup = table.columns.map((c) => `<col style="width:${((c.weight / total) * 100).toFixed(3)}%">`).join('');
  const head = table.head.map((r) => `<tr>${r.map(headCell).join('')}</tr>`).join('') + numberingRow(table.columns.length);
  // Totals after the last item, and the last items themselves, go onto the signature's page.
  let tail = table.rows.length;
  while (tail > 0 && table.rows[tail - 1]?.kind === 'total') tail--;
  const keepFrom = signature ? Math.max(0, tail - ROWS_KEPT_WITH_SIGNATURE) : table.rows.length;
  const body = table.rows.slice(0, keepFrom).map((r) => bodyRow(r, table));
  const kept = table.rows.slice(keepFrom).map((r) => bodyRow(r, table));
  if (signature) kept.push(signatureRow(signature, table.columns.length));
  return (
    `<section class="table-block">${table.caption ? `<p class="caption">${escapeHtml(table.caption)}</p>` : ''}` +
    (table.legend ? `<p class="legend">${escapeHtml(table.legend)}</p>` : '') +
    `<table class="annex"><colgroup>${colgroup}</colgroup><thead>${head}</thead>` +
    (body.length ? `<tbody>${body.join('')}</tbody>` : '') +
    (kept.length ? `<tbody class="keep-with-signature">${kept.join('')}</tbody>` : '') +
    `</table></section>`
  );
}

function signatureHtml(texts: AnnexTexts): string {
  const block = (roles: string[], name: string) =>
    `<div class="signature"><div class="role">${roles.map(escapeHtml).join('<br>')}</div><div class="name">${escapeHtml(name) || '&nbsp;'}</div></div>`;
  return `<div class="signatures">${block(['NGƯỜI LẬP BIỂU'], texts.preparedBy)}${block(texts.signerRoles, texts.signer)}</div>`;
}

/** The signature as the table's last row: one unbreakable group with the last rows, the only keep Chromium honours. */
function signatureRow(signature: string, columns: number): string {
  return `<tr class="signature-row"><td colspan="${columns}">${signature}</td></tr>`;
}

export function renderAnnexPage(annex: Annex, texts: AnnexTexts, layout: PageLayout, images: readonly PageImage[] = []): string {
  // With images the signature follows them; otherwise it closes the last table.
  const signature = signatureHtml(texts);
  const tables = annex.tables.map((t, i) => tableHtml(t, i === annex.tables.length - 1 && images.length === 0 ? signature : null)).join('');
  const figures = images
    .map((img) => `<figure class="figure"><img src="${escapeHtml(img.dataUri)}" alt="">${img.caption ? `<figcaption>${escapeHtml(img.caption)}</figcaption>` : ''}</figure>`)
    .join('');
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8">
<title>${escapeHtml(`${texts.formLabel} - ${texts.title}`)}</title>
<style>${fontFaceCss()}\n${pageCss(layout)}\n${annexCss()}</style>
</head><body>
<header class="annex-header"><div class="issuer">${texts.issuerLines.map(escapeHtml).join('<br>')}</div><div class="form-no">${escapeHtml(texts.formLabel)}</div></header>
<h1 class="title">${escapeLines(texts.title)}</h1>
<p class="attached">${escapeHtml(texts.attachedLine)}</p>
${annex.unitLine ? `<p class="unit-line">${escapeHtml(annex.unitLine)}</p>` : ''}
${tables}${figures}${images.length > 0 ? signature : ''}
</body></html>`;
}
