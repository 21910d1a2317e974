// Comparing labels the way people read them: without case, diacritics or extra spaces.
import type { WordGroups } from './form-definition';

const foldCache = new Map<string, string>();

/** Lower case, no diacritics (đ → d), single spaces. A form folds the same marks and names many times over. */
export function fold(text: string): string {
  let out = foldCache.get(text);
  if (out === undefined) {
    out = text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .trim();
    if (foldCache.size >= 100_000) foldCache.clear();
    foldCache.set(text, out);
  }
  return out;
}

interface FoldedGroups {
  groups: string[][];
  /** A label shorter than this cannot hold every word of any group (folding never lengthens a label). */
  shortest: number;
}
const foldedGroups = new WeakMap<WordGroups, FoldedGroups>();

/** Whether a label contains every word of at least one group. */
export function matchesAny(label: string, groups: WordGroups): boolean {
  let folded = foldedGroups.get(groups);
  if (!folded) {
    const words = groups.map((g) => g.map(fold));
    foldedGroups.set(groups, (folded = { groups: words, shortest: Math.min(...words.map((g) => Math.max(0, ...g.map((w) => w.length)))) }));
  }
  // A form asks this of every text of every row: most (marks, numbers) are too short to match.
  if (label.length < folded.shortest) return false;
  const text = fold(label);
  if (text === '') return false;
  for (const group of folded.groups) if (containsAll(text, group)) return true;
  return false;
}

function containsAll(text: string, words: readonly string[]): boolean {
  for (const word of words) if (!containsWord(text, word)) return false;
  return true;
}

/** `word` appears in `text` on word boundaries ("xa" in "ten xa", not in "xay dung"). */
function containsWord(text: string, word: string): boolean {
  let from = 0;
  for (;;) {
    const at = text.indexOf(word, from);
    if (at < 0) return false;
    const before = at === 0 ? ' ' : (text[at - 1] as string);
    const after = at + word.length >= text.length ? ' ' : (text[at + word.length] as string);
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
    from = at + 1;
  }
}
