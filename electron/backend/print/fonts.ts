import fs from 'node:fs';
import path from 'node:path';
import { resourcesDir } from '../paths';

const FACES = [
  { weight: 400, style: 'normal', file: '400-normal' },
  { weight: 400, style: 'italic', file: '400-italic' },
  { weight: 700, style: 'normal', file: '700-normal' },
  { weight: 700, style: 'italic', file: '700-italic' },
] as const;

const SUBSETS = [
  {
    name: 'latin',
    range: 'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
  },
  {
    name: 'vietnamese',
    range: 'U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,U+01A0-01A1,U+01AF-01B0,U+0300-0301,U+0303-0304,U+0308-0309,U+0323,U+0329,U+1EA0-1EF9,U+20AB',
  },
] as const;

/** Installed Times New Roman by its exact names; local() never takes a fontconfig substitute. */
const LOCAL_NAMES: Record<string, string[]> = {
  '400-normal': ['Times New Roman', 'TimesNewRomanPSMT'],
  '400-italic': ['Times New Roman Italic', 'TimesNewRomanPS-ItalicMT'],
  '700-normal': ['Times New Roman Bold', 'TimesNewRomanPS-BoldMT'],
  '700-italic': ['Times New Roman Bold Italic', 'TimesNewRomanPS-BoldItalicMT'],
};

let cached: string | null = null;

/**
 * @font-face rules for 'NTM Times': the installed Times New Roman where there is one (Windows), else
 * the shipped Tinos subsets (metric-compatible, with Vietnamese), embedded so the page is self-contained.
 */
export function fontFaceCss(): string {
  if (cached) return cached;
  const dir = path.join(resourcesDir(), 'fonts');
  const rules: string[] = [];
  for (const face of FACES) {
    for (const subset of SUBSETS) {
      const bytes = fs.readFileSync(path.join(dir, `tinos-${subset.name}-${face.file}.woff2`));
      const locals = (LOCAL_NAMES[face.file] ?? []).map((n) => `local('${n}')`).join(', ');
      rules.push(
        `@font-face { font-family: 'NTM Times'; font-style: ${face.style}; font-weight: ${face.weight}; font-display: block; ` +
          `src: ${locals}, url(data:font/woff2;base64,${bytes.toString('base64')}) format('woff2'); unicode-range: ${subset.range}; }`,
      );
    }
  }
  cached = rules.join('\n');
  return cached;
}
