// Derived figures of a commune × criterion matrix, shared by the grid, the summary and the reports.
import type { Bucket } from '../model';

export interface MarkLike {
  unitId: number;
  criterionId: number;
  met: boolean;
}

export interface MatrixFigures {
  /** Communes counted: those with at least one mark. */
  communes: number;
  /** Criteria met, summed over communes. */
  met: number;
  /** Average criteria met per commune, to one decimal. */
  average: number;
  /** Communes meeting every criterion of the set. */
  fullyMet: number;
  /** Communes meeting each criterion, by criterion number. */
  perCriterion: Record<string, number>;
  /** Criteria met by each commune. */
  perCommune: Map<number, number>;
}

export function matrixFigures(criteria: readonly { id: number; no: number }[], marks: Iterable<MarkLike>): MatrixFigures {
  const noById = new Map(criteria.map((c) => [c.id, c.no]));
  const perCriterion: Record<string, number> = Object.fromEntries(criteria.map((c) => [String(c.no), 0]));
  const perCommune = new Map<number, number>();
  let met = 0;
  for (const mark of marks) {
    const no = noById.get(mark.criterionId);
    if (no === undefined) continue;
    if (!perCommune.has(mark.unitId)) perCommune.set(mark.unitId, 0);
    if (!mark.met) continue;
    met++;
    perCriterion[String(no)] = (perCriterion[String(no)] ?? 0) + 1;
    perCommune.set(mark.unitId, (perCommune.get(mark.unitId) ?? 0) + 1);
  }
  const communes = perCommune.size;
  let fullyMet = 0;
  for (const n of perCommune.values()) if (n === criteria.length && n > 0) fullyMet++;
  return { communes, met, average: communes === 0 ? 0 : Math.round((met / communes) * 10) / 10, fullyMet, perCriterion, perCommune };
}

/** How many communes fall in each report bucket (19 / 15-18 / 10-14 / 5-9 / under 5). */
export function bucketCounts(perCommune: ReadonlyMap<number, number>, buckets: readonly Bucket[]): { bucket: Bucket; communes: number }[] {
  return buckets.map((bucket) => {
    let n = 0;
    for (const count of perCommune.values()) if (count >= bucket.min && count <= bucket.max) n++;
    return { bucket, communes: n };
  });
}

export interface MetLike {
  unitId: number;
  criterionId: number;
  met: boolean;
}

/**
 * Where the plan differs from the status: criteria a commune is planned to reach ('gain') or planned
 * without although it met them ('loss'), keyed "unitId:criterionId".
 */
export function planDifferences(actual: Iterable<MetLike>, planned: Iterable<MetLike>): Map<string, 'gain' | 'loss'> {
  const before = new Map<string, boolean>();
  for (const m of actual) before.set(`${m.unitId}:${m.criterionId}`, m.met);
  const out = new Map<string, 'gain' | 'loss'>();
  for (const m of planned) {
    const key = `${m.unitId}:${m.criterionId}`;
    const was = before.get(key) ?? false;
    if (m.met && !was) out.set(key, 'gain');
    else if (!m.met && was) out.set(key, 'loss');
  }
  return out;
}

/**
 * The same figures as matrixFigures, kept up to date one mark at a time, so a grid recomputes its
 * pinned rows in constant time per edit instead of recounting every mark.
 */
export class MatrixTally {
  private readonly noById: Map<number, number>;
  private readonly marks = new Map<string, boolean>();
  private readonly marksPerUnit = new Map<number, number>();
  private readonly metPerUnit = new Map<number, number>();
  private readonly metPerCriterion: Record<string, number>;
  private met = 0;

  constructor(private readonly criteria: readonly { id: number; no: number }[]) {
    this.noById = new Map(criteria.map((c) => [c.id, c.no]));
    this.metPerCriterion = Object.fromEntries(criteria.map((c) => [String(c.no), 0]));
  }

  /** Record a commune's mark on a criterion: met, not met, or no mark at all (null). */
  set(unitId: number, criterionId: number, met: boolean | null): void {
    const no = this.noById.get(criterionId);
    if (no === undefined) return;
    const key = `${unitId}:${criterionId}`;
    const before = this.marks.get(key);
    if (before === (met ?? undefined)) return;
    if (before !== undefined) this.count(unitId, no, before, -1);
    if (met === null) this.marks.delete(key);
    else {
      this.marks.set(key, met);
      this.count(unitId, no, met, 1);
    }
  }

  private count(unitId: number, no: number, met: boolean, delta: 1 | -1): void {
    const marks = (this.marksPerUnit.get(unitId) ?? 0) + delta;
    if (marks === 0) {
      this.marksPerUnit.delete(unitId);
      this.metPerUnit.delete(unitId);
    } else {
      this.marksPerUnit.set(unitId, marks);
      if (!this.metPerUnit.has(unitId)) this.metPerUnit.set(unitId, 0);
    }
    if (!met) return;
    this.met += delta;
    this.metPerCriterion[String(no)] = (this.metPerCriterion[String(no)] ?? 0) + delta;
    if (marks !== 0) this.metPerUnit.set(unitId, (this.metPerUnit.get(unitId) ?? 0) + delta);
  }

  figures(): MatrixFigures {
    const communes = this.marksPerUnit.size;
    let fullyMet = 0;
    for (const n of this.metPerUnit.values()) if (n === this.criteria.length && n > 0) fullyMet++;
    return {
      communes,
      met: this.met,
      average: communes === 0 ? 0 : Math.round((this.met / communes) * 10) / 10,
      fullyMet,
      perCriterion: { ...this.metPerCriterion },
      perCommune: new Map(this.metPerUnit),
    };
  }
}
