// Biểu 01: communes × criteria, grouped under their group headers, with counts per commune and per criterion.
import { matrixFigures } from '../../../../shared/domain/matrix';
import { formatNumber } from '../../../../shared/format/vi';
import { getCriteriaSet } from '../../repo/criteria';
import { loadMatrixSide, loadStatuses } from '../../repo/matrix';
import { FORM_NUMBERS } from './forms';
import { cell, col, type Annex, type BodyRow, type HeadCell } from '../annex';
import { planCommunes } from '../../funding/tables';
import type { TableInput } from './common';

export function criteriaAnnex({ db, plan, options, year }: TableInput): Annex {
  const set = getCriteriaSet(db, plan.criteriaSetId);
  const communes = planCommunes(db, plan);
  const statusYear = year - 1;
  const side = options.side === 'actual' ? loadMatrixSide(db, set.id, statusYear, 'actual') : loadMatrixSide(db, set.id, year, 'plan');
  const communeIds = new Set(communes.map((c) => c.id));
  const marks = side.marks.filter((m) => communeIds.has(m.unitId));
  const figures = matrixFigures(set.criteria, marks);
  const met = new Set(marks.filter((m) => m.met).map((m) => `${m.unitId}:${m.criterionId}`));
  const recognised = new Map(loadStatuses(db, statusYear, 'actual').map((s) => [s.unitId, s.recognisedYear]));
  const planned = new Map(loadStatuses(db, year, 'plan').map((s) => [s.unitId, s.plannedCount]));
  const notes = new Map(side.statuses.map((s) => [s.unitId, s.note]));

  const groups = set.groups.length > 0 ? set.groups : [{ code: '', name: 'Các tiêu chí' }];
  const byGroup = groups.map((g) => ({ group: g, criteria: set.criteria.filter((c) => set.groups.length === 0 || c.groupCode === g.code) }));
  const ordered = byGroup.flatMap((g) => g.criteria);
  const n = ordered.length;

  // Criterion names would make the header taller than the quarter page Chromium repeats; they go to the legend.
  const head: HeadCell[][] = [
    [
      { text: 'STT', rowSpan: 2 },
      { text: 'Tên xã', rowSpan: 2 },
      ...byGroup.filter((g) => g.criteria.length > 0).map((g) => ({ text: g.group.name, colSpan: g.criteria.length, vertical: g.criteria.length === 1 })),
      { text: 'Tổng số tiêu chí đạt', rowSpan: 2 },
      { text: 'Năm đạt chuẩn NTM', rowSpan: 2 },
      { text: `Kế hoạch năm ${year} (số tiêu chí)`, rowSpan: 2 },
      { text: 'Ghi chú', rowSpan: 2 },
    ],
    ordered.map((c) => ({ text: String(c.no) })),
  ];
  const legend = `Tiêu chí: ${ordered.map((c) => `${c.no}. ${c.name}`).join('; ')}.`;

  const rows: BodyRow[] = communes.map((c, i) => ({
    kind: 'item',
    cells: [
      String(i + 1),
      c.name,
      ...ordered.map((cr) => (met.has(`${c.id}:${cr.id}`) ? 'x' : '')),
      String(figures.perCommune.get(c.id) ?? 0),
      recognised.get(c.id) ? String(recognised.get(c.id)) : '',
      planned.get(c.id) != null ? String(planned.get(c.id)) : '',
      notes.get(c.id) ?? '',
    ],
  }));
  rows.push(
    // Counts grow past a thousand in a province-wide matrix: 1.883, the Vietnamese way.
    { kind: 'total', cells: ['', 'Số xã đạt', ...ordered.map((cr) => formatNumber(figures.perCriterion[String(cr.no)] ?? 0)), formatNumber(figures.met), '', '', ''] },
    { kind: 'total', cells: ['', 'Bình quân tiêu chí/xã', cell('', { colSpan: n }), formatNumber(figures.average, 1), '', '', ''] },
  );

  const title =
    options.side === 'actual'
      ? `Thực trạng các tiêu chí nông thôn mới của các xã đến 31/12/${statusYear}`
      : `Kế hoạch thực hiện các tiêu chí nông thôn mới của các xã năm ${year}`;
  return {
    formNo: FORM_NUMBERS.criteria,
    title,
    unitLine: null,
    landscape: true,
    tables: [
      {
        legend,
        columns: [col('center', 4), col('left', 11), ...ordered.map(() => col('center', 3)), col('center', 5), col('center', 6), col('center', 5.5), col('left', 7)],
        head,
        rows,
      },
    ],
  };
}
