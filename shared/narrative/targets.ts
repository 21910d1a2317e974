// "Công nhận mới 03 xã (xã Nà Tăm, Giang Ma, Tả Lèng) đạt chuẩn nông thôn mới" and the villages by commune.
import type { RecognitionLevel } from '../model';
import { fill, type Phrasing } from './phrasing';
import type { NarrativeSnapshot, SnapshotStatus, SnapshotUnit } from './snapshot';

const LEVELS: RecognitionLevel[] = ['ntm', 'nang_cao', 'kieu_mau'];
const rank = (level: RecognitionLevel | null) => (level === null ? 0 : LEVELS.indexOf(level) + 1);

/** The level a unit had reached at the end of last year (a recognition year alone means the standard). */
function reached(status: SnapshotStatus | undefined): number {
  if (!status) return 0;
  return Math.max(rank(status.level), status.recognisedYear !== null ? 1 : 0);
}

/**
 * Units to be recognised this year, by level: the plan's recognition targets, and units whose planned
 * level is above the level they had reached at the end of last year.
 */
export function recognitionTargets(snapshot: NarrativeSnapshot): Map<RecognitionLevel, Set<number>> {
  const targets = new Map<RecognitionLevel, Set<number>>(LEVELS.map((l) => [l, new Set<number>()]));
  for (const t of snapshot.recognition) targets.get(t.level)?.add(t.unitId);
  const before = new Map(snapshot.actual.statuses.map((s) => [s.unitId, s]));
  for (const s of snapshot.planned.statuses) {
    if (s.level !== null && rank(s.level) > reached(before.get(s.unitId))) targets.get(s.level)?.add(s.unitId);
  }
  return targets;
}

export function targetSentences(snapshot: NarrativeSnapshot, phrasing: Phrasing): string[] {
  const p = phrasing.targets;
  const targets = recognitionTargets(snapshot);
  const communeById = new Map(snapshot.communes.map((c) => [c.id, c]));
  const sentences: string[] = [];
  for (const level of LEVELS) {
    const ids = targets.get(level) ?? new Set<number>();
    const communes = snapshot.communes.filter((c) => ids.has(c.id));
    if (communes.length > 0) {
      const names = fill(p.communeNames, { list: communes.map((c) => c.name).join(p.listSeparator) });
      sentences.push(fill(p.communes[level], { count: communes.length, names }));
    }
  }
  for (const level of LEVELS) {
    const ids = targets.get(level) ?? new Set<number>();
    const villages = snapshot.villages.filter((v) => ids.has(v.id));
    if (villages.length === 0) continue;
    const byCommune = groupByCommune(villages, snapshot.communes)
      .map(([communeId, list]) => fill(p.villagesOfCommune, { commune: communeById.get(communeId)?.name ?? '', count: list.length }))
      .join(p.listSeparator);
    sentences.push(fill(p.villages[level], { count: villages.length, byCommune }));
  }
  return sentences;
}

function groupByCommune(villages: SnapshotUnit[], communes: SnapshotUnit[]): [number, SnapshotUnit[]][] {
  return communes
    .map((c): [number, SnapshotUnit[]] => [c.id, villages.filter((v) => v.parentId === c.id)])
    .filter(([, list]) => list.length > 0);
}
