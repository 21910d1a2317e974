import { VNI_FONT_EXCEPTIONS } from './tables';

export type LegacyEncoding = 'tcvn3' | 'vni';

const TCVN3_FONT = /^\.vn/i;
const VNI_FONT = /^vni[- ]?/i;
const VNI_EXCEPTIONS = new Set(VNI_FONT_EXCEPTIONS.map((name) => name.toLowerCase()));

/** The Unicode font that replaces a legacy font wherever we write text. */
export const UNICODE_REPLACEMENT_FONT = 'Times New Roman';

/** Which legacy encoding a font draws: `.Vn…` fonts are TCVN3, `VNI…` fonts are VNI, anything else is Unicode. */
export function legacyEncodingOfFont(fontName: string | null | undefined): LegacyEncoding | null {
  const name = fontName?.trim();
  if (!name) return null;
  if (TCVN3_FONT.test(name)) return 'tcvn3';
  if (VNI_FONT.test(name) && !VNI_EXCEPTIONS.has(name.toLowerCase())) return 'vni';
  return null;
}

/** A `.Vn…H` font (trailing capital H, case-sensitive) draws every letter, ASCII included, as a capital. */
export function isTcvn3CapitalsFont(fontName: string | null | undefined): boolean {
  const name = fontName?.trim();
  return !!name && legacyEncodingOfFont(name) === 'tcvn3' && name.endsWith('H');
}

/**
 * The same font with a Unicode face when it was a legacy one, keeping size, weight and the rest, so converted text
 * written back into a workbook never shows garbled. Fonts that are already Unicode come back unchanged.
 */
export function unicodeFontFor<F extends { name?: string }>(font: F): F {
  return legacyEncodingOfFont(font.name) ? { ...font, name: UNICODE_REPLACEMENT_FONT } : font;
}
