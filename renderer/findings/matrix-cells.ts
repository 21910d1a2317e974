// Where a cell of the criterion matrix grid lives in the document, so findings can mark it:
// rows are communes (row id = unit id), columns `${side}:c${criterionId}` and `${side}:${statusField}`.
import type { FindingTarget } from '../../shared/api/validation';
import type { MatrixModel, SideId } from '../views/matrix/matrix-model';
import type { CellFindingLookup } from './cell-findings';

const STATUS_FIELDS: Record<string, string> = { level: 'level', recognisedYear: 'recognised_year', plannedCount: 'planned_count', note: 'note' };

export function matrixCellTarget(model: MatrixModel, rowId: string, colId: string): FindingTarget | null {
  const [side, column] = colId.split(':') as [SideId, string | undefined];
  const unitId = Number(rowId);
  if (!column || !(side in model.sides) || !Number.isInteger(unitId)) return null;
  const { year, kind } = model.sides[side];
  const criterion = /^c(\d+)$/.exec(column);
  if (criterion) return { table: 'criterion_mark', key: [unitId, Number(criterion[1]), year, kind], field: 'met' };
  const field = STATUS_FIELDS[column];
  return field ? { table: 'unit_status', key: [unitId, year, kind], field } : null;
}

/** The cellFinding option of the matrix grid, from the lookups of its two tables. */
export function matrixCellFinding(model: MatrixModel, marks: CellFindingLookup, statuses: CellFindingLookup) {
  return (rowId: string, colId: string) => {
    const target = matrixCellTarget(model, rowId, colId);
    if (!target) return null;
    return (target.table === 'criterion_mark' ? marks : statuses)(target.key, target.field);
  };
}
