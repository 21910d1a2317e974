import { describe, expect, it } from 'vitest';
import { shortIssuer, signerRoles } from '../../electron/backend/print/header';
import { escapeHtml } from '../../electron/backend/print/html';
import { printFileName } from '../../electron/backend/print/files';
import { toRoman } from '../../shared/domain/funding';

describe('the texts around an annex', () => {
  it('names the issuer in the italic line the way plans write it', () => {
    expect(shortIssuer('ỦY BAN NHÂN DÂN HUYỆN TAM ĐƯỜNG')).toBe('UBND huyện Tam Đường');
    expect(shortIssuer('UỶ BAN NHÂN DÂN XÃ BẢN BO')).toBe('UBND xã Bản Bo');
    expect(shortIssuer('ỦY BAN NHÂN DÂN THÀNH PHỐ LAI CHÂU')).toBe('UBND thành phố Lai Châu');
    expect(shortIssuer('Ban Chỉ đạo các Chương trình MTQG')).toBe('Ban Chỉ đạo các Chương trình MTQG');
  });

  it('signs for the committee, with KT. for a deputy chair', () => {
    expect(signerRoles('PHÓ CHỦ TỊCH')).toEqual(['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']);
    expect(signerRoles('Phó Chủ tịch')).toEqual(['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']);
    expect(signerRoles('')).toEqual(['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']);
    expect(signerRoles('Chủ tịch')).toEqual(['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH']);
  });

  it('escapes document text and numbers sections in Roman numerals', () => {
    expect(escapeHtml(`<b>"Nà Tăm" & 'x'</b>`)).toBe('&lt;b&gt;&quot;Nà Tăm&quot; &amp; &#39;x&#39;&lt;/b&gt;');
    expect([1, 4, 9, 14, 40].map(toRoman)).toEqual(['I', 'IV', 'IX', 'XIV', 'XL']);
  });

  it('gives files ASCII names', () => {
    expect(printFileName('01', 'criteria', 'pdf')).toBe('Bieu-01-criteria.pdf');
    expect(printFileName('05/KH', 'projects', 'html')).toBe('Bieu-05KH-projects.html');
  });
});
