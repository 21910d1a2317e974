// Biểu 04: resources for the plan year by capital source; parents are the sum of their parts.
import { resourceLines, sourceTree } from '../../../../shared/domain/funding';
import { listSources } from '../../funding/sources';
import { loadResourceEntries } from '../../funding/tables';
import { FORM_NUMBERS } from './forms';
import { col, type Annex, type BodyRow } from '../annex';
import { amount, type TableInput } from './common';

export function resourcesAnnex({ db, plan, year }: TableInput): Annex {
  const lines = resourceLines(sourceTree(listSources(db)), loadResourceEntries(db, plan.id, year));
  const rows: BodyRow[] = lines.map((line) => {
    const isTotal = line.source.role === 'total';
    return {
      kind: isTotal ? 'total' : line.childIds.length > 0 || line.depth <= 1 ? 'section' : 'item',
      cells: [isTotal ? '' : line.source.code, isTotal ? 'TỔNG SỐ' : line.source.label, amount(line.amount), amount(line.investment), line.entry?.note ?? ''],
    };
  });
  return {
    formNo: FORM_NUMBERS.resources,
    title: `Tổng hợp nguồn lực thực hiện Chương trình MTQG xây dựng nông thôn mới năm ${year}`,
    unitLine: 'ĐVT: triệu đồng',
    landscape: false,
    tables: [
      {
        columns: [col('center', 3), col('left', 22), col('right', 7), col('right', 7), col('left', 7)],
        head: [
          [{ text: 'STT', rowSpan: 2 }, { text: 'Nguồn vốn', rowSpan: 2 }, { text: `Kế hoạch năm ${year}`, colSpan: 2 }, { text: 'Ghi chú', rowSpan: 2 }],
          [{ text: 'Tổng số' }, { text: 'Trong đó: vốn đầu tư' }],
        ],
        rows,
      },
    ],
  };
}
