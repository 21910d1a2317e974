/** One string naming a row of a table by its key, for maps of rows (cheaper than JSON for hot loops). */
export function rowId(table: string, key: readonly unknown[]): string {
  return `${table}|${key.join('\u0001')}`;
}

/**
 * Values by table and key, told apart as rowId does, without building a string per lookup: a staged form
 * looks up each of its 60,000 new rows. Keys are bucketed by a hash of their parts and compared part by part
 * (a key part is the same number or the same text, as the key columns' types keep it).
 */
export class RowIndex<V extends object> {
  private readonly tables = new Map<string, Map<number, unknown[]>>();

  get(table: string, key: readonly unknown[]): V | undefined {
    const bucket = this.tables.get(table)?.get(hashKey(key));
    if (bucket) for (let i = 0; i < bucket.length; i += 2) if (sameKey(bucket[i] as readonly unknown[], key)) return bucket[i + 1] as V;
    return undefined;
  }

  has(table: string, key: readonly unknown[]): boolean {
    return this.get(table, key) !== undefined;
  }

  set(table: string, key: readonly unknown[], value: V): void {
    let buckets = this.tables.get(table);
    if (!buckets) this.tables.set(table, (buckets = new Map()));
    const hash = hashKey(key);
    const bucket = buckets.get(hash);
    if (!bucket) {
      buckets.set(hash, [key, value]);
      return;
    }
    for (let i = 0; i < bucket.length; i += 2) {
      if (sameKey(bucket[i] as readonly unknown[], key)) {
        bucket[i + 1] = value;
        return;
      }
    }
    bucket.push(key, value);
  }
}

function hashKey(key: readonly unknown[]): number {
  let hash = key.length;
  for (const part of key) {
    if (typeof part === 'number') hash = (Math.imul(hash, 1_000_003) + (part | 0)) | 0;
    else {
      const text = String(part);
      for (let k = 0; k < text.length; k++) hash = (Math.imul(hash, 31) + text.charCodeAt(k)) | 0;
    }
  }
  return hash;
}

function sameKey(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
