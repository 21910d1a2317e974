// Biểu 01: each commune's criteria met at 31/12 of last year, its recognition year and its plan for the year.
import type Database from 'better-sqlite3';
import { roundHalfAwayFromZero } from '../../../../shared/format/vi';
import type { Unit } from '../../../../shared/model';
import { getCriteriaSet } from '../../repo/criteria';
import { loadStatuses } from '../../repo/matrix';
import { columnName } from '../a1';
import { attachmentLine, finishForm, startForm, styleBodyCell, workbookBytes, type HeaderCell, type Issuer } from './frame';

const MARK = 'x';

export async function buildBieu01(db: Database.Database, issuer: Issuer, communes: Unit[]): Promise<Uint8Array> {
  const { plan } = issuer;
  const year = plan.yearStart;
  const set = getCriteriaSet(db, plan.criteriaSetId);
  const met = metMarks(db, set.id, year - 1);
  const recognised = new Map(loadStatuses(db, year - 1, 'actual').map((s) => [s.unitId, s.recognisedYear]));
  const planStatus = new Map(loadStatuses(db, year, 'plan').map((s) => [s.unitId, s]));

  const criteria = set.criteria;
  const first = 3;
  const totalCol = first + criteria.length;
  const cols = totalCol + 3;
  const header: HeaderCell[] = [
    { row: 0, col: 1, rowSpan: 3, text: 'STT' },
    { row: 0, col: 2, rowSpan: 3, text: 'Tên xã' },
    { row: 0, col: totalCol, rowSpan: 3, text: 'Tổng số tiêu chí đạt' },
    { row: 0, col: totalCol + 1, rowSpan: 3, text: 'Năm được công nhận đạt chuẩn NTM' },
    { row: 0, col: totalCol + 2, rowSpan: 3, text: `Kế hoạch năm ${year} (số tiêu chí đạt)` },
    { row: 0, col: totalCol + 3, rowSpan: 3, text: 'Ghi chú' },
  ];
  for (const group of set.groups) {
    const members = criteria.map((c, i) => ({ c, col: first + i })).filter((x) => x.c.groupCode === group.code);
    if (members.length === 0) continue;
    header.push({ row: 0, col: members[0]!.col, colSpan: members.length, text: group.name });
    for (const { c, col } of members) {
      header.push({ row: 1, col, text: c.name, vertical: true }, { row: 2, col, text: String(c.no) });
    }
  }
  const framed = startForm(issuer, {
    formNo: '01',
    title: `KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ XÃ NÔNG THÔN MỚI ĐẾN 31/12/${year - 1} VÀ KẾ HOẠCH NĂM ${year}`,
    subtitle: attachmentLine(issuer),
    widths: [5, 18, ...criteria.map(() => 4.5), 9, 11, 11, 20],
    headerRows: 3,
    header,
    headerHeights: [30, 150, 18],
  });
  const { sheet, firstDataRow } = framed;
  const firstCol = columnName(first);
  const lastCritCol = columnName(totalCol - 1);
  const totalLetter = columnName(totalCol);
  const lastDataRow = firstDataRow + communes.length - 1;

  communes.forEach((unit, i) => {
    const r = firstDataRow + i;
    const row = sheet.getRow(r);
    row.getCell(1).value = i + 1;
    styleBodyCell(row.getCell(1), 'center');
    row.getCell(2).value = unit.name;
    styleBodyCell(row.getCell(2), 'label');
    let count = 0;
    criteria.forEach((c, k) => {
      const cell = row.getCell(first + k);
      if (met.has(`${unit.id}:${c.id}`)) {
        cell.value = MARK;
        count++;
      }
      styleBodyCell(cell, 'center');
    });
    row.getCell(totalCol).value = { formula: `COUNTIF(${firstCol}${r}:${lastCritCol}${r},"${MARK}")`, result: count };
    styleBodyCell(row.getCell(totalCol), 'count', true);
    row.getCell(totalCol + 1).value = recognised.get(unit.id) ?? null;
    styleBodyCell(row.getCell(totalCol + 1), 'center');
    const status = planStatus.get(unit.id);
    row.getCell(totalCol + 2).value = status?.plannedCount ?? null;
    styleBodyCell(row.getCell(totalCol + 2), 'center');
    row.getCell(totalCol + 3).value = status?.note || null;
    styleBodyCell(row.getCell(totalCol + 3), 'text');
  });

  const countRow = sheet.getRow(lastDataRow + 1);
  const averageRow = sheet.getRow(lastDataRow + 2);
  countRow.getCell(2).value = 'Số xã đạt';
  averageRow.getCell(2).value = 'Bình quân tiêu chí/xã';
  let total = 0;
  criteria.forEach((c, k) => {
    const letter = columnName(first + k);
    const n = communes.filter((u) => met.has(`${u.id}:${c.id}`)).length;
    total += n;
    countRow.getCell(first + k).value = communes.length
      ? { formula: `COUNTIF(${letter}${firstDataRow}:${letter}${lastDataRow},"${MARK}")`, result: n }
      : 0;
  });
  countRow.getCell(totalCol).value = communes.length ? { formula: `SUM(${totalLetter}${firstDataRow}:${totalLetter}${lastDataRow})`, result: total } : 0;
  const average = communes.length ? roundHalfAwayFromZero(total / communes.length, 1) : 0;
  averageRow.getCell(totalCol).value = communes.length
    ? { formula: `ROUND(AVERAGE(${totalLetter}${firstDataRow}:${totalLetter}${lastDataRow}),1)`, result: average }
    : 0;
  for (const row of [countRow, averageRow]) {
    for (let c = 1; c <= cols; c++) styleBodyCell(row.getCell(c), c === 2 ? 'label' : row === averageRow && c === totalCol ? 'decimal' : 'count', true);
  }
  finishForm(framed, issuer, lastDataRow + 2);
  return workbookBytes(framed);
}

/** "unit:criterion" of every criterion met at 31/12 of `year` (only met marks; thousands of communes read fast). */
function metMarks(db: Database.Database, setId: string, year: number): Set<string> {
  const rows = db
    .prepare(
      `SELECT m.unit_id, m.criterion_id FROM criterion_mark m JOIN criterion c ON c.id = m.criterion_id
       WHERE c.set_id = ? AND m.year = ? AND m.kind = 'actual' AND m.met = 1`,
    )
    .raw()
    .all(setId, year) as [number, number][];
  return new Set(rows.map(([unit, criterion]) => `${unit}:${criterion}`));
}
