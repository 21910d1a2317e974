// Comparing two .xlsx packages entry by entry, and two versions of a sheet cell by cell.
import { strFromU8, unzipSync } from 'fflate';
import { indexSheet } from '../../electron/backend/export/sheet-cells';

/** Names of the entries whose bytes differ (or that exist in only one package). */
export function changedEntries(before: Uint8Array, after: Uint8Array): string[] {
  const a = unzipSync(before);
  const b = unzipSync(after);
  const names = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...names].filter((n) => !a[n] || !b[n] || Buffer.compare(Buffer.from(a[n]), Buffer.from(b[n])) !== 0).sort();
}

export function entryText(pkg: Uint8Array, name: string): string {
  const entry = unzipSync(pkg)[name];
  if (!entry) throw new Error(`no entry ${name}`);
  return strFromU8(entry);
}

/**
 * How two versions of a sheet differ: the XML outside <sheetData> must be identical (reported as
 * `outside`), and `cells` lists every cell whose <c> element differs.
 */
export function sheetDiff(before: string, after: string): { outsideSame: boolean; cells: string[]; rowsSame: boolean } {
  const strip = (xml: string) => xml.replace(/<sheetData[\s\S]*?(<\/sheetData>|<sheetData\/>)/, '');
  const a = indexSheet(before);
  const b = indexSheet(after);
  const refs = new Set([...a.cells.keys(), ...b.cells.keys()]);
  const cells = [...refs].filter((ref) => {
    const x = a.cells.get(ref);
    const y = b.cells.get(ref);
    return !x || !y || before.slice(x.start, x.end) !== after.slice(y.start, y.end);
  });
  const rowTags = (xml: string) => [...xml.matchAll(/<row\b[^>]*>/g)].map((m) => m[0]).join('\n');
  return { outsideSame: strip(before) === strip(after), cells: cells.sort(), rowsSame: rowTags(before) === rowTags(after) };
}
