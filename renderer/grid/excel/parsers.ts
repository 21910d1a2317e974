// Ready-made column parsers for useExcelGrid: marks, whole numbers, amounts, free text.
import { parseMark } from '../../../shared/domain/marks';
import { parseNumber } from '../../../shared/format/vi';
import { translate } from '../../../shared/i18n';
import { useI18n } from '../../i18n';
import type { ExcelColumn, ParseResult, Scalar } from './types';

const say = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(useI18n.getState().lang, key, params);

/** Met / not met: x, X, Đạt, 1, ✓ / blank, 0, -, Chưa đạt. Space toggles. */
export function markColumn<Row>(isMet: (row: Row) => boolean): ExcelColumn<Row> {
  return {
    parse: (text) => {
      const met = parseMark(text);
      return met === null ? { error: say('grid.notAMark', { text: text.trim() }) } : { value: met };
    },
    toggle: (row) => !isMet(row),
  };
}

/** A whole number between min and max; blank clears (null). */
export function integerColumn<Row>(min: number, max: number): ExcelColumn<Row> {
  return {
    parse: (text): ParseResult => {
      const parsed = parseNumber(text);
      if (parsed.kind === 'empty') return { value: null };
      if (parsed.kind !== 'number' || !Number.isInteger(parsed.value) || parsed.value < min || parsed.value > max) {
        return { error: say('grid.notAnInteger', { text: text.trim(), min, max }) };
      }
      return { value: parsed.value };
    },
  };
}

/** A number written the Vietnamese way (205.250; 3.973,5); blank clears (null). */
export function numberColumn<Row>(): ExcelColumn<Row> {
  return {
    parse: (text): ParseResult => {
      const parsed = parseNumber(text);
      if (parsed.kind === 'empty') return { value: null };
      if (parsed.kind !== 'number') return { error: say('grid.notANumber', { text: text.trim() }) };
      return { value: parsed.value };
    },
  };
}

/** Free text, trimmed and in NFC; `empty` is what a blank cell stores ('' or null). */
export function textColumn<Row>(maxLength: number, empty: Scalar = ''): ExcelColumn<Row> {
  return {
    parse: (text): ParseResult => {
      const clean = text.normalize('NFC').trim();
      if (clean.length > maxLength) return { error: say('grid.tooLong', { max: maxLength }) };
      return { value: clean === '' ? empty : clean };
    },
  };
}
