// The indicator matrix: rows are indicators under their criterion, columns are communes, in blocks that fit the page.
import { formatAmount } from '../../../../shared/format/vi';
import type { Indicator } from '../../../../shared/model';
import type { IndicatorValue } from '../../../../shared/api/matrix';
import { getCriteriaSet } from '../../repo/criteria';
import { loadIndicatorSide } from '../../repo/matrix';
import { planCommunes } from '../../funding/tables';
import { FORM_NUMBERS } from './forms';
import { cell, col, type Annex, type AnnexTable, type BodyRow } from '../annex';
import type { TableInput } from './common';

/** Communes side by side on one landscape A4 page. */
export const COMMUNES_PER_BLOCK = 10;

function valueText(indicator: Indicator, v: IndicatorValue | undefined): string {
  if (!v) return '';
  if (v.text) return v.text;
  if (v.value === null) return '';
  if (indicator.kind === 'boolean') return v.value ? 'Đạt' : 'Chưa đạt';
  return formatAmount(v.value, 2);
}

export function indicatorsAnnex({ db, plan, options, year }: TableInput): Annex {
  const set = getCriteriaSet(db, plan.criteriaSetId);
  const communes = planCommunes(db, plan);
  const side = options.side === 'actual' ? loadIndicatorSide(db, set.id, year - 1, 'actual') : loadIndicatorSide(db, set.id, year, 'plan');
  const values = new Map(side.values.map((v) => [`${v.unitId}:${v.indicatorId}`, v]));

  const tables: AnnexTable[] = [];
  for (let start = 0; start < Math.max(communes.length, 1); start += COMMUNES_PER_BLOCK) {
    const block = communes.slice(start, start + COMMUNES_PER_BLOCK);
    // A plan without communes still prints its indicator list, with one empty result column.
    const width = Math.max(block.length, 1);
    const results = (indicator: Indicator) => (block.length > 0 ? block.map((c) => valueText(indicator, values.get(`${c.id}:${indicator.id}`))) : ['']);
    const rows: BodyRow[] = [];
    for (const criterion of set.criteria) {
      rows.push({ kind: 'section', cells: [String(criterion.no), cell(criterion.name, { colSpan: 3 + width })] });
      for (const indicator of criterion.indicators) {
        rows.push({
          kind: 'item',
          cells: [indicator.code, indicator.name, indicator.unit, ...results(indicator), ''],
        });
      }
    }
    tables.push({
      caption: communes.length > COMMUNES_PER_BLOCK ? `Các xã từ ${start + 1} đến ${start + block.length}` : undefined,
      columns: [col('center', 3), col('left', 20), col('center', 4), ...Array.from({ length: width }, () => col('center', 5)), col('left', 5)],
      head: [
        [{ text: 'STT', rowSpan: 2 }, { text: 'Chỉ tiêu', rowSpan: 2 }, { text: 'Đơn vị tính', rowSpan: 2 }, { text: 'Kết quả theo xã', colSpan: width }, { text: 'Ghi chú', rowSpan: 2 }],
        block.length > 0 ? block.map((c) => ({ text: c.name })) : [{ text: '' }],
      ],
      rows,
    });
  }
  return {
    formNo: FORM_NUMBERS.indicators,
    title:
      options.side === 'actual'
        ? `Kết quả thực hiện các chỉ tiêu nông thôn mới của các xã đến 31/12/${year - 1}`
        : `Kế hoạch thực hiện các chỉ tiêu nông thôn mới của các xã năm ${year}`,
    unitLine: null,
    landscape: true,
    tables,
  };
}
