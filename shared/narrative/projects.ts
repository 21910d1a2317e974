// "Nguồn vốn ...: Dự án chuyển tiếp tổng 06 công trình, dự án khởi công mới 20 công trình, tổng kinh phí 19.783 triệu đồng"
import { fill, lowerFirst, type Phrasing } from './phrasing';
import type { NarrativeSnapshot, SnapshotSource } from './snapshot';
import { topSourceOf } from './source-lines';

/** One sentence per capital source the projects are funded from, in the order of the source tree. */
export function projectSentences(snapshot: NarrativeSnapshot, phrasing: Phrasing): string[] {
  const byId = new Map(snapshot.sources.map((s) => [s.id, s]));
  const groups = new Map<number, { continuing: number; new: number; amount: number }>();
  for (const project of snapshot.projects) {
    const group = groups.get(project.sourceId) ?? { continuing: 0, new: 0, amount: 0 };
    group[project.phase]++;
    group.amount += project.planAmount ?? 0;
    groups.set(project.sourceId, group);
  }
  const order = (id: number) => sourceOrder(snapshot.sources, id);
  return [...groups.entries()]
    .sort(([a], [b]) => order(a).localeCompare(order(b)))
    .map(([sourceId, g]) => fill(phrasing.projects.bySource, { source: sourceName(snapshot.sources, byId.get(sourceId)), ...g }));
}

/** "Vốn ngân sách Trung ương (vốn đầu tư phát triển)" for a part of a source, the source's own label for a top-level one. */
function sourceName(sources: readonly SnapshotSource[], source: SnapshotSource | undefined): string {
  if (!source) return '';
  const top = topSourceOf(sources, source.id);
  if (!top || top.id === source.id) return source.label;
  return `${top.label} (${lowerFirst(source.label)})`;
}

/** A sortable key: the ord of every ancestor, root first. */
function sourceOrder(sources: readonly SnapshotSource[], id: number): string {
  const byId = new Map(sources.map((s) => [s.id, s]));
  const keys: string[] = [];
  for (let s = byId.get(id); s; s = s.parentId === null ? undefined : byId.get(s.parentId)) keys.unshift(String(s.ord).padStart(6, '0'));
  return keys.join('.');
}
