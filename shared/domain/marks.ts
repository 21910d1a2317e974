// How offices write "met" in a criterion cell. Shared by the grids (typing, pasting) and anything
// else that reads marks as text.

const MET = new Set(['x', 'đạt', '1', '✓']);
const NOT_MET = new Set(['', '0', '-', 'chưa đạt']);

/** true for met, false for not met, null when the text is not a mark. */
export function parseMark(text: string): boolean | null {
  const t = text.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
  if (MET.has(t)) return true;
  if (NOT_MET.has(t)) return false;
  return null;
}

/** The mark the grid shows and copies for "met". */
export const MET_MARK = 'x';
