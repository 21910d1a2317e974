// Which font each cell style draws in, so text found in legacy-font cells (TCVN3, VNI) is read in Unicode
// before export compares it with the document.
const ITEM = (tag: string) => new RegExp(`<(?:\\w+:)?${tag}\\b[^>]*?(?:\\/>|>[\\s\\S]*?<\\/(?:\\w+:)?${tag}>)`, 'g');

export function styleFontNames(stylesXml: string): (style: number) => string | null {
  const section = (tag: string) => new RegExp(`<(?:\\w+:)?${tag}\\b[^>]*>([\\s\\S]*?)</(?:\\w+:)?${tag}>`).exec(stylesXml)?.[1] ?? '';
  const fonts = [...section('fonts').matchAll(ITEM('font'))].map((m) => /<(?:\w+:)?name\b[^>]*\sval="([^"]*)"/.exec(m[0])?.[1] ?? null);
  const xfFonts = [...section('cellXfs').matchAll(ITEM('xf'))].map((m) => Number(/\sfontId="(\d+)"/.exec(/^<[^>]*>/.exec(m[0])?.[0] ?? '')?.[1] ?? 0));
  return (style) => fonts[xfFonts[style] ?? 0] ?? null;
}
