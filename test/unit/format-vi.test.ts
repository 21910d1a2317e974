import { describe, expect, it } from 'vitest';
import { formatAmount, formatDate, formatLongDate, formatNumber, padCount, parseNumber, parseViDate, roundHalfAwayFromZero } from '../../shared/format/vi';

describe('Vietnamese number formatting', () => {
  it('groups thousands with dots and uses a decimal comma', () => {
    expect(formatNumber(205250)).toBe('205.250');
    expect(formatNumber(16.333, 1)).toBe('16,3');
    expect(formatNumber(1234567.891, 2)).toBe('1.234.567,89');
    expect(formatNumber(-19783)).toBe('-19.783');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(null)).toBe('');
    expect(formatNumber(-0.0001, 1)).toBe('0,0');
  });
  it('shows amounts with only the decimals they need', () => {
    expect(formatAmount(3973.5)).toBe('3.973,5');
    expect(formatAmount(205250)).toBe('205.250');
    expect(formatAmount(0.125)).toBe('0,125');
  });
  it('rounds half away from zero on the decimal value, as Excel does', () => {
    expect(roundHalfAwayFromZero(1.005, 2)).toBe(1.01);
    expect(roundHalfAwayFromZero(0.285, 2)).toBe(0.29);
    expect(roundHalfAwayFromZero(21.9 / 0.2, 0)).toBe(110);
    expect(roundHalfAwayFromZero(-2.5, 0)).toBe(-3);
    expect(roundHalfAwayFromZero(1234.5678, -2)).toBe(1200);
  });
  it('pads counts the way plans write them', () => {
    expect(padCount(3)).toBe('03');
    expect(padCount(12)).toBe('12');
  });
});

describe('Vietnamese dates', () => {
  it('formats dd/mm/yyyy and the long form', () => {
    expect(formatDate('2024-12-31')).toBe('31/12/2024');
    expect(formatLongDate('2024-02-05')).toBe('ngày 05 tháng 02 năm 2024');
    expect(formatLongDate(null)).toBe('ngày ... tháng ... năm ...');
  });
  it('parses dd/mm/yyyy and refuses impossible dates', () => {
    expect(parseViDate('31/12/2024')).toBe('2024-12-31');
    expect(parseViDate('31/02/2024')).toBeNull();
    expect(parseViDate('2024-12-31')).toBeNull();
  });
});

describe('parseNumber', () => {
  const value = (text: string, prefer?: Parameters<typeof parseNumber>[1]) => {
    const r = parseNumber(text, prefer);
    return r.kind === 'number' ? r.value : r.kind;
  };
  it('reads numbers written the Vietnamese way', () => {
    expect(value('19.783')).toBe(19783);
    expect(value('3.973,5')).toBe(3973.5);
    expect(value('1.234.567')).toBe(1234567);
    expect(value('16,3')).toBe(16.3);
  });
  it('reads numbers written the English way', () => {
    expect(value('3973.5')).toBe(3973.5);
    expect(value('3,973.5')).toBe(3973.5);
    expect(value('1,234,567')).toBe(1234567);
    expect(value('19,783', 'en')).toBe(19783);
  });
  it('reads signs, percentages and blanks', () => {
    expect(value('-1.200')).toBe(-1200);
    expect(value('(500)')).toBe(-500);
    expect(value('12,5%')).toBeCloseTo(0.125);
    expect(value('')).toBe('empty');
    expect(value(' - ')).toBe('empty');
  });
  it('reports what it cannot read and what can mean two things', () => {
    expect(value('12a')).toBe('invalid');
    expect(value('1.23.4')).toBe('invalid');
    expect(value('19,783', 'vi-strict')).toBe('ambiguous');
    expect(value('19.783', 'vi-strict')).toBe(19783);
    expect(parseNumber('19.783', 'none')).toEqual({ kind: 'ambiguous', readings: [19783, 19.783] });
  });
});
