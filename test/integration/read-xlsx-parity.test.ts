// The import's own .xlsx scanner against the ExcelJS reader it replaced: the same workbook model from every
// workbook of the fixtures, and from hand-written packages with what real files carry (shared formulas,
// inline and rich strings, entities, dates, merges over values, hidden rows and columns, styled empty cells).
// The model also arrives unchanged from the parsing worker, packed into columns for the way.
import fs from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { IMPORT_LIMITS, type ImportLimits } from '../../electron/backend/import/limits';
import { checkPackage } from '../../electron/backend/import/package-check';
import { closeParser, parseWorkbook } from '../../electron/backend/import/parser';
import { readXls } from '../../electron/backend/import/read-xls';
import { readXlsx } from '../../electron/backend/import/read-xlsx';
import type { ParsedWorkbook } from '../../electron/backend/import/workbook-model';
import { readXlsxWithExcelJs } from '../helpers/exceljs-reader';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const WORKBOOKS = ['import', 'examples', 'legacy'].flatMap((dir) =>
  fs
    .readdirSync(path.join(FIXTURES, dir))
    .filter((f) => f.endsWith('.xlsx'))
    .map((f) => `${dir}/${f}`),
);

type Outcome = { workbook: ParsedWorkbook } | { error: string };

async function outcome(read: () => ParsedWorkbook | Promise<ParsedWorkbook>): Promise<Outcome> {
  try {
    return { workbook: await read() };
  } catch (error) {
    return { error: (error as { code?: string }).code ?? String(error) };
  }
}

async function bothReaders(bytes: Uint8Array, limits: ImportLimits = IMPORT_LIMITS) {
  const defaultFont = checkPackage(bytes).defaultFont;
  return {
    scanned: await outcome(() => readXlsx(bytes, defaultFont, limits)),
    exceljs: await outcome(() => readXlsxWithExcelJs(bytes, defaultFont, limits)),
  };
}

describe('every workbook of the fixtures reads the same as with ExcelJS', () => {
  it.each(WORKBOOKS.filter((f) => !/(empty|encrypted|not-a-workbook|truncated|zip-bomb)\.xlsx$/.test(f)))('%s', async (file) => {
    const { scanned, exceljs } = await bothReaders(fs.readFileSync(path.join(FIXTURES, file)));
    expect(scanned).toStrictEqual(exceljs);
  });

  it('has files to compare, and the refused ones stay refused before any parsing', () => {
    expect(WORKBOOKS.length).toBeGreaterThan(30);
    for (const file of ['import/empty.xlsx', 'import/encrypted.xlsx', 'import/not-a-workbook.xlsx', 'import/truncated.xlsx', 'import/zip-bomb.xlsx']) {
      expect(() => checkPackage(fs.readFileSync(path.join(FIXTURES, file)))).toThrow();
    }
  });

  it('refuses a sheet past the row cap, and a workbook past the cell cap, like ExcelJS did', async () => {
    const far = await bothReaders(fs.readFileSync(path.join(FIXTURES, 'import/far-cell.xlsx')));
    expect(far.scanned).toEqual({ error: 'import.tooManyRows' });
    expect(far.exceljs).toEqual({ error: 'import.tooManyRows' });
    const small = { ...IMPORT_LIMITS, maxCells: 50 };
    const many = await bothReaders(fs.readFileSync(path.join(FIXTURES, 'examples/bieu01-tieu-chi-xa.xlsx')), small);
    expect(many.scanned).toEqual({ error: 'import.tooManyCells' });
    expect(many.exceljs).toEqual({ error: 'import.tooManyCells' });
  });
});

describe('the parsing worker hands back the model its reader built', () => {
  afterAll(() => closeParser());

  it.each([...WORKBOOKS.filter((f) => !/(empty|encrypted|not-a-workbook|truncated|zip-bomb|far-cell)\.xlsx$/.test(f)), 'legacy/bieu01-tcvn3.xls', 'legacy/mixed-fonts.xls', 'import/bieu01-legacy.xls'])('%s', async (file) => {
    const bytes = fs.readFileSync(path.join(FIXTURES, file));
    const pkg = checkPackage(bytes);
    const direct = pkg.format === 'xlsx' ? readXlsx(bytes, pkg.defaultFont, IMPORT_LIMITS) : readXls(bytes, IMPORT_LIMITS);
    expect(await parseWorkbook(bytes, pkg.format, pkg.defaultFont)).toStrictEqual(direct);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Hand-written packages.

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="2"><numFmt numFmtId="164" formatCode="#,##0.0"/><numFmt numFmtId="165" formatCode="dd/mm/yyyy"/></numFmts>
<fonts count="3"><font><sz val="11"/><name val="Times New Roman"/></font><font><b/><name val=".VnTime"/></font><font><name val="VNI-Times"/></font></fonts>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="2"/></cellStyleXfs>
<cellXfs count="6"><xf numFmtId="0" fontId="0" xfId="0"/><xf numFmtId="164" fontId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0"/><xf numFmtId="0" fontId="1"><alignment wrapText="1"/></xf><xf numFmtId="14" fontId="2"/><xf numFmtId="9" fontId="0"/></cellXfs>
<dxfs count="1"><dxf><font><name val="Arial"/></font></dxf></dxfs>
</styleSheet>`;

const SHARED = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="8" uniqueCount="8">
<si><t>x</t></si>
<si><t xml:space="preserve">  Tên xã &amp; thôn  </t></si>
<si><r><rPr><b/><sz val="12"/><rFont val=".VnTime"/></rPr><t>X· </t></r><r><t>B¶n Bo</t></r></si>
<si><t>Dòng 1_x000D_
Dòng 2 &#x1EA1;&#7841; &lt;b&gt;</t><rPh sb="0" eb="1"><t>ふりがな</t></rPh><phoneticPr fontId="1"/></si>
<si/>
<si><t></t></si>
<si><t>=SUM(A1:A3)</t></si>
<si><t>Nà Tăm</t></si>
</sst>`;

function sheetXml(rows: string, extra = '', cols = ''): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<dimension ref="A1:Z100"/>${cols}<sheetData>${rows}</sheetData>${extra}</worksheet>`;
}

function workbook(sheets: { name: string; xml: string; state?: string }[], options: { date1904?: boolean; sharedStrings?: string } = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${options.date1904 ? '<workbookPr date1904="1"/>' : '<workbookPr/>'}<sheets>${sheets
        .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`)
        .join('')}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
        .map((_s, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
        .join('')}<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    ),
    'xl/styles.xml': strToU8(STYLES),
    'xl/sharedStrings.xml': strToU8(options.sharedStrings ?? SHARED),
  };
  sheets.forEach((s, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(s.xml)));
  return zipSync(files);
}

/** Reads a package with both readers, expects the same model, and gives the cells of its first sheet. */
async function sameModel(bytes: Uint8Array) {
  const { scanned, exceljs } = await bothReaders(bytes);
  expect(scanned).toStrictEqual(exceljs);
  return 'workbook' in scanned ? (scanned.workbook.sheets[0]?.cells ?? []) : [];
}

describe('hand-written packages read the same as with ExcelJS', () => {
  it('reads shared, inline, rich and escaped strings, numbers, booleans, errors, dates and formats', async () => {
    const rows = [
      '<row r="1" spans="1:6"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s" s="3"><v>1</v></c><c r="C1" t="s" s="3"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c><c r="G1" t="s"><v>6</v></c></row>',
      '<row r="2"><c r="A2" t="inlineStr"><is><t xml:space="preserve"> a &amp;amp; b </t></is></c><c r="B2" t="inlineStr" s="3"><is><r><rPr><rFont val="VNI-Times"/></rPr><t>Xaõ</t></r></is></c><c r="C2" t="str"><v>plain &#39;str&#39;</v></c><c r="D2" t="b"><v>1</v></c><c r="E2" t="b"><v>0</v></c><c r="F2" t="e"><v>#DIV/0!</v></c><c r="G2"><v>1.5E3</v></c></row>',
      '<row r="3"><c r="A3" s="1"><v>1234.5678</v></c><c r="B3" s="2"><v>45657</v></c><c r="C3" s="4"><v>45292.75</v></c><c r="D3" s="5"><v>0.25</v></c><c r="E3" s="1"/><c r="F3" s="0"><v>7</v></c><c r="G3" s="9"><v>8</v></c></row>',
      '<row r="4"><c r="A4" t="s" s="2"><v>7</v></c><c r="B4" t="n"><v>  42 </v></c><c r="C4"><v></v></c><c r="D4" t="inlineStr"><is><t></t></is></c></row>',
    ].join('');
    const cells = await sameModel(workbook([{ name: 'Biểu &amp; số 1', xml: sheetXml(rows) }]));
    expect(cells.find((c) => c.row === 1 && c.col === 3)).toMatchObject({ text: 'Xã Bản Bo', font: '.VnTime' });
    expect(cells.find((c) => c.row === 1 && c.col === 4)?.text).toBe('Dòng 1\r\nDòng 2 ạạ <b>');
    expect(cells.find((c) => c.row === 3 && c.col === 2)).toMatchObject({ value: '2024-12-31', numFmt: 'dd/mm/yyyy' });
  });

  it('reads formulas with their cached results, shared formulas moved to each follower', async () => {
    const rows = [
      '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><f t="shared" ref="C1:C4" si="0">A1+B1*$A$1</f><v>3</v></c><c r="D1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="E1"><f>A1-A1</f><v>0</v></c><c r="F1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="G1" t="b"><f>TRUE()</f><v>1</v></c></row>',
      '<row r="2"><c r="A2"><v>3</v></c><c r="B2"><v>4</v></c><c r="C2"><f t="shared" si="0"/><v>15</v></c><c r="D2"><f>COUNTIF(A1:B2,"&gt;1")</f><v>3</v></c><c r="E2"><f>SUM(A1:A2)</f></c><c r="F2"><f t="shared" si="7"/><v>5</v></c></row>',
      '<row r="3"><c r="C3"><f t="shared" si="0"/><v>1</v></c><c r="D3" s="2"><f>B3</f><v>45000</v></c></row>',
      '<row r="4"><c r="C4"><f t="shared" si="0"/></c></row>',
    ].join('');
    const cells = await sameModel(workbook([{ name: 'F', xml: sheetXml(rows) }]));
    expect(cells.filter((c) => c.col === 3).map((c) => c.formula)).toEqual(['A1+B1*$A$1', 'A2+B2*$A$1', 'A3+B3*$A$1', 'A4+B4*$A$1']);
  });

  it('drops what merged ranges cover, and keeps hidden rows and columns, sheet states and 1904 dates', async () => {
    const rows = [
      '<row r="1"><c r="A1" t="s"><v>7</v></c><c r="B1" t="s"><v>0</v></c><c r="C1"><v>5</v></c></row>',
      '<row r="2" hidden="1"><c r="A2" t="s"><v>0</v></c><c r="C2" s="2"><v>1</v></c></row>',
      '<row r="3" hidden="true"><c r="A3" s="1"/></row>',
      '<row r="4" hidden="1"><c r="A4" s="1"/></row>',
      '<row r="5" hidden="0"><c r="D5"><v>4</v></c></row>',
      '<row r="6" hidden="1"/>',
    ].join('');
    const cols = '<cols><col min="2" max="3" width="0" hidden="1"/><col min="1" max="1" width="9"/><col min="3" max="5" hidden="1"/></cols>';
    const merges = '<mergeCells count="3"><mergeCell ref="A1:B2"/><mergeCell ref="A4:C3"/><mergeCell ref="D5"/></mergeCells>';
    const bytes = workbook(
      [
        { name: 'M', xml: sheetXml(rows, merges, cols) },
        { name: 'Ẩn', xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>'), state: 'hidden' },
        { name: 'Rất ẩn', xml: sheetXml(''), state: 'veryHidden' },
      ],
      { date1904: true },
    );
    const { scanned, exceljs } = await bothReaders(bytes);
    expect(scanned).toStrictEqual(exceljs);
    expect('workbook' in scanned && scanned.workbook.sheets[0]).toMatchObject({ hiddenRows: [2, 3, 4], hiddenColumns: [2, 3, 4], merges: ['A1:B2', 'A3:C4', 'D5:D5'] });
  });

  it('refuses overlapping merged ranges as a broken file', async () => {
    const merges = '<mergeCells count="2"><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/></mergeCells>';
    const { scanned, exceljs } = await bothReaders(workbook([{ name: 'M', xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>', merges) }]));
    expect(scanned).toEqual({ error: 'import.corrupt' });
    expect(exceljs).toEqual({ error: 'import.corrupt' });
  });

  it('places cells without an address after the previous cell, and rows and cells written out of order as Excel would', async () => {
    const rows = [
      '<row r="3"><c r="B3"><v>1</v></c><c><v>2</v></c><c r="A3"><v>0</v></c><c r="C3"><v>9</v></c></row>',
      '<row r="1"><c r="A1" t="s"><v>0</v></c></row>',
      '<row r="2"><c r="A2"><v>5</v></c></row>',
      '<row r="2"><c r="B2"><v>6</v></c></row>',
      '<row r="4"><c r="A4"><v>1</v></c><c r="B4"/><c><v>3</v></c></row>',
    ].join('');
    await sameModel(workbook([{ name: 'O', xml: sheetXml(rows) }]));
  });

  it('keeps text ExcelJS garbled as it is stored', async () => {
    // ExcelJS decoded the entities of a `str` value twice ("&amp;lt;" became "<"); the text is "&lt;".
    const rows = '<row r="1"><c r="A1" t="str"><v>&amp;lt;</v></c><c r="B1" t="str"><f>"&amp;lt;"</f><v>&amp;lt;</v></c></row>';
    const { scanned, exceljs } = await bothReaders(workbook([{ name: 'T', xml: sheetXml(rows) }]));
    expect('workbook' in exceljs && exceljs.workbook.sheets[0]?.cells.map((c) => c.text)).toEqual(['<', '<']);
    expect('workbook' in scanned && scanned.workbook.sheets[0]?.cells.map((c) => c.text)).toEqual(['&lt;', '&lt;']);
  });
});
