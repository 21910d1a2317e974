// "Có 9/12 xã đạt tiêu chí số 11 về nghèo đa chiều, trong đó có 2 xã đạt tiêu chí nông thôn mới nâng cao."
import { bucketCounts, matrixFigures } from '../domain/matrix';
import { formatNumber } from '../format/vi';
import { fill, type Phrasing } from './phrasing';
import type { NarrativeSnapshot, SnapshotSide } from './snapshot';

const ADVANCED_LEVELS = new Set(['nang_cao', 'kieu_mau']);

/** One sentence per criterion for one side of the matrix; none when the side has no marks. */
export function criterionSentences(snapshot: NarrativeSnapshot, side: SnapshotSide, phrasing: Phrasing): string[] {
  const communeIds = new Set(snapshot.communes.map((c) => c.id));
  const marks = side.marks.filter((m) => communeIds.has(m.unitId));
  if (marks.length === 0) return [];
  const advanced = new Set(side.statuses.filter((s) => s.level !== null && ADVANCED_LEVELS.has(s.level)).map((s) => s.unitId));
  const advancedMeeting = new Map<number, number>();
  for (const m of marks) if (m.met && advanced.has(m.unitId)) advancedMeeting.set(m.criterionId, (advancedMeeting.get(m.criterionId) ?? 0) + 1);
  const figures = matrixFigures(snapshot.criteria, marks);
  const p = phrasing.criterion;
  return snapshot.criteria.map((c) => {
    const params = { met: String(figures.perCriterion[String(c.no)] ?? 0), total: String(snapshot.communes.length), no: String(c.no), name: c.name };
    const advancedCount = advancedMeeting.get(c.id) ?? 0;
    const clause = advancedCount > 0 ? fill(p.advanced, { advanced: String(advancedCount) }) : '';
    return `${fill(p.sentence, params)}${clause}${p.end}`;
  });
}

/** "Đến 31/12/2024, có 9/12 xã đạt chuẩn nông thôn mới; bình quân đạt 18,0 tiêu chí/xã." and the buckets line. */
export function statusOverview(snapshot: NarrativeSnapshot, phrasing: Phrasing): string[] {
  const communeIds = new Set(snapshot.communes.map((c) => c.id));
  const marks = snapshot.actual.marks.filter((m) => communeIds.has(m.unitId));
  if (marks.length === 0) return [];
  const figures = matrixFigures(snapshot.criteria, marks);
  const p = phrasing.status;
  const overview = fill(p.overview, {
    year: String(snapshot.actual.year),
    fullyMet: String(figures.fullyMet),
    communes: String(snapshot.communes.length),
    average: formatNumber(figures.average, 1),
  });
  const buckets = bucketCounts(figures.perCommune, snapshot.buckets)
    .filter((b) => b.communes > 0)
    .map((b) => fill(p.bucket, { communes: b.communes, label: b.bucket.label }));
  return buckets.length > 0 ? [overview, fill(p.bucketsLine, { buckets: buckets.join(p.bucketSeparator) })] : [overview];
}
