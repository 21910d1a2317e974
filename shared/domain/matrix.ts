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

/**
 * The figures of matrixFigures kept up to date one mark at a time over a dense grid of the plan's
 * communes × the set's criteria, so a grid recomputes its pinned rows in constant time per edit instead
 * of recounting every mark, and a 3,321 × 19 matrix loads without an object per mark.
 */
export class MatrixTally {
  readonly width: number;
  /** Row-major communes × criteria: -1 no mark, 0 not met, 1 met. */
  private readonly cells: Int8Array;
  private readonly marksPerRow: Int32Array;
  private readonly metPerRow: Int32Array;
  private readonly metPerColumn: Int32Array;
  private readonly rowOf: Map<number, number>;
  private readonly columnOf: Map<number, number>;
  private met = 0;

  constructor(
    private readonly criteria: readonly { id: number; no: number }[],
    private readonly unitIds: readonly number[],
  ) {
    this.width = criteria.length;
    this.cells = new Int8Array(unitIds.length * this.width).fill(-1);
    this.marksPerRow = new Int32Array(unitIds.length);
    this.metPerRow = new Int32Array(unitIds.length);
    this.metPerColumn = new Int32Array(this.width);
    this.rowOf = new Map(unitIds.map((id, i) => [id, i]));
    this.columnOf = new Map(criteria.map((c, j) => [c.id, j]));
  }

  /** The cell of a commune and criterion, or -1 when either is outside the grid. */
  indexOf(unitId: number, criterionId: number): number {
    const i = this.rowOf.get(unitId);
    const j = this.columnOf.get(criterionId);
    return i === undefined || j === undefined ? -1 : i * this.width + j;
  }

  /** Met, not met, or no mark (null). */
  at(index: number): boolean | null {
    const cell = this.cells[index];
    return cell === undefined || cell === -1 ? null : cell === 1;
  }

  /** Record a commune's mark on a criterion: met, not met, or no mark at all (null). */
  set(unitId: number, criterionId: number, met: boolean | null): void {
    const index = this.indexOf(unitId, criterionId);
    if (index >= 0) this.setAt(index, met);
  }

  setAt(index: number, met: boolean | null): void {
    const before = this.cells[index] as number;
    const after = met === null ? -1 : met ? 1 : 0;
    if (before === after) return;
    const row = Math.floor(index / this.width);
    const column = index % this.width;
    this.cells[index] = after;
    if (before === -1) (this.marksPerRow[row] as number)++;
    if (after === -1) (this.marksPerRow[row] as number)--;
    const delta = (after === 1 ? 1 : 0) - (before === 1 ? 1 : 0);
    this.met += delta;
    (this.metPerRow[row] as number) += delta;
    (this.metPerColumn[column] as number) += delta;
  }

  figures(): MatrixFigures {
    const perCommune = new Map<number, number>();
    let fullyMet = 0;
    this.unitIds.forEach((id, i) => {
      if (this.marksPerRow[i] === 0) return;
      const met = this.metPerRow[i] as number;
      perCommune.set(id, met);
      if (met === this.width && met > 0) fullyMet++;
    });
    const communes = perCommune.size;
    return {
      communes,
      met: this.met,
      average: communes === 0 ? 0 : Math.round((this.met / communes) * 10) / 10,
      fullyMet,
      perCriterion: Object.fromEntries(this.criteria.map((c, j) => [String(c.no), this.metPerColumn[j] as number])),
      perCommune,
    };
  }

  /**
   * Where `plan` differs from this status: criteria a commune is planned to reach ('gain') or planned
   * without although it met them ('loss'), keyed "unitId:criterionId". Both tallies cover the same grid.
   */
  differences(plan: MatrixTally): Map<string, 'gain' | 'loss'> {
    const out = new Map<string, 'gain' | 'loss'>();
    plan.cells.forEach((planned, index) => {
      if (planned === -1) return;
      const was = this.cells[index] === 1;
      if ((planned === 1) === was) return;
      const key = `${this.unitIds[Math.floor(index / this.width)]}:${this.criteria[index % this.width]?.id}`;
      out.set(key, planned === 1 ? 'gain' : 'loss');
    });
    return out;
  }
}
