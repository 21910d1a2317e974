// Font names of the text cells of a legacy .xls (BIFF8) workbook, which SheetJS does not expose: without them
// text typed in .VnTime / VNI-Times in an old .xls could not be told from Unicode. Reads only the records that
// carry fonts (FONT, XF, SST with its rich-text runs, BOUNDSHEET, LABELSST, LABEL, RSTRING, FORMULA).
// BIFF5 and older (Excel 95) workbooks give null: their text is in a code page and has no SST.
import * as XLSX from 'xlsx';
import type { TextRun } from '../import/cell-text';

interface CfbReader {
  read(data: Buffer, options: { type: 'buffer' }): unknown;
  find(container: unknown, path: string): { content?: ArrayLike<number> } | null;
}

/**
 * SheetJS's compound-file reader (typed `any` by the package). Loaded as ESM through Node's CommonJS
 * interop, the namespace carries only the detected named exports, so CFB may sit on the default export.
 */
const CFB = ((XLSX as { CFB?: CfbReader }).CFB ?? (XLSX as unknown as { default?: { CFB?: CfbReader } }).default?.CFB) as CfbReader;

/** The fonts a cell's text is drawn in: its style's font, and the runs of a rich-text string. */
export interface XlsCellFonts {
  cellFont: string | null;
  /** Present when the cell holds a rich-text string whose runs name their own fonts. */
  runs?: TextRun[];
}

export interface XlsFonts {
  /** The workbook's default font (font 0, the Normal style's). */
  defaultFont: string | null;
  /** Fonts of a text or formula cell; row and column are 1-based. */
  cell(sheet: string, row: number, col: number): XlsCellFonts | undefined;
}

const RECORD = { BOF: 0x0809, EOF: 0x000a, FONT: 0x0031, XF: 0x00e0, SST: 0x00fc, CONTINUE: 0x003c, BOUNDSHEET: 0x0085, LABELSST: 0x00fd, LABEL: 0x0204, RSTRING: 0x00d6, FORMULA: 0x0006 } as const;
const BIFF8 = 0x0600;

interface Rec {
  type: number;
  data: Uint8Array;
  /** Offset of the record header in the stream. */
  at: number;
}

export function readXlsFonts(xls: Uint8Array): XlsFonts | null {
  let stream: ArrayLike<number> | undefined;
  try {
    stream = CFB.find(CFB.read(Buffer.from(xls.buffer, xls.byteOffset, xls.byteLength), { type: 'buffer' }), 'Workbook')?.content;
  } catch {
    return null;
  }
  if (!stream) return null;
  const records = readRecords(Uint8Array.from(stream));
  const bof = records[0];
  if (!bof || bof.type !== RECORD.BOF || u16(bof.data, 0) !== BIFF8) return null;

  const fonts: string[] = [];
  const xfFonts: number[] = [];
  const sheets: { name: string; offset: number }[] = [];
  let sst: { text: string; runs?: { at: number; font: number }[] }[] = [];
  for (let i = 0; i < records.length; i++) {
    const rec = records[i]!;
    if (rec.type === RECORD.FONT) fonts.push(shortString(rec.data, 14));
    else if (rec.type === RECORD.XF) xfFonts.push(u16(rec.data, 0));
    else if (rec.type === RECORD.BOUNDSHEET) sheets.push({ offset: u32(rec.data, 0), name: shortString(rec.data, 6) });
    else if (rec.type === RECORD.SST) sst = readSst(rec, records, i);
    else if (rec.type === RECORD.EOF) break;
  }
  // Font indexes skip 4 (a relic of BIFF4), so index 5 is the fifth FONT record.
  const fontName = (index: number): string | null => fonts[index < 4 ? index : index - 1] ?? null;
  const xfFont = (xf: number): string | null => fontName(xfFonts[xf] ?? 0);

  const cells = new Map<string, XlsCellFonts>();
  const byOffset = new Map(records.map((rec, i) => [rec.at, i]));
  for (const sheet of sheets) {
    const start = byOffset.get(sheet.offset);
    if (start === undefined) continue;
    for (let i = start + 1; i < records.length; i++) {
      const { type, data } = records[i]!;
      if (type === RECORD.EOF) break;
      if (type !== RECORD.LABELSST && type !== RECORD.LABEL && type !== RECORD.RSTRING && type !== RECORD.FORMULA) continue;
      const key = cellKey(sheet.name, u16(data, 0) + 1, u16(data, 2) + 1);
      const found: XlsCellFonts = { cellFont: xfFont(u16(data, 4)) };
      const string = type === RECORD.LABELSST ? sst[u32(data, 6)] : undefined;
      if (string?.runs?.length) found.runs = splitRuns(string.text, string.runs, found.cellFont, fontName);
      cells.set(key, found);
    }
  }
  return { defaultFont: fontName(0), cell: (sheet, row, col) => cells.get(cellKey(sheet, row, col)) };
}

function cellKey(sheet: string, row: number, col: number): string {
  return `${sheet}\u0000${row}\u0000${col}`;
}

/** Runs of a rich string: the text before the first run is drawn in the cell's font. */
function splitRuns(text: string, runs: { at: number; font: number }[], cellFont: string | null, fontName: (i: number) => string | null): TextRun[] {
  const out: TextRun[] = [];
  if (runs[0]!.at > 0) out.push({ text: text.slice(0, runs[0]!.at), fontName: cellFont ?? undefined });
  runs.forEach((run, i) => {
    const end = runs[i + 1]?.at ?? text.length;
    if (end > run.at) out.push({ text: text.slice(run.at, end), fontName: fontName(run.font) ?? undefined });
  });
  return out;
}

function readRecords(stream: Uint8Array): Rec[] {
  const records: Rec[] = [];
  for (let at = 0; at + 4 <= stream.length; ) {
    const type = u16(stream, at);
    const length = u16(stream, at + 2);
    records.push({ type, at, data: stream.subarray(at + 4, at + 4 + length) });
    at += 4 + length;
  }
  return records;
}

/**
 * The shared strings. A string may continue into CONTINUE records; where its characters do, the continuation
 * starts with a fresh option byte saying whether they are 8- or 16-bit.
 */
function readSst(sstRecord: Rec, records: Rec[], index: number): { text: string; runs?: { at: number; font: number }[] }[] {
  const blocks: Uint8Array[] = [sstRecord.data];
  for (let i = index + 1; records[i]?.type === RECORD.CONTINUE; i++) blocks.push(records[i]!.data);
  const reader = new BlockReader(blocks);
  reader.skip(4);
  const count = reader.u32();
  const strings: { text: string; runs?: { at: number; font: number }[] }[] = [];
  for (let s = 0; s < count && !reader.done; s++) {
    const length = reader.u16();
    const flags = reader.u8();
    const runCount = flags & 0x08 ? reader.u16() : 0;
    const extLength = flags & 0x04 ? reader.u32() : 0;
    const text = reader.chars(length, (flags & 0x01) !== 0);
    const runs: { at: number; font: number }[] = [];
    for (let r = 0; r < runCount; r++) runs.push({ at: reader.u16(), font: reader.u16() });
    reader.skip(extLength);
    strings.push(runCount ? { text, runs } : { text });
  }
  return strings;
}

class BlockReader {
  private block = 0;
  private pos = 0;

  constructor(private readonly blocks: Uint8Array[]) {}

  get done(): boolean {
    return this.block >= this.blocks.length;
  }

  u8(): number {
    this.settle();
    const data = this.blocks[this.block];
    if (!data) return 0;
    return data[this.pos++] ?? 0;
  }

  u16(): number {
    return this.u8() | (this.u8() << 8);
  }

  u32(): number {
    return (this.u16() | (this.u16() << 16)) >>> 0;
  }

  skip(bytes: number): void {
    for (let i = 0; i < bytes && !this.done; i++) this.u8();
  }

  chars(count: number, wide: boolean): string {
    let text = '';
    let sixteen = wide;
    for (let i = 0; i < count && !this.done; i++) {
      if (this.pos >= (this.blocks[this.block]?.length ?? 0)) {
        this.block++;
        this.pos = 0;
        sixteen = (this.u8() & 0x01) !== 0;
      }
      text += String.fromCharCode(sixteen ? this.u16() : this.u8());
    }
    return text;
  }

  /** Moves to the next block when the current one is used up. */
  private settle(): void {
    while (this.block < this.blocks.length && this.pos >= this.blocks[this.block]!.length) {
      this.block++;
      this.pos = 0;
    }
  }
}

/** ShortXLUnicodeString: 8-bit length, option byte, 8- or 16-bit characters. */
function shortString(data: Uint8Array, at: number): string {
  const length = data[at] ?? 0;
  const wide = ((data[at + 1] ?? 0) & 0x01) !== 0;
  let text = '';
  for (let i = 0; i < length; i++) text += String.fromCharCode(wide ? u16(data, at + 2 + 2 * i) : (data[at + 2 + i] ?? 0));
  return text;
}

function u16(data: Uint8Array, at: number): number {
  return (data[at] ?? 0) | ((data[at + 1] ?? 0) << 8);
}

function u32(data: Uint8Array, at: number): number {
  return (u16(data, at) | (u16(data, at + 2) << 16)) >>> 0;
}
