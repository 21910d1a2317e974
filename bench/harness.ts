// The contract of a benchmark script: `bench/<name>.bench.ts` default-exports a function that
// measures and returns figures, each next to a peer measured in the same run.

export interface Figure {
  /** What was measured, e.g. "Open a 3,321-commune document and compute its summary". */
  name: string;
  value: number;
  unit: 'ms' | 'MB' | 's' | 'ops/s';
  /** The same operation done by a reference (a bare library, a plain grid), measured in this run. */
  peer?: { name: string; value: number };
  /** A target from the issue, for the reader ("≤ 500 ms"); never asserted. */
  target?: string;
  note?: string;
}

export type Bench = () => Promise<Figure[]>;

/** Median of repeated runs of `fn`, in milliseconds. */
export async function timeMedian(runs: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return percentile(times, 50);
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

export function heapMb(): number {
  return Math.round((process.memoryUsage().heapUsed / 1024 / 1024) * 10) / 10;
}

export function rssMb(): number {
  return Math.round((process.memoryUsage().rss / 1024 / 1024) * 10) / 10;
}
