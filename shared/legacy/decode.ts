import { isTcvn3CapitalsFont, legacyEncodingOfFont, type LegacyEncoding } from './fonts';
import { decodeTcvn3 } from './tcvn3';
import { decodeVni } from './vni';

// Characters legacy text never contains (it only holds Latin-1 and cp1252 punctuation): their presence means the
// run was typed in Unicode, or converted earlier, into a cell still formatted with a legacy font.
const UNICODE_ONLY = /[ĂăĐđĨĩŨũƠơƯư\u1EA0-\u1EF9]|\p{M}/u;

/** A text run as it reads in Unicode, and the legacy encoding it was found in (null when nothing was converted). */
export interface DecodedRun {
  text: string;
  encoding: LegacyEncoding | null;
}

/**
 * The Unicode reading of a run of text drawn in `fontName`. Must see the text exactly as stored: any case change,
 * trim or cleaning before this call destroys TCVN3 (it uses both halves of Latin-1 case pairs, and U+00AD for ư).
 */
export function decodeLegacyRun(text: string, fontName: string | null | undefined): DecodedRun {
  const encoding = legacyEncodingOfFont(fontName);
  if (!encoding || UNICODE_ONLY.test(text)) return { text, encoding: null };
  const decoded = encoding === 'tcvn3' ? decodeTcvn3(text) : decodeVni(text);
  const shown = encoding === 'tcvn3' && isTcvn3CapitalsFont(fontName) ? decoded.toUpperCase() : decoded;
  return { text: shown, encoding: decoded === text ? null : encoding };
}
