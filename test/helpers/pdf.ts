// Reading PDFs the way a reviewer would: poppler's pdfinfo, pdftotext and pdftoppm (installed by .ci/run).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface PdfInfo {
  pages: number;
  widthPt: number;
  heightPt: number;
}

export function pdfInfo(file: string): PdfInfo {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(out)?.[1]);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(out);
  return { pages, widthPt: Number(size?.[1]), heightPt: Number(size?.[2]) };
}

/** The text of one page (1-based), laid out as on the page. */
export function pageText(file: string, page: number): string {
  return execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
}

export function allPages(file: string): string[] {
  return Array.from({ length: pdfInfo(file).pages }, (_, i) => pageText(file, i + 1));
}

/** Font names embedded in the PDF. */
export function pdfFonts(file: string): string[] {
  const out = execFileSync('pdffonts', [file], { encoding: 'utf8' });
  return out
    .split('\n')
    .slice(2)
    .map((line) => line.split(/\s+/)[0] ?? '')
    .filter(Boolean);
}

/** How many images the PDF holds (pdfimages -list; soft masks not counted). */
export function pdfImages(file: string): number {
  const out = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' });
  return out
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '' && line.trim().split(/\s+/)[2] !== 'smask').length;
}

export interface Raster {
  width: number;
  height: number;
  /** Greyscale, one byte a pixel. */
  pixels: Uint8Array;
}

/** A page rendered to a greyscale PGM by pdftoppm, read from its raw bytes. */
export function renderPage(file: string, page: number, dpi = 40): Raster {
  const prefix = path.join(path.dirname(file), `${path.basename(file, '.pdf')}-p${page}`);
  execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file, prefix]);
  const bytes = fs.readFileSync(`${prefix}.pgm`);
  // Header: "P5\n<width> <height>\n<maxval>\n", then the pixels.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 50).toString('latin1'));
  if (!header) throw new Error('not a binary PGM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, pixels: bytes.subarray(header[0].length, header[0].length + width * height) };
}

/** Share of dark pixels in a region given as fractions of the page (0..1). */
export function darkShare(r: Raster, region: { left: number; top: number; right: number; bottom: number }): number {
  const x0 = Math.floor(region.left * r.width);
  const x1 = Math.ceil(region.right * r.width);
  const y0 = Math.floor(region.top * r.height);
  const y1 = Math.ceil(region.bottom * r.height);
  let dark = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if ((r.pixels[y * r.width + x] ?? 255) < 128) dark++;
  return dark / ((x1 - x0) * (y1 - y0));
}
