// Indicator values of a plan's communes, both sides, kept up to date from acknowledged changes.
import type { Change } from '../../../shared/api/edits';
import type { Result } from '../../../shared/contract';
import type { CriteriaSet, Unit } from '../../../shared/model';
import type { SideId } from './matrix-model';

export type IndicatorData = Result<'matrix.indicators'>;

export interface IndicatorRow {
  id: string;
  unitId: number;
  no: number;
  name: string;
  /** Value by indicator id. */
  values: Record<number, number | null>;
}

export class IndicatorModel {
  readonly set: CriteriaSet;
  readonly communes: Unit[];
  readonly years: Record<SideId, number>;
  private readonly rowsBySide: Record<SideId, Map<number, IndicatorRow>>;
  private readonly indicatorIds: Set<number>;

  constructor(data: IndicatorData) {
    this.set = data.set;
    this.communes = data.communes;
    this.years = { actual: data.actual.year, plan: data.planned.year };
    const indicatorIds = data.set.criteria.flatMap((c) => c.indicators.map((i) => i.id));
    this.indicatorIds = new Set(indicatorIds);
    const unpack = (values: (number | null)[]) =>
      new Map(
        data.communes.map((c, i): [number, IndicatorRow] => {
          const row: IndicatorRow = { id: String(c.id), unitId: c.id, no: i + 1, name: c.name, values: {} };
          indicatorIds.forEach((id, j) => (row.values[id] = values[i * indicatorIds.length + j] ?? null));
          return [c.id, row];
        }),
      );
    this.rowsBySide = { actual: unpack(data.actual.values), plan: unpack(data.planned.values) };
  }

  rows(side: SideId): IndicatorRow[] {
    return [...this.rowsBySide[side].values()];
  }

  row(side: SideId, unitId: number): IndicatorRow | undefined {
    return this.rowsBySide[side].get(unitId);
  }

  apply(changes: readonly Change[]): boolean {
    let changed = false;
    for (const change of changes) {
      if (change.table !== 'indicator_value') continue;
      const key = change.op === 'insert' ? [change.row.unit_id, change.row.indicator_id, change.row.year, change.row.kind] : change.key;
      const [unitId, indicatorId, year, kind] = key as [number, number, number, string];
      const side: SideId | null = kind === 'actual' && year === this.years.actual ? 'actual' : kind === 'plan' && year === this.years.plan ? 'plan' : null;
      const row = side ? this.rowsBySide[side].get(unitId) : undefined;
      if (!side || !row || !this.indicatorIds.has(indicatorId)) continue;
      const value = change.op === 'delete' ? null : change.op === 'set' ? (change.field === 'value' ? change.value : row.values[indicatorId]) : change.row.value;
      this.rowsBySide[side].set(unitId, { ...row, values: { ...row.values, [indicatorId]: typeof value === 'number' ? value : null } });
      changed = true;
    }
    return changed;
  }
}
