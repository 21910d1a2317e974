// The criterion matrix of one plan in the renderer: marks and statuses of both sides (status at 31/12
// of last year, plan for this year), kept up to date from acknowledged changes, with the derived
// figures from shared/domain/matrix.ts. Plain TypeScript so the bench can drive it without a browser.
import type { Change } from '../../../shared/api/edits';
import type { Result } from '../../../shared/contract';
import { bucketCounts, MatrixTally, planDifferences, type MatrixFigures } from '../../../shared/domain/matrix';
import { unpackSide } from '../../../shared/domain/matrix-pack';
import type { Bucket, CriteriaSet, CriterionMark, MarkKind, RecognitionLevel, Unit, UnitStatus } from '../../../shared/model';

export type MatrixData = Result<'matrix.get'>;

/** The packed matrix of 'matrix.open' back in the shape of 'matrix.get'. */
export function unpackMatrix(packed: Result<'matrix.open'>): MatrixData {
  const unitIds = packed.communes.map((c) => c.id);
  const criterionIds = packed.set.criteria.map((c) => c.id);
  return { ...packed, actual: unpackSide(unitIds, criterionIds, packed.actual), planned: unpackSide(unitIds, criterionIds, packed.planned) };
}
export type SideId = 'actual' | 'plan';

export interface Mark {
  met: boolean;
  metYear: number | null;
}

export interface SideRow {
  marks: Record<number, Mark>;
  met: number;
  status: UnitStatus | null;
}

export interface CommuneRow {
  id: string;
  unitId: number;
  no: number;
  name: string;
  actual: SideRow;
  plan: SideRow;
}

export interface SideFigures extends MatrixFigures {
  buckets: { bucket: Bucket; communes: number }[];
}

const markKey = (unitId: number, criterionId: number) => `${unitId}:${criterionId}`;

class Side {
  readonly marks = new Map<string, CriterionMark>();
  readonly statuses = new Map<number, UnitStatus>();
  readonly tally: MatrixTally;
  constructor(
    readonly year: number,
    readonly kind: MarkKind,
    criteria: CriteriaSet['criteria'],
  ) {
    this.tally = new MatrixTally(criteria);
  }
}

export class MatrixModel {
  readonly set: CriteriaSet;
  readonly communes: Unit[];
  readonly sides: Record<SideId, Side>;
  private readonly rowsById = new Map<number, CommuneRow>();
  private rowList: CommuneRow[] = [];
  private readonly figureCache = new Map<SideId, SideFigures>();
  private differenceCache: Map<string, 'gain' | 'loss'> | null = null;
  private readonly communeIds: Set<number>;
  private readonly criterionIds: Set<number>;
  private readonly indexById: Map<number, number>;

  constructor(data: MatrixData) {
    this.set = data.set;
    this.communes = data.communes;
    this.communeIds = new Set(data.communes.map((c) => c.id));
    this.sides = { actual: new Side(data.actual.year, 'actual', data.set.criteria), plan: new Side(data.planned.year, 'plan', data.set.criteria) };
    for (const [id, side] of [['actual', data.actual], ['plan', data.planned]] as const) {
      for (const m of side.marks) {
        this.sides[id].marks.set(markKey(m.unitId, m.criterionId), m);
        if (this.communeIds.has(m.unitId)) this.sides[id].tally.set(m.unitId, m.criterionId, m.met);
      }
      for (const s of side.statuses) this.sides[id].statuses.set(s.unitId, s);
    }
    this.criterionIds = new Set(this.set.criteria.map((c) => c.id));
    this.indexById = new Map(data.communes.map((c, i) => [c.id, i]));
    for (const unit of this.communes) this.rebuildRow(unit.id);
    this.rowList = this.communes.map((c) => this.rowsById.get(c.id) as CommuneRow);
  }

  rows(): CommuneRow[] {
    return this.rowList;
  }

  sideOf(year: number, kind: string): SideId | null {
    if (year === this.sides.actual.year && kind === 'actual') return 'actual';
    if (year === this.sides.plan.year && kind === 'plan') return 'plan';
    return null;
  }

  /** Take acknowledged changes into the model; returns whether anything shown here changed. */
  apply(changes: readonly Change[]): boolean {
    const touched = new Set<number>();
    const sidesTouched = new Set<SideId>();
    for (const change of changes) {
      const hit = change.table === 'criterion_mark' ? this.applyMark(change) : change.table === 'unit_status' ? this.applyStatus(change) : null;
      if (!hit) continue;
      touched.add(hit.unitId);
      sidesTouched.add(hit.side);
    }
    if (touched.size === 0) return false;
    for (const id of touched) this.rebuildRow(id);
    this.rowList = this.communes.map((c) => this.rowsById.get(c.id) as CommuneRow);
    for (const side of sidesTouched) this.figureCache.delete(side);
    this.differenceCache = null;
    return true;
  }

  figures(side: SideId): SideFigures {
    let figures = this.figureCache.get(side);
    if (!figures) {
      const base = this.sides[side].tally.figures();
      // Buckets count every commune of the plan, those without marks in the lowest one.
      const perCommune = new Map(this.communes.map((c) => [c.id, base.perCommune.get(c.id) ?? 0]));
      figures = { ...base, buckets: bucketCounts(perCommune, this.set.buckets) };
      this.figureCache.set(side, figures);
    }
    return figures;
  }

  /** Criteria each commune is planned to reach (or drop) compared with its status. */
  differences(): Map<string, 'gain' | 'loss'> {
    this.differenceCache ??= planDifferences(this.sides.actual.marks.values(), this.sides.plan.marks.values());
    return this.differenceCache;
  }

  private applyMark(change: Change): { unitId: number; side: SideId } | null {
    const key = change.op === 'insert' ? [change.row.unit_id, change.row.criterion_id, change.row.year, change.row.kind] : change.key;
    const [unitId, criterionId, year, kind] = key as [number, number, number, string];
    const side = this.sideOf(year, kind);
    if (!side || !this.criterionIds.has(criterionId)) return null;
    const marks = this.sides[side].marks;
    const k = markKey(unitId, criterionId);
    if (change.op === 'delete') {
      marks.delete(k);
      this.sides[side].tally.set(unitId, criterionId, null);
    } else {
      const current = marks.get(k) ?? { unitId, criterionId, year, kind: kind as MarkKind, met: false, metYear: null };
      const fields = change.op === 'set' ? { [change.field]: change.value } : change.row;
      marks.set(k, {
        ...current,
        met: 'met' in fields ? fields.met === true || fields.met === 1 : current.met,
        metYear: 'met_year' in fields ? (fields.met_year as number | null) : current.metYear,
      });
      if (this.communeIds.has(unitId)) this.sides[side].tally.set(unitId, criterionId, marks.get(k)?.met ?? null);
    }
    return { unitId, side };
  }

  private applyStatus(change: Change): { unitId: number; side: SideId } | null {
    const key = change.op === 'insert' ? [change.row.unit_id, change.row.year, change.row.kind] : change.key;
    const [unitId, year, kind] = key as [number, number, string];
    const side = this.sideOf(year, kind);
    if (!side || !this.communeIds.has(unitId)) return null;
    const statuses = this.sides[side].statuses;
    if (change.op === 'delete') statuses.delete(unitId);
    else {
      const current = statuses.get(unitId) ?? { unitId, year, kind: kind as MarkKind, level: null, recognisedYear: null, plannedCount: null, note: '' };
      const fields = change.op === 'set' ? { [change.field]: change.value } : change.row;
      statuses.set(unitId, {
        ...current,
        level: 'level' in fields ? (fields.level as RecognitionLevel | null) : current.level,
        recognisedYear: 'recognised_year' in fields ? (fields.recognised_year as number | null) : current.recognisedYear,
        plannedCount: 'planned_count' in fields ? (fields.planned_count as number | null) : current.plannedCount,
        note: 'note' in fields ? String(fields.note ?? '') : current.note,
      });
    }
    return { unitId, side };
  }

  private rebuildRow(unitId: number): void {
    const index = this.indexById.get(unitId) ?? -1;
    const unit = this.communes[index];
    if (!unit) return;
    this.rowsById.set(unitId, { id: String(unitId), unitId, no: index + 1, name: unit.name, actual: this.sideRow('actual', unitId), plan: this.sideRow('plan', unitId) });
  }

  private sideRow(side: SideId, unitId: number): SideRow {
    const marks: Record<number, Mark> = {};
    let met = 0;
    for (const c of this.set.criteria) {
      const m = this.sides[side].marks.get(markKey(unitId, c.id));
      if (!m) continue;
      marks[c.id] = { met: m.met, metYear: m.metYear };
      if (m.met) met++;
    }
    return { marks, met, status: this.sides[side].statuses.get(unitId) ?? null };
  }
}
