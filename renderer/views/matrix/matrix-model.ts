// The criterion matrix of one plan in the renderer: marks and statuses of both sides (status at 31/12
// of last year, plan for this year), kept up to date from acknowledged changes, with the derived
// figures from shared/domain/matrix.ts. Plain TypeScript so the bench can drive it without a browser.
// Marks live in a dense tally per side (one byte a cell), built straight from the packed wire form.
import type { Change } from '../../../shared/api/edits';
import type { Result } from '../../../shared/contract';
import { bucketCounts, MatrixTally, type MatrixFigures } from '../../../shared/domain/matrix';
import type { PackedSide } from '../../../shared/api/matrix';
import type { Bucket, CriteriaSet, MarkKind, RecognitionLevel, Unit, UnitStatus } from '../../../shared/model';

export type MatrixData = Result<'matrix.open'>;
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

// Most marks carry no year: they share these two objects instead of one each.
const MET: Mark = Object.freeze({ met: true, metYear: null });
const NOT_MET: Mark = Object.freeze({ met: false, metYear: null });

class Side {
  readonly tally: MatrixTally;
  /** Year met, by cell of the tally. */
  readonly metYears: Map<number, number>;
  readonly statuses: Map<number, UnitStatus>;
  constructor(
    readonly year: number,
    readonly kind: MarkKind,
    criteria: CriteriaSet['criteria'],
    unitIds: readonly number[],
    packed: PackedSide,
  ) {
    this.tally = new MatrixTally(criteria, unitIds);
    for (let index = 0; index < packed.cells.length; index++) {
      const cell = packed.cells.charCodeAt(index);
      if (cell !== 46) this.tally.setAt(index, cell === 49); // '.' no mark, '1' met, '0' not met
    }
    this.metYears = new Map(packed.metYears);
    this.statuses = new Map(packed.statuses.map((s) => [s.unitId, s]));
  }

  mark(index: number): Mark | undefined {
    const met = this.tally.at(index);
    if (met === null) return undefined;
    const metYear = this.metYears.get(index);
    return metYear === undefined ? (met ? MET : NOT_MET) : { met, metYear };
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
  private readonly indexById: Map<number, number>;

  constructor(data: MatrixData) {
    this.set = data.set;
    this.communes = data.communes;
    const unitIds = data.communes.map((c) => c.id);
    this.sides = {
      actual: new Side(data.actual.year, 'actual', data.set.criteria, unitIds, data.actual),
      plan: new Side(data.planned.year, 'plan', data.set.criteria, unitIds, data.planned),
    };
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
    this.differenceCache ??= this.sides.actual.tally.differences(this.sides.plan.tally);
    return this.differenceCache;
  }

  private applyMark(change: Change): { unitId: number; side: SideId } | null {
    const key = change.op === 'insert' ? [change.row.unit_id, change.row.criterion_id, change.row.year, change.row.kind] : change.key;
    const [unitId, criterionId, year, kind] = key as [number, number, number, string];
    const sideId = this.sideOf(year, kind);
    if (!sideId) return null;
    const side = this.sides[sideId];
    const index = side.tally.indexOf(unitId, criterionId);
    if (index < 0) return null;
    if (change.op === 'delete') {
      side.tally.setAt(index, null);
      side.metYears.delete(index);
      return { unitId, side: sideId };
    }
    const fields = change.op === 'set' ? { [change.field]: change.value } : change.row;
    if ('met' in fields) side.tally.setAt(index, fields.met === true || fields.met === 1);
    else if (side.tally.at(index) === null) side.tally.setAt(index, false);
    if ('met_year' in fields) {
      if (typeof fields.met_year === 'number') side.metYears.set(index, fields.met_year);
      else side.metYears.delete(index);
    }
    return { unitId, side: sideId };
  }

  private applyStatus(change: Change): { unitId: number; side: SideId } | null {
    const key = change.op === 'insert' ? [change.row.unit_id, change.row.year, change.row.kind] : change.key;
    const [unitId, year, kind] = key as [number, number, string];
    const side = this.sideOf(year, kind);
    if (!side || !this.indexById.has(unitId)) return null;
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
    this.rowsById.set(unitId, { id: String(unitId), unitId, no: index + 1, name: unit.name, actual: this.sideRow('actual', index, unitId), plan: this.sideRow('plan', index, unitId) });
  }

  private sideRow(sideId: SideId, row: number, unitId: number): SideRow {
    const side = this.sides[sideId];
    const marks: Record<number, Mark> = {};
    let met = 0;
    this.set.criteria.forEach((c, j) => {
      const mark = side.mark(row * side.tally.width + j);
      if (!mark) return;
      marks[c.id] = mark;
      if (mark.met) met++;
    });
    return { marks, met, status: side.statuses.get(unitId) ?? null };
  }
}
