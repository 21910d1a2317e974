// The workbook's shared string table, read-only: export never rewrites sharedStrings.xml. New text goes
// into the sheet as an inline string, and text the table already holds is referenced by its index.
import { readText, type XlsxPackage } from './package';
import { runText } from './xml-text';

export interface SharedStrings {
  texts: string[];
  /** First index of each distinct plain (unformatted) text. */
  indexOf(text: string): number | undefined;
}

export function readSharedStrings(pkg: XlsxPackage): SharedStrings {
  const xml = readText(pkg, 'xl/sharedStrings.xml') ?? '';
  const texts: string[] = [];
  const plain = new Map<string, number>();
  for (const m of xml.matchAll(/<si\b[^>]*?(?:\/>|>([\s\S]*?)<\/si>)/g)) {
    const inner = m[1] ?? '';
    const text = runText(inner);
    // Rich-text items carry run formatting; reusing one for a plain value would change how it looks.
    if (!inner.includes('<r>') && !inner.includes('<r ') && !plain.has(text)) plain.set(text, texts.length);
    texts.push(text);
  }
  return { texts, indexOf: (text) => plain.get(text) };
}
