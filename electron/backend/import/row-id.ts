/** One string naming a row of a table by its key, for maps of rows (cheaper than JSON for hot loops). */
export function rowId(table: string, key: readonly unknown[]): string {
  return `${table}|${key.join('\u0001')}`;
}
