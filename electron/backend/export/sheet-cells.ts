// Reading the cells of a worksheet part and rewriting chosen cells in place. Everything outside the
// rewritten <c> elements (and rows or cells that must be added) is kept character for character.
import { AppError } from '../errors';
import { parseA1, toA1 } from './a1';
import type { SharedStrings } from './shared-strings';
import { attr, decodeXml, escapeXml, runText, stripInvalidXmlChars, withoutAttrs } from './xml-text';

export interface SheetCell {
  ref: string;
  row: number;
  col: number;
  /** Attribute text of the <c> element (without the leading name). */
  attrs: string;
  /** Content between <c …> and </c>; null for a self-closing cell. */
  inner: string | null;
  start: number;
  end: number;
}

interface SheetRow {
  index: number;
  /** Where new cells go when they come after every existing cell of the row. */
  appendAt: number;
  /** A self-closing <row/> must be opened before cells can go in. */
  selfClosing: { start: number; end: number; attrs: string } | null;
  cells: SheetCell[];
}

export interface SheetIndex {
  xml: string;
  rows: SheetRow[];
  cells: Map<string, SheetCell>;
  /** Where rows that come after every existing row are inserted. */
  rowsEnd: number;
  /** A self-closing <sheetData/>, which must be opened before rows can go in. */
  emptySheetData: { start: number; end: number } | null;
  /** Namespace prefix of the worksheet's elements ("" or e.g. "x:"), used for rows and cells written. */
  prefix: string;
}

export type CellValue =
  | { type: 'number'; value: number }
  | { type: 'text'; text: string }
  | { type: 'boolean'; value: boolean }
  | { type: 'error'; text: string }
  | { type: 'empty' };

export interface ReadCell {
  value: CellValue;
  formula: string | null;
  /** Index into cellXfs (the s attribute), 0 when absent. */
  style: number;
}

export type FormulaResult = number | string | boolean | null | { error: string };

export type CellWrite =
  /** A data cell gets a new value (its formula, if any, is dropped); `style` replaces the s attribute. */
  | { kind: 'value'; value: CellValue; style?: number }
  /** A formula cell keeps its formula and gets a new cached result. */
  | { kind: 'cached'; result: FormulaResult };

export function indexSheet(xml: string): SheetIndex {
  const open = /<(\w+:)?sheetData\b[^>]*?(\/?)>/.exec(xml);
  if (!open) throw new AppError('export.error.badPackage', { detail: 'sheetData' });
  const prefix = open[1] ?? '';
  const cells = new Map<string, SheetCell>();
  if (open[2] === '/') {
    const end = open.index + open[0].length;
    return { xml, rows: [], cells, rowsEnd: end, emptySheetData: { start: open.index, end }, prefix };
  }
  const bodyStart = open.index + open[0].length;
  const bodyEnd = xml.indexOf(`</${prefix}sheetData>`, bodyStart);
  if (bodyEnd < 0) throw new AppError('export.error.badPackage', { detail: 'sheetData' });
  const rows: SheetRow[] = [];
  const closeRow = `</${prefix}row>`;
  const rowRe = new RegExp(`<${prefix}row\\b([^>]*?)(\\/>|>([\\s\\S]*?)${closeRow})`, 'g');
  const cellRe = new RegExp(`<${prefix}c\\b([^>]*?)(?:\\/>|>([\\s\\S]*?)</${prefix}c>)`, 'g');
  rowRe.lastIndex = bodyStart;
  let lastRow = 0;
  for (let m = rowRe.exec(xml); m && m.index < bodyEnd; m = rowRe.exec(xml)) {
    const rowAttrs = m[1] ?? '';
    const index = Number(attr(rowAttrs, 'r') ?? lastRow + 1);
    lastRow = index;
    const rowEnd = m.index + m[0].length;
    if (m[2] === '/>') {
      rows.push({ index, appendAt: rowEnd, selfClosing: { start: m.index, end: rowEnd, attrs: rowAttrs }, cells: [] });
      continue;
    }
    const innerStart = m.index + m[0].length - (m[3] ?? '').length - closeRow.length;
    const row: SheetRow = { index, appendAt: rowEnd - closeRow.length, selfClosing: null, cells: [] };
    let lastCol = 0;
    for (const c of (m[3] ?? '').matchAll(cellRe)) {
      const cellAttrs = c[1] ?? '';
      const explicit = attr(cellAttrs, 'r');
      const pos = explicit ? parseA1(explicit) : { row: index, col: lastCol + 1 };
      if (!pos) continue;
      lastCol = pos.col;
      const start = innerStart + (c.index ?? 0);
      const cell: SheetCell = { ref: toA1(pos.row, pos.col), row: pos.row, col: pos.col, attrs: cellAttrs, inner: c[2] ?? null, start, end: start + c[0].length };
      row.cells.push(cell);
      cells.set(cell.ref, cell);
    }
    rows.push(row);
  }
  return { xml, rows, cells, rowsEnd: bodyEnd, emptySheetData: null, prefix };
}

export function readCell(cell: SheetCell | undefined, strings: SharedStrings): ReadCell {
  if (!cell) return { value: { type: 'empty' }, formula: null, style: 0 };
  const inner = cell.inner ?? '';
  const type = attr(cell.attrs, 't') ?? 'n';
  const style = Number(attr(cell.attrs, 's') ?? 0);
  const f = /<(?:\w+:)?f\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?f>)/.exec(inner);
  const formula = f ? decodeXml(f[1] ?? '') : null;
  const v = /<(?:\w+:)?v\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?v>)/.exec(inner);
  const raw = v ? decodeXml(v[1] ?? '') : null;
  return { value: cellValue(type, raw, inner, strings), formula, style };
}

function cellValue(type: string, raw: string | null, inner: string, strings: SharedStrings): CellValue {
  switch (type) {
    case 'inlineStr': {
      const is = /<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/.exec(inner);
      return is ? { type: 'text', text: runText(is[1] ?? '') } : { type: 'empty' };
    }
    case 's': {
      const text = raw === null ? undefined : strings.texts[Number(raw)];
      return text === undefined ? { type: 'empty' } : { type: 'text', text };
    }
    case 'str':
    case 'd':
      return raw === null ? { type: 'empty' } : { type: 'text', text: raw };
    case 'b':
      return raw === null ? { type: 'empty' } : { type: 'boolean', value: raw.trim() === '1' || raw.trim() === 'true' };
    case 'e':
      return { type: 'error', text: raw ?? '#N/A' };
    default: {
      if (raw === null || raw.trim() === '') return { type: 'empty' };
      const n = Number(raw);
      return Number.isFinite(n) ? { type: 'number', value: n } : { type: 'text', text: raw };
    }
  }
}

/** The sheet XML with `writes` applied: each written cell is replaced or inserted in row and column order. */
export function patchSheet(index: SheetIndex, writes: ReadonlyMap<string, CellWrite>, strings: SharedStrings): string {
  if (writes.size === 0) return index.xml;
  const ns = (markup: string) => prefixed(markup, index.prefix);
  const render = (ref: string, existing: SheetCell | undefined, write: CellWrite) => ns(renderCell(ref, existing, write, strings));
  const splices: { start: number; end: number; text: string; order: number }[] = [];
  const pending = new Map<number, { col: number; ref: string; write: CellWrite }[]>();
  for (const [ref, write] of writes) {
    const existing = index.cells.get(ref);
    if (existing) {
      splices.push({ start: existing.start, end: existing.end, text: render(ref, existing, write), order: 0 });
      continue;
    }
    const pos = parseA1(ref);
    if (!pos) throw new AppError('export.error.badBinding', { detail: ref });
    const list = pending.get(pos.row) ?? [];
    list.push({ col: pos.col, ref, write });
    pending.set(pos.row, list);
  }
  const rowsByIndex = new Map(index.rows.map((r) => [r.index, r]));
  const newRows: { row: number; text: string }[] = [];
  for (const [rowIndex, list] of pending) {
    list.sort((a, b) => a.col - b.col);
    const row = rowsByIndex.get(rowIndex);
    if (!row) {
      newRows.push({ row: rowIndex, text: ns(`<row r="${rowIndex}">`) + list.map((p) => render(p.ref, undefined, p.write)).join('') + ns('</row>') });
      continue;
    }
    if (row.selfClosing) {
      const body = list.map((p) => render(p.ref, undefined, p.write)).join('');
      splices.push({ start: row.selfClosing.start, end: row.selfClosing.end, text: ns(`<row${row.selfClosing.attrs}>`) + body + ns('</row>'), order: 0 });
      continue;
    }
    for (const p of list) {
      const before = row.cells.find((c) => c.col > p.col);
      splices.push({ start: before ? before.start : row.appendAt, end: before ? before.start : row.appendAt, text: render(p.ref, undefined, p.write), order: p.col });
    }
  }
  newRows.sort((a, b) => a.row - b.row);
  for (const nr of newRows) {
    const before = index.rows.find((r) => r.index > nr.row);
    const at = before ? rowStart(index, before) : index.rowsEnd;
    splices.push({ start: at, end: at, text: nr.text, order: nr.row });
  }
  if (index.emptySheetData && newRows.length > 0) {
    const { start, end } = index.emptySheetData;
    const body = newRows.map((r) => r.text).join('');
    return index.xml.slice(0, start) + ns('<sheetData>') + body + ns('</sheetData>') + index.xml.slice(end);
  }
  splices.sort((a, b) => a.start - b.start || a.order - b.order);
  let out = '';
  let at = 0;
  for (const s of splices) {
    out += index.xml.slice(at, s.start) + s.text;
    at = s.end;
  }
  return out + index.xml.slice(at);
}

function rowStart(index: SheetIndex, row: SheetRow): number {
  if (row.selfClosing) return row.selfClosing.start;
  return index.xml.lastIndexOf(`<${index.prefix}row`, row.cells[0]?.start ?? row.appendAt);
}

/** Markup we write, in the worksheet's own namespace prefix (the formula element copied from the cell keeps its own). */
function prefixed(markup: string, prefix: string): string {
  return prefix ? markup.replace(/<(\/?)(sheetData|row|c|v|is|t)(?=[\s>/])/g, `<$1${prefix}$2`) : markup;
}

function renderCell(ref: string, existing: SheetCell | undefined, write: CellWrite, strings: SharedStrings): string {
  // The value's own attributes are rewritten; style and anything else the province's file carries stay.
  const kept = existing ? withoutAttrs(existing.attrs, ['r', 't', 'vm', 'cm']) : '';
  if (write.kind === 'cached') {
    const formula = /<(?:\w+:)?f\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?f>)/.exec(existing?.inner ?? '')?.[0] ?? '';
    const { type, v } = cachedResult(write.result);
    return `<c r="${ref}"${kept}${type ? ` t="${type}"` : ''}>${formula}${v === null ? '' : `<v>${escapeXml(v)}</v>`}</c>`;
  }
  const attrs = write.style === undefined ? kept : `${withoutAttrs(kept, ['s'])} s="${write.style}"`;
  const value = write.value;
  switch (value.type) {
    case 'empty':
      return `<c r="${ref}"${attrs}/>`;
    case 'number':
      return `<c r="${ref}"${attrs}><v>${numberText(value.value)}</v></c>`;
    case 'boolean':
      return `<c r="${ref}"${attrs} t="b"><v>${value.value ? 1 : 0}</v></c>`;
    case 'error':
      return `<c r="${ref}"${attrs} t="e"><v>${escapeXml(value.text)}</v></c>`;
    case 'text': {
      const text = stripInvalidXmlChars(value.text);
      const shared = strings.indexOf(text);
      if (shared !== undefined) return `<c r="${ref}"${attrs} t="s"><v>${shared}</v></c>`;
      // A string cell is never evaluated, so text starting with =, +, - or @ stays text.
      return `<c r="${ref}"${attrs} t="inlineStr"><is><t xml:space="preserve">${escapeXml(text)}</t></is></c>`;
    }
  }
}

function cachedResult(result: FormulaResult): { type: string | null; v: string | null } {
  if (result === null) return { type: null, v: null };
  if (typeof result === 'number') return { type: null, v: numberText(result) };
  if (typeof result === 'boolean') return { type: 'b', v: result ? '1' : '0' };
  if (typeof result === 'string') return { type: 'str', v: stripInvalidXmlChars(result) };
  return { type: 'e', v: result.error };
}

/** Numbers as Excel stores them: the shortest round-tripping form, never locale-formatted. */
export function numberText(value: number): string {
  if (!Number.isFinite(value)) throw new AppError('export.error.badNumber', { value: String(value) });
  return Object.is(value, -0) ? '0' : String(value);
}
