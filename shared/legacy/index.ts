// Legacy Vietnamese font encodings (TCVN3 / VNI): detection by font, table-driven conversion to Unicode.
export { legacyEncodingOfFont, isTcvn3CapitalsFont, unicodeFontFor, UNICODE_REPLACEMENT_FONT, type LegacyEncoding } from './fonts';
export { decodeLegacyRun, type DecodedRun } from './decode';
export { FoundEncodings, type WorkbookEncoding } from './found-encodings';
export { decodeTcvn3, encodeTcvn3Runs, type Tcvn3Run } from './tcvn3';
export { decodeVni, encodeVni } from './vni';
