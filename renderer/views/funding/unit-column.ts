// A column naming a commune or village by its name (as typed or pasted from a form): the value saved
// is the unit's id. "Xã Bản Bo", "bản  bo" and the decomposed spelling all find Bản Bo.
import type { Unit } from '../../../shared/model';
import { translate } from '../../../shared/i18n';
import type { ExcelColumn, ParseResult } from '../../grid/excel';
import { useI18n } from '../../i18n';

const PREFIX = /^(xã|thị trấn|phường|thôn|bản|tổ dân phố)\s+(?=\S)/u;

const normal = (name: string) => name.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();

/** Keys a name is known by: as written, and without its administrative prefix. */
function keys(name: string): string[] {
  const full = normal(name);
  const bare = full.replace(PREFIX, '');
  return bare === full ? [full] : [full, bare];
}

export function unitColumn<Row>(units: readonly Unit[]): ExcelColumn<Row> {
  const byName = new Map<string, number>();
  for (const u of units) for (const k of keys(u.name)) if (!byName.has(k)) byName.set(k, u.id);
  return {
    parse: (text): ParseResult => {
      if (text.trim() === '') return { value: null };
      const id = keys(text)
        .map((k) => byName.get(k))
        .find((v) => v !== undefined);
      return id === undefined ? { error: translate(useI18n.getState().lang, 'funding.unknownCommune', { name: text.trim() }) } : { value: id };
    },
  };
}
