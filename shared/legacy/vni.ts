import { VNI_PAIRS_TO_UNICODE, VNI_SINGLES_TO_UNICODE } from './tables';

const UNICODE_TO_VNI: ReadonlyMap<string, string> = new Map(
  [...VNI_PAIRS_TO_UNICODE, ...VNI_SINGLES_TO_UNICODE].map(([legacy, uni]) => [uni, legacy]),
);

/**
 * VNI text (as read from a VNI-… font cell) to Unicode. At each position the two-character sequence wins over
 * the single character: `ôù` is ớ, not ơ followed by ù.
 */
export function decodeVni(text: string): string {
  const chars = [...text];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const pair = VNI_PAIRS_TO_UNICODE.get(chars[i]! + (chars[i + 1] ?? ''));
    if (pair !== undefined) {
      out += pair;
      i++;
    } else {
      out += VNI_SINGLES_TO_UNICODE.get(chars[i]!) ?? chars[i];
    }
  }
  return out;
}

/** Unicode to VNI. Characters without a VNI form pass through. */
export function encodeVni(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) out += UNICODE_TO_VNI.get(ch) ?? ch;
  return out;
}
