// The workbook's default font: the font of cellXfs[0] ("Normal"), which every cell without a style is drawn
// in. Old forms often set it to .VnTime. ExcelJS does not expose it (an unstyled cell has no `font`), so it is
// read from the package's stylesheet.
import { strFromU8, unzipSync } from 'fflate';

const STYLES_PART = 'xl/styles.xml';
/** A stylesheet is small; anything bigger is not worth inflating just for its first font. */
const MAX_STYLES_BYTES = 8 * 1024 * 1024;

/** Name of the default font of an .xlsx package, or null when the package has no readable stylesheet. */
export function readWorkbookDefaultFont(xlsx: Uint8Array): string | null {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(xlsx, { filter: (file) => file.name === STYLES_PART && file.originalSize <= MAX_STYLES_BYTES });
  } catch {
    return null;
  }
  const styles = files[STYLES_PART];
  return styles ? defaultFontOfStylesheet(strFromU8(styles)) : null;
}

/** Name of the font that cellXfs[0] points at in a styles.xml text (fonts[0] when cellXfs names none). */
export function defaultFontOfStylesheet(stylesXml: string): string | null {
  const cellXfs = element(stylesXml, 'cellXfs');
  const firstXf = cellXfs ? /<(?:\w+:)?xf\b[^>]*>/.exec(cellXfs)?.[0] : undefined;
  const fontId = Number(firstXf ? (/\sfontId="(\d+)"/.exec(firstXf)?.[1] ?? 0) : 0);
  const fonts = element(stylesXml, 'fonts');
  if (!fonts) return null;
  const font = [...fonts.matchAll(/<(?:\w+:)?font\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?font>)/g)][fontId]?.[0];
  const name = font ? /<(?:\w+:)?name\b[^>]*\sval="([^"]*)"/.exec(font)?.[1] : undefined;
  return name ? decodeXmlAttribute(name) : null;
}

/** The inner text of the first `<tag>…</tag>` (any namespace prefix). */
function element(xml: string, tag: string): string | undefined {
  return new RegExp(`<(?:\\w+:)?${tag}\\b[^>]*>([\\s\\S]*?)</(?:\\w+:)?${tag}>`).exec(xml)?.[1];
}

function decodeXmlAttribute(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
