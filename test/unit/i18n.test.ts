import { describe, expect, it } from 'vitest';
import { en, vi } from '../../shared/i18n/catalog';
import { translate } from '../../shared/i18n';

describe('i18n', () => {
  it('has an English text for every Vietnamese key and no empty texts', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    for (const [key, text] of [...Object.entries(vi), ...Object.entries(en)]) expect(text.trim(), key).not.toBe('');
  });
  it('fills placeholders, Vietnamese first', () => {
    expect(translate('vi', 'units.count', { communes: 12, villages: 3 })).toBe('12 xã, 3 thôn/bản');
    expect(translate('en', 'units.count', { communes: 12, villages: 3 })).toBe('12 communes, 3 villages');
  });
});
