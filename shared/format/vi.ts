// Vietnamese number and date conventions: thousands with dots, decimal comma (205.250; 16,3; 31/12/2024).

export function formatNumber(value: number | null | undefined, decimals = 0): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '';
  const negative = value < 0;
  const fixed = roundHalfAwayFromZero(Math.abs(value), decimals).toFixed(decimals);
  const [intPart, fracPart] = fixed.split('.');
  const grouped = (intPart ?? '0').replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const body = fracPart ? `${grouped},${fracPart}` : grouped;
  return negative && Number(fixed) !== 0 ? `-${body}` : body;
}

/** Format with as many decimals as needed, up to `maxDecimals` (205.250; 3.973,5). */
export function formatAmount(value: number | null | undefined, maxDecimals = 3): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '';
  const rounded = roundHalfAwayFromZero(value, maxDecimals);
  const text = Math.abs(rounded).toFixed(maxDecimals).replace(/\.?0+$/, '');
  const decimals = text.includes('.') ? (text.split('.')[1] ?? '').length : 0;
  return formatNumber(rounded, decimals);
}

export function formatPercent(value: number | null | undefined, decimals = 1): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '';
  return `${formatNumber(value, decimals)}%`;
}

/** Counts as the plans write them: "03 xã", "12 xã". */
export function padCount(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Excel-compatible rounding (half away from zero) done on the decimal string, so 1.005 → 1.01. */
export function roundHalfAwayFromZero(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const sign = value < 0 ? -1 : 1;
  // 15 significant digits is what Excel shows and rounds from.
  const snapped = Number(Math.abs(value).toPrecision(15));
  const [mantissa, exponent] = snapped.toExponential().split('e');
  const shifted = Number(`${mantissa}e${Number(exponent) + decimals}`);
  const rounded = Math.round(shifted);
  const [m2, e2] = rounded.toExponential().split('e');
  return sign * Number(`${m2}e${Number(e2) - decimals}`);
}

export function formatDate(date: Date | string | null | undefined): string {
  if (!date) return '';
  const d = typeof date === 'string' ? parseIsoDate(date) : date;
  if (!d) return '';
  const dd = String(d.getDate()).padStart(2, '0');
  const mm = String(d.getMonth() + 1).padStart(2, '0');
  return `${dd}/${mm}/${d.getFullYear()}`;
}

/** "ngày 05 tháng 02 năm 2024" as Nghị định 30 writes dates. */
export function formatLongDate(date: Date | string | null | undefined): string {
  const short = formatDate(date);
  if (!short) return 'ngày ... tháng ... năm ...';
  const [dd, mm, yyyy] = short.split('/');
  return `ngày ${dd} tháng ${mm} năm ${yyyy}`;
}

function parseIsoDate(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!m) return null;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

/** dd/mm/yyyy → yyyy-mm-dd, or null when it is not a date. */
export function parseViDate(text: string): string | null {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (!m) return null;
  const d = Number(m[1]);
  const mo = Number(m[2]);
  const y = Number(m[3]);
  const date = new Date(y, mo - 1, d);
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export type ParsedNumber =
  | { kind: 'empty' }
  | { kind: 'number'; value: number }
  | { kind: 'ambiguous'; readings: [number, number] }
  | { kind: 'invalid' };

// Read a number typed either the Vietnamese way (19.783; 3.973,5) or the English way (19,783; 3973.5).
// Only a single separator followed by exactly three digits can mean two things; the convention decides.
export type NumberConvention = 'vi' | 'en' | 'vi-strict' | 'none';

/**
 * `vi`: 19.783 is thousands, 19,783 a decimal. `en`: the reverse. `vi-strict` (import of forms): 19.783 is
 * thousands but 19,783 is ambiguous. `none`: both are ambiguous.
 */
export function parseNumber(raw: string, prefer: NumberConvention = 'vi'): ParsedNumber {
  let text = raw.normalize('NFC').trim().replace(/[\u00a0\u202f ]/g, '');
  if (text === '' || text === '-' || text === '–') return { kind: 'empty' };
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1);
  }
  if (text.startsWith('-') || text.startsWith('−')) {
    negative = !negative;
    text = text.slice(1);
  } else if (text.startsWith('+')) text = text.slice(1);
  let percent = false;
  if (text.endsWith('%')) {
    percent = true;
    text = text.slice(0, -1);
  }
  if (!/^[\d.,]+$/.test(text) || !/\d/.test(text)) return { kind: 'invalid' };
  const finish = (n: number): ParsedNumber => ({ kind: 'number', value: (negative ? -n : n) / (percent ? 100 : 1) });
  const dots = (text.match(/\./g) ?? []).length;
  const commas = (text.match(/,/g) ?? []).length;
  if (dots === 0 && commas === 0) return finish(Number(text));
  const grouped = (sep: string) => new RegExp(`^\\d{1,3}(\\${sep}\\d{3})+$`);
  if (dots > 0 && commas > 0) {
    const lastDot = text.lastIndexOf('.');
    const lastComma = text.lastIndexOf(',');
    const [thousands, decimal] = lastComma > lastDot ? ['.', ','] : [',', '.'];
    const [intPart, fracPart, extra] = text.split(decimal);
    if (extra !== undefined || !intPart || !fracPart || !grouped(thousands).test(intPart) || !/^\d+$/.test(fracPart)) return { kind: 'invalid' };
    return finish(Number(`${intPart.split(thousands).join('')}.${fracPart}`));
  }
  const sep = dots > 0 ? '.' : ',';
  const count = Math.max(dots, commas);
  if (count > 1) {
    return grouped(sep).test(text) ? finish(Number(text.split(sep).join(''))) : { kind: 'invalid' };
  }
  const [intPart, fracPart] = text.split(sep) as [string, string];
  if (intPart === '' || fracPart === '') return { kind: 'invalid' };
  const asDecimal = Number(`${intPart}.${fracPart}`);
  if (fracPart.length !== 3 || intPart === '0') return finish(asDecimal);
  const asThousands = Number(intPart + fracPart);
  // One separator and three digits: 19.783 is thousands for Vietnamese, a decimal for English.
  const sepMeansThousands = (sep === '.' && prefer !== 'en') || (sep === ',' && prefer === 'en');
  if (prefer === 'none' || (prefer === 'vi-strict' && sep === ',')) return { kind: 'ambiguous', readings: [asThousands, asDecimal] };
  return finish(sepMeansThousands ? asThousands : asDecimal);
}
