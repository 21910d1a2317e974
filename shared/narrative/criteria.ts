// "Có 9/12 xã đạt tiêu chí số 11 về nghèo đa chiều, trong đó có 2 xã đạt tiêu chí nông thôn mới nâng cao."
import { bucketCounts } from '../domain/matrix';
import { formatNumber } from '../format/vi';
import { fill, type Phrasing } from './phrasing';
import type { NarrativeSnapshot, SnapshotSide } from './snapshot';

/** One sentence per criterion for one side of the matrix; none when the side has no marks. */
export function criterionSentences(snapshot: NarrativeSnapshot, side: SnapshotSide, phrasing: Phrasing): string[] {
  if (side.metByCommune.size === 0) return [];
  const p = phrasing.criterion;
  return snapshot.criteria.map((c) => {
    const figures = side.byCriterion.get(c.id) ?? { met: 0, advanced: 0 };
    const params = { met: String(figures.met), total: String(snapshot.communes.length), no: String(c.no), name: c.name };
    const clause = figures.advanced > 0 ? fill(p.advanced, { advanced: String(figures.advanced) }) : '';
    return `${fill(p.sentence, params)}${clause}${p.end}`;
  });
}

/** "Đến 31/12/2024, có 9/12 xã đạt chuẩn nông thôn mới; bình quân đạt 18,0 tiêu chí/xã." and the buckets line. */
export function statusOverview(snapshot: NarrativeSnapshot, phrasing: Phrasing): string[] {
  const perCommune = snapshot.actual.metByCommune;
  if (perCommune.size === 0) return [];
  const total = snapshot.criteria.length;
  let met = 0;
  let fullyMet = 0;
  for (const n of perCommune.values()) {
    met += n;
    if (n === total && total > 0) fullyMet++;
  }
  const p = phrasing.status;
  const overview = fill(p.overview, {
    year: String(snapshot.actual.year),
    fullyMet: String(fullyMet),
    communes: String(snapshot.communes.length),
    average: formatNumber(Math.round((met / perCommune.size) * 10) / 10, 1),
  });
  const buckets = bucketCounts(perCommune, snapshot.buckets)
    .filter((b) => b.communes > 0)
    .map((b) => fill(p.bucket, { communes: b.communes, label: b.bucket.label }));
  return buckets.length > 0 ? [overview, fill(p.bucketsLine, { buckets: buckets.join(p.bucketSeparator) })] : [overview];
}
