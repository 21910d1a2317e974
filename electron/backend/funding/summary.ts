// The `resources` and `projects` parts of `ntm summary --json`, per plan and year that has figures.
import type Database from 'better-sqlite3';
import { projectSections, resourceLines, sourceTree, sumAmounts, type SourceNode } from '../../../shared/domain/funding';
import type { Summary } from '../../../shared/model';
import { registerSummarySection } from '../summary';
import { listSources } from './sources';
import { loadProjects, loadResourceEntries } from './tables';

/** A source's key in the summary: its path code ("I", "III.2"), or its label when it has no code. */
const sourceKey = (node: SourceNode) => node.path || node.source.label;

function planYears(db: Database.Database, table: 'resource_amount' | 'project'): { planId: number; year: number }[] {
  return db.prepare(`SELECT DISTINCT plan_id AS planId, year FROM ${table} ORDER BY year, plan_id`).all() as { planId: number; year: number }[];
}

export function resourcesSummary(db: Database.Database): Summary['resources'] {
  const nodes = sourceTree(listSources(db));
  return planYears(db, 'resource_amount').map(({ planId, year }) => {
    const lines = resourceLines(nodes, loadResourceEntries(db, planId, year));
    const bySource: Record<string, number> = {};
    for (const line of lines) if (line.source.role !== 'total' && line.amount !== null) bySource[sourceKey(line)] = line.amount;
    const root = lines.find((l) => l.source.role === 'total');
    const total = root ? root.amount : sumAmounts(lines.filter((l) => l.depth === 0).map((l) => l.amount));
    return { year, total: total ?? 0, bySource };
  });
}

export function projectsSummary(db: Database.Database): Summary['projects'] {
  const nodes = sourceTree(listSources(db));
  return planYears(db, 'project').map(({ planId, year }) => {
    const projects = loadProjects(db, planId, year);
    const bySource: Record<string, number> = {};
    for (const section of projectSections(nodes, projects)) bySource[sourceKey(section.node)] = section.totals.planAmount ?? 0;
    return {
      year,
      count: projects.length,
      continuing: projects.filter((p) => p.phase === 'continuing').length,
      new: projects.filter((p) => p.phase === 'new').length,
      plan: sumAmounts(projects.map((p) => p.planAmount)) ?? 0,
      bySource,
    };
  });
}

registerSummarySection((db) => ({ resources: resourcesSummary(db), projects: projectsSummary(db) }));
