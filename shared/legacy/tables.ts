// The verified legacy tables (copied verbatim from the research note's data files into resources/legacy/),
// reshaped into lookup maps. Keys are the characters a legacy byte appears as in a cell (Latin-1 / cp1252).
import tcvn3Data from '../../resources/legacy/tcvn3-map.json';
import vniData from '../../resources/legacy/vni-map.json';

/** TCVN3 (VN3): one character per letter; the 74 entries of the .VnTime fonts. */
export const TCVN3_TO_UNICODE: ReadonlyMap<string, string> = new Map(tcvn3Data.map.map((e) => [e.in, e.out]));

/**
 * Accented capitals the .VnTime fonts lack: a .Vn…H font draws them at their lowercase codes.
 * Keyed by the capital, valued by the shared code.
 */
export const TCVN3_CAPITALS_FONT_CODE: ReadonlyMap<string, string> = new Map(
  tcvn3Data.upperFontPairs.map((e) => [e.shownAs, e.in]),
);

/** VNI two-character sequences (base letter + mark character). */
export const VNI_PAIRS_TO_UNICODE: ReadonlyMap<string, string> = new Map(vniData.sequences.map((e) => [e.in, e.out]));

/** VNI letters that are one character on their own (đ, ơ, ư, the i-letters, ỵ), identity entries included. */
export const VNI_SINGLES_TO_UNICODE: ReadonlyMap<string, string> = new Map(
  [...vniData.singles, ...vniData.identity].map((e) => [e.in, e.out]),
);

/** Font names that match the VNI prefix but are believed to draw other scripts (unverified, per the note). */
export const VNI_FONT_EXCEPTIONS: readonly string[] = vniData.fontNamePattern.probablyNotVniEncodingUnverified;
