// Cell styles for text written back into a legacy-font workbook. A changed text cell is written in Unicode, so
// it must not stay in .VnTime / VNI-Times (Excel would show the new Unicode text garbled): its style gets a
// twin whose font is Times New Roman with the same size, weight, slant, underline and colour. Untouched cells
// keep their styles; fonts and cell formats are only appended, so every existing style index stays valid.
import { legacyEncodingOfFont, UNICODE_REPLACEMENT_FONT } from '../../../shared/legacy';

const ELEMENT = (tag: string) => new RegExp(`<(?:\\w+:)?${tag}\\b[^>]*?(?:\\/>|>[\\s\\S]*?<\\/(?:\\w+:)?${tag}>)`, 'g');

interface Section {
  /** Offset of the inner text in the stylesheet, and the inner text itself. */
  start: number;
  inner: string;
  items: string[];
}

export interface UnicodeStyles {
  /** The style index to give a cell of style `style` that now holds Unicode text. Same index when its font is not legacy. */
  styleFor(style: number): number;
  /** Whether any style was added (the stylesheet then needs rewriting). */
  readonly changed: boolean;
  /** The stylesheet with the added fonts and cell formats. */
  xml(): string;
}

export function unicodeStyles(stylesXml: string): UnicodeStyles {
  const fonts = section(stylesXml, 'fonts', 'font');
  const cellXfs = section(stylesXml, 'cellXfs', 'xf');
  const addedFonts: string[] = [];
  const addedXfs: string[] = [];
  const twins = new Map<number, number>();

  function styleFor(style: number): number {
    const known = twins.get(style);
    if (known !== undefined) return known;
    let twin = style;
    const xf = cellXfs?.items[style];
    if (fonts && cellXfs && xf !== undefined) {
      const fontId = Number(/\sfontId="(\d+)"/.exec(openingTag(xf))?.[1] ?? 0);
      const font = fonts.items[fontId];
      if (font !== undefined && legacyEncodingOfFont(fontName(font))) {
        addedFonts.push(unicodeFont(font));
        addedXfs.push(withFont(xf, fonts.items.length + addedFonts.length - 1));
        twin = cellXfs.items.length + addedXfs.length - 1;
      }
    }
    twins.set(style, twin);
    return twin;
  }

  function xml(): string {
    if (!fonts || !cellXfs || addedXfs.length === 0) return stylesXml;
    // Patch the later section first so the earlier one's offsets stay right.
    const patches = [
      { at: fonts, added: addedFonts },
      { at: cellXfs, added: addedXfs },
    ].sort((a, b) => b.at.start - a.at.start);
    let out = stylesXml;
    for (const { at, added } of patches) {
      const end = at.start + at.inner.length;
      out = out.slice(0, at.start) + at.inner + added.join('') + out.slice(end);
      out = withCount(out, at, at.items.length + added.length);
    }
    return out;
  }

  return {
    styleFor,
    get changed() {
      return addedXfs.length > 0;
    },
    xml,
  };
}

function section(xml: string, tag: string, itemTag: string): Section | null {
  const m = new RegExp(`<(?:\\w+:)?${tag}\\b[^>]*>([\\s\\S]*?)</(?:\\w+:)?${tag}>`).exec(xml);
  if (!m) return null;
  const inner = m[1] ?? '';
  return { start: m.index + m[0].indexOf('>') + 1, inner, items: [...inner.matchAll(ELEMENT(itemTag))].map((i) => i[0]) };
}

/** Sets the count attribute of the section's opening tag, which ends right before `at.start`. */
function withCount(xml: string, at: Section, count: number): string {
  const open = xml.lastIndexOf('<', at.start - 1);
  const tag = xml.slice(open, at.start);
  const counted = /\scount="\d+"/.test(tag) ? tag.replace(/\scount="\d+"/, ` count="${count}"`) : tag.replace(/>$/, ` count="${count}">`);
  return xml.slice(0, open) + counted + xml.slice(at.start);
}

function openingTag(element: string): string {
  return /^<[^>]*>/.exec(element)?.[0] ?? element;
}

function fontName(font: string): string | undefined {
  return /<(?:\w+:)?name\b[^>]*\sval="([^"]*)"/.exec(font)?.[1];
}

/** The font with a Unicode face; charset and theme scheme go, as they belong to the legacy face. */
function unicodeFont(font: string): string {
  return font
    .replace(/(<(?:\w+:)?name\b[^>]*\sval=")[^"]*(")/, `$1${UNICODE_REPLACEMENT_FONT}$2`)
    .replace(/<(?:\w+:)?(?:charset|scheme)\b[^>]*\/>/g, '');
}

function withFont(xf: string, fontId: number): string {
  const open = openingTag(xf);
  let tag = /\sfontId="\d+"/.test(open) ? open.replace(/\sfontId="\d+"/, ` fontId="${fontId}"`) : open.replace(/^<([\w:]+)/, `<$1 fontId="${fontId}"`);
  tag = /\sapplyFont="[^"]*"/.test(tag) ? tag.replace(/\sapplyFont="[^"]*"/, ' applyFont="1"') : tag.replace(/^<([\w:]+)/, '<$1 applyFont="1"');
  return tag + xf.slice(open.length);
}
