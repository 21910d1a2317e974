import path from 'node:path';

/** The example forms (Tam Đường 2025), copied into the repository. */
export const EXAMPLES_DIR = path.resolve(import.meta.dirname, '../fixtures/examples');

export function examplePath(name: 'bieu01-tieu-chi-xa' | 'bieu04-nguon-luc' | 'bieu05-danh-muc-cong-trinh'): string {
  return path.join(EXAMPLES_DIR, `${name}.xlsx`);
}
