// Biểu 07: recurrent capital by commune, one column per content (parents with their parts under them).
import { AmountGrid, sumAmounts } from '../../../../shared/domain/funding';
import { loadRecurrentCells, loadRecurrentContents, planCommunes } from '../../funding/tables';
import { FORM_NUMBERS } from './forms';
import { col, type Annex, type AnnexColumn, type BodyRow, type HeadCell } from '../annex';
import { amount, type TableInput } from './common';

export function recurrentAnnex({ db, plan, year }: TableInput): Annex {
  const contents = loadRecurrentContents(db, plan.id);
  const grid = new AmountGrid(
    contents,
    loadRecurrentCells(db, plan.id).map((c) => ({ rowId: c.contentId, unitId: c.unitId, amount: c.amount })),
  );
  const ids = new Set(contents.map((c) => c.id));
  const tops = contents.filter((c) => c.parentId === null || !ids.has(c.parentId));
  const childrenOf = (id: number) => contents.filter((c) => c.parentId === id);
  // Columns: each top content, followed by its direct parts when it has some.
  const columns = tops.flatMap((top) => [top.id, ...childrenOf(top.id).map((c) => c.id)]);
  const hasParts = tops.some((t) => childrenOf(t.id).length > 0);
  const rowSpan = hasParts ? 2 : 1;

  const head: HeadCell[][] = [
    [
      { text: 'STT', rowSpan },
      { text: 'Tên xã', rowSpan },
      { text: 'Tổng cộng', rowSpan },
      ...tops.map((t): HeadCell => {
        const parts = childrenOf(t.id).length;
        return parts > 0 ? { text: `${t.code ? `${t.code}. ` : ''}${t.label}`, colSpan: parts + 1 } : { text: `${t.code ? `${t.code}. ` : ''}${t.label}`, rowSpan };
      }),
    ],
  ];
  if (hasParts) head.push(tops.flatMap((t) => (childrenOf(t.id).length > 0 ? [{ text: 'Tổng số' }, ...childrenOf(t.id).map((c) => ({ text: c.label }))] : [])));

  const communes = planCommunes(db, plan);
  const communeTotal = (unitId: number) => sumAmounts(tops.map((t) => grid.cell(t.id, unitId)));
  const rows: BodyRow[] = [
    { kind: 'total', cells: ['', 'TỔNG CỘNG', amount(grid.grandTotal()), ...columns.map((id) => amount(grid.rowTotal(id)))] },
    ...communes.map(
      (c, i): BodyRow => ({ kind: 'item', cells: [String(i + 1), c.name, amount(communeTotal(c.id)), ...columns.map((id) => amount(grid.cell(id, c.id)))] }),
    ),
  ];
  const amountColumns: AnnexColumn[] = columns.map(() => col('right', 6));
  return {
    formNo: FORM_NUMBERS.recurrent,
    title: `Phân bổ vốn sự nghiệp thực hiện Chương trình MTQG xây dựng nông thôn mới năm ${year} theo xã`,
    unitLine: 'ĐVT: triệu đồng',
    landscape: columns.length > 3,
    tables: [{ columns: [col('center', 3), col('left', 12), col('right', 7), ...amountColumns], head, rows }],
  };
}
