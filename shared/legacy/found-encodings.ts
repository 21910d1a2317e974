import type { LegacyEncoding } from './fonts';

export type WorkbookEncoding = 'unicode' | LegacyEncoding | 'mixed';

/** Collects the legacy encodings met while reading a workbook, for the preview and the binding. */
export class FoundEncodings {
  private readonly found = new Set<LegacyEncoding>();

  note(encoding: LegacyEncoding | null): void {
    if (encoding) this.found.add(encoding);
  }

  /** `unicode` when no legacy text was met, the one encoding met, or `mixed` for both. */
  get summary(): WorkbookEncoding {
    if (this.found.size === 0) return 'unicode';
    if (this.found.size > 1) return 'mixed';
    return [...this.found][0]!;
  }
}
