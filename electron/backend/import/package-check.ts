// What a file is, checked before anything parses it: a zip package (xlsx) whose central directory
// stays within the caps, a legacy OLE compound file (xls), or something to refuse. Nothing is inflated
// here except a few small XML parts, each into a buffer of its declared size.
import { strFromU8, unzipSync } from 'fflate';
import { AppError } from '../errors';
import { decodeXml } from '../export/xml-text';
import { IMPORT_LIMITS, type ImportLimits } from './limits';
import { workbookSheets } from './xlsx-parts';

export interface PackageInfo {
  format: 'xlsx' | 'xls';
  /** Sheet name → its part inside the package ("xl/worksheets/sheet1.xml"); empty for xls. */
  sheetParts: Record<string, string>;
  /** Font of the stylesheet's first entry: what unstyled text is drawn in. */
  defaultFont: string | null;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** Small parts we read ourselves to name the sheets' parts. */
const SMALL_PARTS = ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml'];
const MAX_SMALL_PART_BYTES = 4 * 1024 * 1024;

export function checkPackage(bytes: Uint8Array, limits: ImportLimits = IMPORT_LIMITS): PackageInfo {
  if (bytes.length === 0) throw new AppError('import.emptyFile');
  if (bytes.length > limits.maxFileBytes) throw new AppError('import.tooLarge', { mb: Math.round(limits.maxFileBytes / 1024 / 1024) });
  if (startsWith(bytes, CFB_MAGIC)) {
    if (isEncryptedPackage(bytes)) throw new AppError('import.encrypted');
    return { format: 'xls', sheetParts: {}, defaultFont: null };
  }
  if (!startsWith(bytes, ZIP_MAGIC)) throw new AppError('import.notWorkbook');
  const parts = readSmallParts(bytes, limits);
  return { format: 'xlsx', sheetParts: sheetPartsOf(parts), defaultFont: defaultFontOf(parts['xl/styles.xml']) };
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** Excel's password protection wraps the package in an OLE file with an "EncryptedPackage" stream. */
function isEncryptedPackage(bytes: Uint8Array): boolean {
  const needle = Buffer.from('EncryptedPackage', 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}

/** Walk the central directory (declared sizes only), refuse over-large packages, inflate the few parts we need. */
function readSmallParts(bytes: Uint8Array, limits: ImportLimits): Record<string, Uint8Array> {
  let entries = 0;
  let declared = 0;
  let hasWorkbook = false;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        entries++;
        declared += file.originalSize;
        if (entries > limits.maxZipEntries) throw new AppError('import.tooManyEntries', { max: limits.maxZipEntries });
        if (declared > limits.maxUncompressedBytes) throw new AppError('import.tooLargeUnpacked', { mb: Math.round(limits.maxUncompressedBytes / 1024 / 1024) });
        if (file.name === 'xl/workbook.xml') hasWorkbook = true;
        return SMALL_PARTS.includes(file.name) && file.originalSize <= MAX_SMALL_PART_BYTES;
      },
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('import.corrupt');
  }
  if (!hasWorkbook) throw new AppError('import.notWorkbook');
  return files;
}

function sheetPartsOf(files: Record<string, Uint8Array>): Record<string, string> {
  const workbook = files['xl/workbook.xml'];
  const rels = files['xl/_rels/workbook.xml.rels'];
  if (!workbook || !rels) throw new AppError('import.corrupt');
  return Object.fromEntries(workbookSheets(strFromU8(workbook), strFromU8(rels)).map((s) => [s.name, s.part]));
}

function defaultFontOf(styles: Uint8Array | undefined): string | null {
  if (!styles) return null;
  const fonts = /<(?:\w+:)?fonts\b[^>]*>([\s\S]*?)<\/(?:\w+:)?fonts>/.exec(strFromU8(styles))?.[1] ?? '';
  const first = /<(?:\w+:)?font\b[\s\S]*?<\/(?:\w+:)?font>/.exec(fonts)?.[0] ?? '';
  const name = /<(?:\w+:)?name\b[^>]*\sval="([^"]*)"/.exec(first)?.[1];
  return name ? decodeXml(name) : null;
}
