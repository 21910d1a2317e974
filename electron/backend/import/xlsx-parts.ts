// The small parts of an .xlsx package, read with plain string scanning: which sheets the workbook has and
// where their XML lives, the stylesheet (font name and number format per cell style) and the shared strings
// (plain or rich text, with the font each run names). Nothing here is evaluated or followed.
import { attr, decodeXml } from '../export/xml-text';
import type { TextRun } from './cell-text';

export interface WorkbookSheet {
  name: string;
  /** Path of the sheet's XML inside the package ("xl/worksheets/sheet1.xml"). */
  part: string;
  hidden: boolean;
  /** False for chart sheets, dialog and macro sheets: they hold no cells. */
  worksheet: boolean;
}

/** Style of one `cellXfs` entry, as a cell with `s="n"` sees it. */
export interface CellStyle {
  font: string | undefined;
  numFmt: string | undefined;
}

/** One shared string item: plain text, rich-text runs, or nothing at all (`<si/>`). */
export type StringItem = { text: string } | { runs: TextRun[] } | null;

/** Sheets in workbook order, each with its part found through the workbook's relationships. */
export function workbookSheets(workbookXml: string, relsXml: string): WorkbookSheet[] {
  const targets = new Map<string, { part: string; type: string }>();
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const id = attr(m[1] ?? '', 'Id');
    const target = attr(m[1] ?? '', 'Target');
    if (id && target) targets.set(id, { part: target.startsWith('/') ? target.slice(1) : `xl/${target}`, type: attr(m[1] ?? '', 'Type') ?? '' });
  }
  const sheets: WorkbookSheet[] = [];
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) {
    const attributes = m[1] ?? '';
    const name = attr(attributes, 'name');
    const rid = attr(attributes, 'r:id') ?? attr(attributes, 'id');
    const target = rid ? targets.get(rid) : undefined;
    if (!name || !target) continue;
    const state = attr(attributes, 'state');
    const worksheet = target.type === '' ? /(^|\/)worksheets\//.test(target.part) : target.type.endsWith('/worksheet');
    sheets.push({ name, part: target.part, hidden: state !== undefined && state !== '' && state !== 'visible', worksheet });
  }
  return sheets;
}

/** Whether dates count from 1904 (old Mac workbooks) instead of 1900. */
export function usesDate1904(workbookXml: string): boolean {
  const pr = /<(?:\w+:)?workbookPr\b([^>]*)>/.exec(workbookXml);
  return pr ? attr(pr[1] ?? '', 'date1904') === '1' : false;
}

/** Number formats Excel knows by id without writing them into the stylesheet. */
const BUILT_IN_FORMATS: Record<number, string> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss',
  22: 'm/d/yy "h":mm', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00 ;(#,##0.00)', 40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
};

/** Font name and number format of each cell style (`cellXfs`), by style index. */
export function readCellStyles(stylesXml: string | undefined): CellStyle[] {
  if (!stylesXml) return [];
  const numFmts = new Map<number, string>();
  for (const m of (section(stylesXml, 'numFmts') ?? '').matchAll(/<(?:\w+:)?numFmt\b([^>]*)>/g)) {
    const id = attr(m[1] ?? '', 'numFmtId');
    const code = attr(m[1] ?? '', 'formatCode');
    if (id !== undefined && code !== undefined) numFmts.set(parseInt(id, 10), code);
  }
  const fonts: (string | undefined)[] = [];
  for (const m of (section(stylesXml, 'fonts') ?? '').matchAll(/<(?:\w+:)?font\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?font>)/g)) {
    const name = /<(?:\w+:)?name\b([^>]*)>/.exec(m[1] ?? '');
    fonts.push(name ? attr(name[1] ?? '', 'val') : undefined);
  }
  const styles: CellStyle[] = [];
  for (const m of (section(stylesXml, 'cellXfs') ?? '').matchAll(/<(?:\w+:)?xf\b([^>]*)>/g)) {
    const numFmtId = parseInt(attr(m[1] ?? '', 'numFmtId') ?? '', 10);
    const fontId = parseInt(attr(m[1] ?? '', 'fontId') ?? '', 10);
    styles.push({
      font: Number.isNaN(fontId) ? undefined : fonts[fontId],
      numFmt: numFmtId ? (numFmts.get(numFmtId) ?? BUILT_IN_FORMATS[numFmtId]) : undefined,
    });
  }
  return styles;
}

/** The inner text of the first `<tag>…</tag>` (any namespace prefix). */
function section(xml: string, tag: string): string | undefined {
  return new RegExp(`<(?:\\w+:)?${tag}\\b[^>]*>([\\s\\S]*?)</(?:\\w+:)?${tag}>`).exec(xml)?.[1];
}

/** Every `<si>` item of xl/sharedStrings.xml, in order. */
export function readSharedStrings(xml: string | undefined): StringItem[] {
  if (!xml) return [];
  const items: StringItem[] = [];
  let at = 0;
  for (;;) {
    const open = nextElement(xml, 'si', at);
    if (open < 0) break;
    const start = xml.indexOf('>', open) + 1;
    if (xml.charCodeAt(start - 2) === 47 /* / */) {
      items.push(null);
      at = start;
      continue;
    }
    const end = xml.indexOf('</si>', start);
    if (end < 0) break;
    items.push(readStringItem(xml, start, end, true));
    at = end + 5;
  }
  return items;
}

/**
 * The content of a string item (`<si>` of the shared strings, `<is>` of a cell): rich-text runs (`<r>`, each
 * with the font its `<rPr><rFont>` names) or plain `<t>` text; phonetic guides (`<rPh>`) are not text.
 * `escapes` decodes Excel's `_xHHHH_` escapes, which Excel writes in shared strings and rich runs.
 */
export function readStringItem(xml: string, start: number, end: number, escapes: boolean): StringItem {
  const inner = xml.slice(start, end);
  if (!inner.includes('<r') && !inner.includes('<rPh')) {
    const t = /<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/.exec(inner);
    if (!t) return null;
    const text = elementText(t[1] ?? '');
    return { text: escapes ? unescapeExcel(text) : text };
  }
  const runs: TextRun[] = [];
  let text: string | undefined;
  for (const m of inner.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '').matchAll(/<(r|t)\b[^>]*?(?:\/>|>([\s\S]*?)<\/\1>)/g)) {
    if (m[1] === 't') {
      text = elementText(m[2] ?? '');
      if (escapes) text = unescapeExcel(text);
      continue;
    }
    const body = m[2] ?? '';
    const t = /<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/.exec(body);
    const font = /<rPr\b[\s\S]*?<rFont\b([^>]*)>/.exec(body);
    runs.push({ text: t ? unescapeExcel(elementText(t[1] ?? '')) : '', fontName: font ? attr(font[1] ?? '', 'val') : undefined });
  }
  if (runs.length > 0) return { runs };
  return text === undefined ? null : { text };
}

/** Start of the next `<tag` element (not `<tagX`) at or after `from`, or -1. */
function nextElement(xml: string, tag: string, from: number): number {
  for (let at = xml.indexOf(`<${tag}`, from); at >= 0; at = xml.indexOf(`<${tag}`, at + 1)) {
    const after = xml.charCodeAt(at + tag.length + 1);
    if (after === 62 /* > */ || after === 47 /* / */ || after === 32 || after === 9 || after === 10 || after === 13) return at;
  }
  return -1;
}

/**
 * Character data of an element as an XML parser gives it: line ends normalised (CR LF and CR become LF),
 * CDATA sections taken literally, entities and character references decoded.
 */
export function elementText(raw: string): string {
  const text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  if (!text.includes('<')) return decodeXml(text);
  let out = '';
  let at = 0;
  for (const m of text.matchAll(/<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->/g)) {
    out += decodeXml(text.slice(at, m.index)) + (m[1] ?? '');
    at = m.index + m[0].length;
  }
  return out + decodeXml(text.slice(at));
}

/** Excel's escapes of characters XML cannot hold: `_x000D_` → CR. */
function unescapeExcel(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}
