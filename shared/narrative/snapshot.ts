// Everything the plan paragraphs are written from, loaded in one go by the backend.
import type { ResourceEntry, SourceLike } from '../domain/funding';
import type { Bucket, RecognitionLevel } from '../model';

export interface SnapshotUnit {
  id: number;
  name: string;
  /** For a village, its commune. */
  parentId: number | null;
}

export interface SnapshotStatus {
  unitId: number;
  level: RecognitionLevel | null;
  recognisedYear: number | null;
  /** "Kế hoạch năm (số tiêu chí đạt)": criteria the unit plans to meet. */
  plannedCount: number | null;
}

/** One side of the matrix (status at 31/12 of a year, or the plan for a year), aggregated where it is read. */
export interface SnapshotSide {
  year: number;
  /** Criteria met by each commune that has marks on this side. */
  metByCommune: Map<number, number>;
  /** By criterion id: communes meeting it, and how many of those are at the advanced level (nâng cao, kiểu mẫu). */
  byCriterion: Map<number, { met: number; advanced: number }>;
  statuses: SnapshotStatus[];
}

export type SnapshotSource = SourceLike;
export type SnapshotResource = ResourceEntry;

export interface SnapshotProject {
  sourceId: number;
  phase: 'continuing' | 'new';
  planAmount: number | null;
  unitId: number | null;
}

export interface NarrativeSnapshot {
  /** The plan year; the status is that at 31/12 of the year before. */
  year: number;
  criteria: { id: number; no: number; name: string }[];
  buckets: Bucket[];
  /** Communes the plan covers, in the office's order. */
  communes: SnapshotUnit[];
  villages: SnapshotUnit[];
  actual: SnapshotSide;
  planned: SnapshotSide;
  /** Units the plan sets out to recognise in its year (recognition_target). */
  recognition: { unitId: number; level: RecognitionLevel }[];
  sources: SnapshotSource[];
  resources: SnapshotResource[];
  projects: SnapshotProject[];
}
