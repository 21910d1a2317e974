import { describe, expect, it } from 'vitest';
import { indexSheet, patchSheet, readCell, type CellWrite } from '../../../electron/backend/export/sheet-cells';
import type { SharedStrings } from '../../../electron/backend/export/shared-strings';

const strings: SharedStrings = { texts: ['x', 'Tên xã'], indexOf: (t) => (t === 'x' ? 0 : undefined) };
const wrap = (rows: string) => `<worksheet><dimension ref="A1:F9"/><sheetData>${rows}</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>`;

function patch(xml: string, writes: Record<string, CellWrite>): string {
  return patchSheet(indexSheet(xml), new Map(Object.entries(writes)), strings);
}

describe('patching cells in a worksheet part', () => {
  it('inserts missing cells in column order and missing rows in row order, leaving the rest as it was', () => {
    const xml = wrap('<row r="2" spans="1:6"><c r="B2" s="3"><v>1</v></c><c r="E2" s="4" t="s"><v>1</v></c></row><row r="5"/><row r="7"><c r="A7"><v>7</v></c></row>');
    const out = patch(xml, {
      D2: { kind: 'value', value: { type: 'number', value: 12.5 } },
      F2: { kind: 'value', value: { type: 'text', text: 'x' } },
      A2: { kind: 'value', value: { type: 'empty' }, style: 2 },
      C5: { kind: 'value', value: { type: 'number', value: 3 } },
      B6: { kind: 'value', value: { type: 'text', text: '@nhà văn hóa' } },
      A9: { kind: 'value', value: { type: 'number', value: -4 } },
    });
    expect(out).toBe(
      wrap(
        '<row r="2" spans="1:6"><c r="A2" s="2"/><c r="B2" s="3"><v>1</v></c><c r="D2"><v>12.5</v></c><c r="E2" s="4" t="s"><v>1</v></c><c r="F2" t="s"><v>0</v></c></row>' +
          '<row r="5"><c r="C5"><v>3</v></c></row>' +
          '<row r="6"><c r="B6" t="inlineStr"><is><t xml:space="preserve">@nhà văn hóa</t></is></c></row>' +
          '<row r="7"><c r="A7"><v>7</v></c></row><row r="9"><c r="A9"><v>-4</v></c></row>',
      ),
    );
  });

  it('keeps a formula and its attributes while replacing the cached result, typed as Excel types it', () => {
    const xml = wrap('<row r="3"><c r="C3" s="8" t="str"><f aca="false">C1&amp;C2</f><v>old</v></c><c r="D3" s="8"><f>SUM(A1:A2)</f><v>1</v></c><c r="E3"><f>1/0</f></c></row>');
    const out = patch(xml, {
      C3: { kind: 'cached', result: 'mới & cũ' },
      D3: { kind: 'cached', result: 205250 },
      E3: { kind: 'cached', result: { error: '#DIV/0!' } },
    });
    expect(out).toContain('<c r="C3" s="8" t="str"><f aca="false">C1&amp;C2</f><v>mới &amp; cũ</v></c>');
    expect(out).toContain('<c r="D3" s="8"><f>SUM(A1:A2)</f><v>205250</v></c>');
    expect(out).toContain('<c r="E3" t="e"><f>1/0</f><v>#DIV/0!</v></c>');
    const index = indexSheet(out);
    expect(readCell(index.cells.get('D3'), strings)).toEqual({ value: { type: 'number', value: 205250 }, formula: 'SUM(A1:A2)', style: 8 });
  });

  it('reads every cell type the forms use', () => {
    const xml = wrap(
      '<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="inlineStr"><is><r><t>Xã </t></r><r><t>Bản Bo</t></r></is></c><c r="C1" t="b"><v>1</v></c><c r="D1" t="e"><v>#N/A</v></c><c r="E1"><v>1.5E3</v></c><c r="F1" s="2"/></row>',
    );
    const cells = indexSheet(xml).cells;
    expect(['A1', 'B1', 'C1', 'D1', 'E1', 'F1'].map((r) => readCell(cells.get(r), strings).value)).toEqual([
      { type: 'text', text: 'Tên xã' },
      { type: 'text', text: 'Xã Bản Bo' },
      { type: 'boolean', value: true },
      { type: 'error', text: '#N/A' },
      { type: 'number', value: 1500 },
      { type: 'empty' },
    ]);
  });
});
