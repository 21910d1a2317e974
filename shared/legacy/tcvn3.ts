import { TCVN3_CAPITALS_FONT_CODE, TCVN3_TO_UNICODE } from './tables';

const UNICODE_TO_TCVN3: ReadonlyMap<string, string> = new Map([...TCVN3_TO_UNICODE].map(([legacy, uni]) => [uni, legacy]));

/** TCVN3 text (as read from a .Vn… font cell) to Unicode. Characters outside the table pass through. */
export function decodeTcvn3(text: string): string {
  let out = '';
  for (const ch of text) out += TCVN3_TO_UNICODE.get(ch) ?? ch;
  return out;
}

/** A piece of TCVN3 text and whether it must be shown in the capitals (.Vn…H) font. */
export interface Tcvn3Run {
  text: string;
  capitals: boolean;
}

/**
 * Unicode to TCVN3 as a typist would have produced it: an all-capitals text goes whole into the capitals font;
 * otherwise accented capitals the plain font lacks become single-letter runs in the capitals font.
 */
export function encodeTcvn3Runs(text: string): Tcvn3Run[] {
  const nfc = text.normalize('NFC');
  const needsCapitals = [...nfc].some(onlyInCapitalsFont);
  if (!needsCapitals) return [{ text: encodeLetters(nfc), capitals: false }];
  if (nfc === nfc.toUpperCase()) return [{ text: encodeLetters(nfc.toLowerCase()), capitals: true }];
  const runs: Tcvn3Run[] = [];
  for (const ch of nfc) {
    const capitals = onlyInCapitalsFont(ch);
    const code = capitals ? (TCVN3_CAPITALS_FONT_CODE.get(ch) as string) : encodeLetters(ch);
    const last = runs.at(-1);
    if (last && last.capitals === capitals) last.text += code;
    else runs.push({ text: code, capitals });
  }
  return runs;
}

function onlyInCapitalsFont(ch: string): boolean {
  return !UNICODE_TO_TCVN3.has(ch) && TCVN3_CAPITALS_FONT_CODE.has(ch);
}

function encodeLetters(text: string): string {
  let out = '';
  for (const ch of text) out += UNICODE_TO_TCVN3.get(ch) ?? ch;
  return out;
}
