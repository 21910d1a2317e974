// Cross-table checks of a plan year, computed from the stored figures with the shared domain
// functions: stated parents vs their parts, projects vs the source's investment, recurrent capital by
// content vs the recurrent amount in the resources table. The findings engine turns them into findings.
import type Database from 'better-sqlite3';
import type { FundingCheck } from '../../../shared/api/funding';
import { AmountGrid, projectChecks, resourceLines, sameAmount, sourceByRole, sourceTree, statedMismatches, type SourceNode } from '../../../shared/domain/funding';
import { listSources } from './sources';
import { loadProjects, loadRecurrentCells, loadRecurrentContents, loadResourceEntries, planScope } from './tables';

export function fundingChecks(db: Database.Database, planId: number, year?: number): FundingCheck[] {
  const scope = planScope(db, planId, year);
  const nodes = sourceTree(listSources(db));
  const lines = resourceLines(nodes, loadResourceEntries(db, planId, scope.year));
  const target = (sourceId: number, field: string) => ({ table: 'resource_amount', key: [planId, scope.year, sourceId], field });
  const out: FundingCheck[] = [];
  for (const m of statedMismatches(lines)) {
    out.push({ kind: 'stated', sourceId: m.sourceId, label: rowLabel(m), ...target(m.sourceId, m.field), expected: m.parts, actual: m.stated });
  }
  for (const c of projectChecks(lines, loadProjects(db, planId, scope.year))) {
    if (c.ok) continue;
    out.push({ kind: 'projects', sourceId: c.sourceId, label: rowLabel(c), ...target(c.sourceId, 'investment'), expected: c.projectsPlan, actual: c.investment });
  }
  if (scope.year === scope.plan.yearStart) {
    const recurrent = recurrentCheck(db, planId, scope.year, nodes, lines);
    if (recurrent) out.push(recurrent);
  }
  return out;
}

/** Biểu 07 is the plan's first year: its grand total must equal the central recurrent amount. */
function recurrentCheck(db: Database.Database, planId: number, year: number, nodes: SourceNode[], lines: ReturnType<typeof resourceLines>): FundingCheck | null {
  const contents = loadRecurrentContents(db, planId);
  const cells = loadRecurrentCells(db, planId);
  if (cells.length === 0) return null;
  const grid = new AmountGrid(contents, cells.map((c) => ({ rowId: c.contentId, unitId: c.unitId, amount: c.amount })));
  const total = grid.grandTotal() ?? 0;
  const node = sourceByRole(nodes, 'central_recurrent');
  if (!node) return null;
  const line = lines.find((l) => l.source.id === node.source.id);
  const amount = line?.amount ?? null;
  if (sameAmount(total, amount ?? 0)) return null;
  return {
    kind: 'recurrent',
    sourceId: node.source.id,
    label: rowLabel({ path: node.path, label: node.source.label }),
    table: 'resource_amount',
    key: [planId, year, node.source.id],
    field: 'amount',
    expected: total,
    actual: amount,
  };
}

function rowLabel(row: { path: string; label: string }): string {
  return row.path ? `${row.path} ${row.label}` : row.label;
}
