// What each cell style says about its cells: the font it draws in (text in legacy-font cells, TCVN3 or
// VNI, is read in Unicode before export compares it with the document) and whether it shows percentages.
const ITEM = (tag: string) => new RegExp(`<(?:\\w+:)?${tag}\\b[^>]*?(?:\\/>|>[\\s\\S]*?<\\/(?:\\w+:)?${tag}>)`, 'g');

function section(xml: string, tag: string): string {
  return new RegExp(`<(?:\\w+:)?${tag}\\b[^>]*>([\\s\\S]*?)</(?:\\w+:)?${tag}>`).exec(xml)?.[1] ?? '';
}

/** One numeric attribute (fontId, numFmtId) of every cell style, in style-index order. */
function xfAttribute(stylesXml: string, name: string): number[] {
  const pattern = new RegExp(`\\s${name}="(\\d+)"`);
  return [...section(stylesXml, 'cellXfs').matchAll(ITEM('xf'))].map((m) => Number(pattern.exec(/^<[^>]*>/.exec(m[0])?.[0] ?? '')?.[1] ?? 0));
}

export function styleFontNames(stylesXml: string): (style: number) => string | null {
  const fonts = [...section(stylesXml, 'fonts').matchAll(ITEM('font'))].map((m) => /<(?:\w+:)?name\b[^>]*\sval="([^"]*)"/.exec(m[0])?.[1] ?? null);
  const xfFonts = xfAttribute(stylesXml, 'fontId');
  return (style) => fonts[xfFonts[style] ?? 0] ?? null;
}

/** Built-in number formats that show a percentage (0%, 0.00%). */
const PERCENT_BUILT_INS = new Set([9, 10]);

export function percentStyles(stylesXml: string): (style: number) => boolean {
  const percentCodes = new Set(
    [...section(stylesXml, 'numFmts').matchAll(/<(?:\w+:)?numFmt\b[^>]*>/g)]
      .filter((m) => /formatCode="[^"]*%/.test(m[0]))
      .map((m) => Number(/numFmtId="(\d+)"/.exec(m[0])?.[1])),
  );
  const xfPercent = xfAttribute(stylesXml, 'numFmtId').map((id) => PERCENT_BUILT_INS.has(id) || percentCodes.has(id));
  return (style) => xfPercent[style] ?? false;
}
