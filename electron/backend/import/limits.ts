// Caps that keep a hostile or broken workbook from exhausting the machine. Real provincial forms are
// far below every one of them (a 3,321-commune Biểu 01 is about 0.5 MB and 90,000 cells).
export const IMPORT_LIMITS = {
  /** Size of the file as received. */
  maxFileBytes: 30 * 1024 * 1024,
  /** Entries in the zip package (a workbook has a few dozen). */
  maxZipEntries: 2_000,
  /** Sum of the uncompressed sizes declared by the zip central directory. */
  maxUncompressedBytes: 300 * 1024 * 1024,
  /** Used rows and columns of one sheet, and cells of the whole workbook. */
  maxRows: 100_000,
  maxColumns: 1_000,
  maxCells: 3_000_000,
  /** Time a worker may spend reading one file. */
  parseTimeoutMs: 60_000,
  /** Heap of the parsing worker. */
  workerHeapMb: 1_024,
} as const;

export type ImportLimits = { -readonly [K in keyof typeof IMPORT_LIMITS]: number };
