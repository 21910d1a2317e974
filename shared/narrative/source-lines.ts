// The capital-source tree with its figures for the narrative and the charts, on issue 4's funding rules
// (a parent with figures below it is the sum of its parts).
import { resourceLines, sourceTree, type ResourceLine } from '../domain/funding';
import type { SnapshotResource, SnapshotSource } from './snapshot';

export interface SourceFigure {
  line: ResourceLine;
  /** Parts that have a figure, in tree order. */
  children: SourceFigure[];
}

/** The sources directly under the grand total (or the roots, when there is no total row) that have a figure. */
export function topSourceFigures(sources: readonly SnapshotSource[], resources: readonly SnapshotResource[]): SourceFigure[] {
  const lines = resourceLines(sourceTree(sources), resources);
  const byId = new Map(lines.map((l) => [l.source.id, l]));
  const figure = (line: ResourceLine): SourceFigure => ({
    line,
    children: line.childIds.flatMap((id) => {
      const child = byId.get(id);
      return child && child.amount !== null ? [figure(child)] : [];
    }),
  });
  const tops = lines.filter((l) => (l.source.parentId === null ? l.source.role !== 'total' : byId.get(l.source.parentId)?.source.role === 'total'));
  return tops.filter((l) => l.amount !== null).map(figure);
}

/** The top-level source a source belongs to (itself when it is one). */
export function topSourceOf(sources: readonly SnapshotSource[], id: number): SnapshotSource | undefined {
  const byId = new Map(sources.map((s) => [s.id, s]));
  let current = byId.get(id);
  for (;;) {
    const parent = current && current.parentId !== null ? byId.get(current.parentId) : undefined;
    if (!parent || parent.role === 'total') return current;
    current = parent;
  }
}
