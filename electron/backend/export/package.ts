// An .xlsx package as its zip entries, in their original order. Only entries we change are re-serialised;
// every other entry keeps its exact bytes.
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { AppError } from '../errors';
import { decodeXml } from './xml-text';

export interface XlsxPackage {
  /** Entry name → bytes, insertion-ordered as in the original zip. */
  entries: Map<string, Uint8Array>;
}

export function readPackage(bytes: Uint8Array): XlsxPackage {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (error) {
    throw new AppError('export.error.badPackage', { detail: error instanceof Error ? error.message : String(error) });
  }
  if (!files['[Content_Types].xml'] || !files['xl/workbook.xml']) throw new AppError('export.error.badPackage', { detail: 'xl/workbook.xml' });
  return { entries: new Map(Object.entries(files)) };
}

export function writePackage(pkg: XlsxPackage): Uint8Array {
  const zippable: Zippable = {};
  for (const [name, data] of pkg.entries) zippable[name] = [data, { level: 6 }];
  return zipSync(zippable);
}

export function readText(pkg: XlsxPackage, name: string): string | undefined {
  const data = pkg.entries.get(name);
  return data ? strFromU8(data) : undefined;
}

export function writeText(pkg: XlsxPackage, name: string, text: string): void {
  pkg.entries.set(name, strToU8(text));
}

export interface SheetEntry {
  name: string;
  part: string;
}

/** The workbook's sheets in tab order with the package part of each. */
export function listSheets(pkg: XlsxPackage): SheetEntry[] {
  const workbook = readText(pkg, 'xl/workbook.xml') ?? '';
  const rels = readText(pkg, 'xl/_rels/workbook.xml.rels') ?? '';
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[1] ?? '')?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[1] ?? '')?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const sheets: SheetEntry[] = [];
  for (const m of workbook.matchAll(/<sheet\b([^>]*)\/?>/g)) {
    const attrs = m[1] ?? '';
    const name = /\bname="([^"]*)"/.exec(attrs)?.[1];
    const rid = /\br:id="([^"]*)"/.exec(attrs)?.[1] ?? /\bid="([^"]*)"/.exec(attrs)?.[1];
    const part = rid ? targets.get(rid) : undefined;
    if (name !== undefined && part) sheets.push({ name: decodeXml(name), part: normalisePart(part) });
  }
  return sheets;
}

function normalisePart(part: string): string {
  const out: string[] = [];
  for (const segment of part.split('/')) {
    if (segment === '..') out.pop();
    else if (segment !== '.') out.push(segment);
  }
  return out.join('/');
}
