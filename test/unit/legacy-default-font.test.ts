import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultFontOfStylesheet, readWorkbookDefaultFont } from '../../electron/backend/legacy/default-font';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/legacy');
const read = (name: string) => new Uint8Array(fs.readFileSync(path.join(fixtures, name)));

describe('readWorkbookDefaultFont', () => {
  it('reads the legacy Normal font of old forms', () => {
    expect(readWorkbookDefaultFont(read('bieu01-tcvn3.xlsx'))).toBe('.VnTime');
    expect(readWorkbookDefaultFont(read('bieu01-vni.xlsx'))).toBe('VNI-Times');
  });

  it('reads the default font of a Unicode workbook', () => {
    expect(readWorkbookDefaultFont(read('bieu01-unicode.xlsx'))).toBe('Calibri');
  });

  it('gives null for bytes that are not a package', () => {
    expect(readWorkbookDefaultFont(new TextEncoder().encode('not a workbook'))).toBeNull();
  });
});

describe('defaultFontOfStylesheet', () => {
  it('follows cellXfs[0] to its font', () => {
    const xml =
      '<styleSheet><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><name val=".VnTimeH"/></font></fonts>' +
      '<cellXfs count="1"><xf numFmtId="0" fontId="1" fillId="0"/></cellXfs></styleSheet>';
    expect(defaultFontOfStylesheet(xml)).toBe('.VnTimeH');
  });

  it('reads prefixed elements, self-closing fonts and escaped names', () => {
    const xml =
      '<x:styleSheet><x:fonts><x:font/><x:font><x:name val="VNI-Times &amp; Co"/></x:font></x:fonts>' +
      '<x:cellXfs><x:xf fontId="1"/></x:cellXfs></x:styleSheet>';
    expect(defaultFontOfStylesheet(xml)).toBe('VNI-Times & Co');
  });

  it('uses the first font when there is no cellXfs, and null when there are no fonts', () => {
    expect(defaultFontOfStylesheet('<styleSheet><fonts><font><name val=".VnArial"/></font></fonts></styleSheet>')).toBe('.VnArial');
    expect(defaultFontOfStylesheet('<styleSheet/>')).toBeNull();
  });
});
