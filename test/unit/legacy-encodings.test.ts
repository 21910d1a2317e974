import { describe, expect, it } from 'vitest';
import tcvn3Data from '../../resources/legacy/tcvn3-map.json';
import vniData from '../../resources/legacy/vni-map.json';
import {
  decodeLegacyRun,
  decodeTcvn3,
  decodeVni,
  encodeTcvn3Runs,
  encodeVni,
  FoundEncodings,
  isTcvn3CapitalsFont,
  legacyEncodingOfFont,
  unicodeFontFor,
} from '../../shared/legacy';

describe('TCVN3 table', () => {
  it.each(tcvn3Data.map)('$byte $in ⇄ $out', ({ in: legacy, out }) => {
    expect(decodeTcvn3(legacy)).toBe(out);
    expect(encodeTcvn3Runs(out)).toEqual([{ text: legacy, capitals: false }]);
  });

  it.each(tcvn3Data.upperFontPairs)('capital $shownAs shares the code $in in a .Vn…H font', ({ in: legacy, shownAs }) => {
    expect(decodeLegacyRun(legacy, '.VnTimeH').text).toBe(shownAs);
    const plainCode = tcvn3Data.map.find((e) => e.out === shownAs)?.in;
    // Ă Â Ê Ô Ơ Ư Đ also have codes of their own in the plain font, which a typist would use.
    expect(encodeTcvn3Runs(shownAs)).toEqual([plainCode ? { text: plainCode, capitals: false } : { text: legacy, capitals: true }]);
  });

  it('decodes the verified sentences of the note', () => {
    expect(decodeTcvn3('Tæng sè x· ®¹t chuÈn n«ng th«n míi')).toBe('Tổng số xã đạt chuẩn nông thôn mới');
    expect(decodeTcvn3('B¶n Bo, x· T¶ LÌng: hé nghÌo ®a chiÒu')).toBe('Bản Bo, xã Tả Lèng: hộ nghèo đa chiều');
  });

  it('keeps the soft hyphen, which is ư', () => {
    expect(decodeTcvn3('ng\u00adêi')).toBe('người');
  });

  it('leaves cp1252 punctuation alone (the VN1 extras are not used)', () => {
    expect(decodeTcvn3('“NghÌo ®a chiÒu” – x· T¶ LÌng…')).toBe('“Nghèo đa chiều” – xã Tả Lèng…');
  });
});

describe('.Vn…H capitals fonts', () => {
  it('upper-cases the decoded run, ASCII letters included', () => {
    expect(decodeLegacyRun('nghÌo ®a chiÒu', '.VnTimeH').text).toBe('NGHÈO ĐA CHIỀU');
    expect(decodeLegacyRun('NGHÌO §A CHIÒU', '.VnTimeH').text).toBe('NGHÈO ĐA CHIỀU');
    expect(decodeLegacyRun('ñy ban nh©n d©n x· t¶ lÌng', '.VnArialH').text).toBe('ỦY BAN NHÂN DÂN XÃ TẢ LÈNG');
    expect(decodeLegacyRun('x1', '.VnTimeH').text).toBe('X1');
  });

  it('tells the capitals font by a trailing capital H only', () => {
    expect(isTcvn3CapitalsFont('.VnTimeH')).toBe(true);
    expect(isTcvn3CapitalsFont('.VnArial NarrowH')).toBe(true);
    expect(isTcvn3CapitalsFont('.VnBahamasBH')).toBe(true);
    expect(isTcvn3CapitalsFont('.VnTime')).toBe(false);
    expect(isTcvn3CapitalsFont('.Vntimeh')).toBe(false);
    expect(isTcvn3CapitalsFont('VNI-TimesH')).toBe(false);
    expect(decodeLegacyRun('ñy ban', '.VnTime').text).toBe('ủy ban');
  });

  it('splits mixed-case text into plain and capitals runs when encoding', () => {
    const runs = encodeTcvn3Runs('Ủy ban xã Tả Lèng');
    expect(runs).toEqual([
      { text: 'ñ', capitals: true },
      { text: 'y ban x· T¶ LÌng', capitals: false },
    ]);
    expect(runs.map((r) => decodeLegacyRun(r.text, r.capitals ? '.VnTimeH' : '.VnTime').text).join('')).toBe('Ủy ban xã Tả Lèng');
  });
});

describe('VNI table', () => {
  it.each(vniData.sequences)('$in ⇄ $out', ({ in: legacy, out }) => {
    expect(decodeVni(legacy)).toBe(out);
    expect(encodeVni(out)).toBe(legacy);
  });

  it.each([...vniData.singles, ...vniData.identity])('single $in ⇄ $out', ({ in: legacy, out }) => {
    expect(decodeVni(legacy)).toBe(out);
    expect(encodeVni(out)).toBe(legacy);
  });

  it('tries the two-character sequence before the single character', () => {
    expect(decodeVni('môùi')).toBe('mới');
    expect(decodeVni('Tröôøng')).toBe('Trường');
    expect(decodeVni('NGHEØO ÑA CHIEÀU - Tröôøng, Ngöôøi, Ñöôïc')).toBe('NGHÈO ĐA CHIỀU - Trường, Người, Được');
    expect(decodeVni('Toång soá xaõ ñaït chuaån noâng thoân môùi')).toBe('Tổng số xã đạt chuẩn nông thôn mới');
    expect(decodeVni('Baûn Bo, xaõ Taû Leøng: hoä ngheøo ña chieàu')).toBe('Bản Bo, xã Tả Lèng: hộ nghèo đa chiều');
  });

  it('survives a case change of the legacy text', () => {
    expect(decodeVni('Toång soá'.toUpperCase())).toBe('TỔNG SỐ');
  });

  it('encodes decomposed Unicode like its composed form', () => {
    expect(encodeVni('Trường'.normalize('NFD'))).toBe('Tröôøng');
  });
});

describe('detection by font', () => {
  it('maps font names to encodings', () => {
    expect(legacyEncodingOfFont('.VnTime')).toBe('tcvn3');
    expect(legacyEncodingOfFont('.vnarial')).toBe('tcvn3');
    expect(legacyEncodingOfFont('.VnTimeH')).toBe('tcvn3');
    expect(legacyEncodingOfFont('VNI-Times')).toBe('vni');
    expect(legacyEncodingOfFont('VniHelvetica')).toBe('vni');
    expect(legacyEncodingOfFont('Vni 01 LinotypeZapfino one')).toBe('vni');
    expect(legacyEncodingOfFont('VNI Russia')).toBeNull();
    expect(legacyEncodingOfFont('Times New Roman')).toBeNull();
    expect(legacyEncodingOfFont('Arial')).toBeNull();
    expect(legacyEncodingOfFont(undefined)).toBeNull();
  });

  it('leaves text in ordinary fonts untouched, even when it looks like legacy text', () => {
    expect(decodeLegacyRun('Tæng sè', 'Times New Roman')).toEqual({ text: 'Tæng sè', encoding: null });
    expect(decodeLegacyRun('Toång soá', 'Arial')).toEqual({ text: 'Toång soá', encoding: null });
    expect(decodeLegacyRun('Tæng sè', undefined)).toEqual({ text: 'Tæng sè', encoding: null });
  });

  it('leaves ASCII-only text in a plain .Vn font untouched and reports no encoding', () => {
    expect(decodeLegacyRun('KH-UBND 12.345', '.VnTime')).toEqual({ text: 'KH-UBND 12.345', encoding: null });
    expect(decodeLegacyRun('  x  ', '.VnTime')).toEqual({ text: '  x  ', encoding: null });
  });

  it('leaves Unicode text typed into a legacy-font cell alone', () => {
    expect(decodeLegacyRun('Tổng số xã đạt chuẩn', '.VnTime')).toEqual({ text: 'Tổng số xã đạt chuẩn', encoding: null });
    expect(decodeLegacyRun('Hòa'.normalize('NFD'), 'VNI-Times').text).toBe('Hòa'.normalize('NFD'));
  });

  it('reports the encoding of converted runs', () => {
    expect(decodeLegacyRun('®¹t', '.VnTime')).toEqual({ text: 'đạt', encoding: 'tcvn3' });
    expect(decodeLegacyRun('ñaït', 'VNI-Times')).toEqual({ text: 'đạt', encoding: 'vni' });
  });

  it('reads one sheet of mixed fonts run by run', () => {
    const runs: [string, string][] = [
      ['ñy ban nh©n d©n', '.VnTimeH'],
      [' - x· T¶ LÌng - ', '.VnTime'],
      ['Toång soá', 'VNI-Times'],
      [' · Bản Bo', 'Times New Roman'],
    ];
    const found = new FoundEncodings();
    const text = runs
      .map(([t, font]) => {
        const run = decodeLegacyRun(t, font);
        found.note(run.encoding);
        return run.text;
      })
      .join('');
    expect(text).toBe('ỦY BAN NHÂN DÂN - xã Tả Lèng - Tổng số · Bản Bo');
    expect(found.summary).toBe('mixed');
  });
});

describe('FoundEncodings', () => {
  it('summarises what was met', () => {
    const found = new FoundEncodings();
    expect(found.summary).toBe('unicode');
    found.note(null);
    expect(found.summary).toBe('unicode');
    found.note('vni');
    found.note('vni');
    expect(found.summary).toBe('vni');
    found.note('tcvn3');
    expect(found.summary).toBe('mixed');
  });
});

describe('unicodeFontFor', () => {
  it('swaps a legacy face for Times New Roman and keeps size and weight', () => {
    expect(unicodeFontFor({ name: '.VnTimeH', size: 13, bold: true, italic: false })).toEqual({
      name: 'Times New Roman',
      size: 13,
      bold: true,
      italic: false,
    });
    expect(unicodeFontFor({ name: 'VNI-Times', size: 12 })).toEqual({ name: 'Times New Roman', size: 12 });
    const arial = { name: 'Arial', size: 10 };
    expect(unicodeFontFor(arial)).toBe(arial);
  });
});
