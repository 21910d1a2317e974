import type Database from 'better-sqlite3';
import { matrixFigures } from '../../shared/domain/matrix';
import type { Summary } from '../../shared/model';
import type { Document } from './db/document';
import { getCriteriaSet, listCriteriaSets } from './repo/criteria';
import { loadMatrixSide, matrixSlices } from './repo/matrix';
import { listPlans } from './repo/plans';
import { listUnits } from './repo/units';

export type SummarySection = (db: Database.Database) => Partial<Summary>;

/** Later tables add their own figures here (resources, projects, ...). */
const sections: SummarySection[] = [];

export function registerSummarySection(section: SummarySection): void {
  sections.push(section);
}

/** The document's figures, as `ntm summary --json` prints them. */
export function buildSummary(doc: Document): Summary {
  const db = doc.db;
  const communes = listUnits(db, 'commune');
  const villages = listUnits(db, 'village');
  const summary: Summary = {
    document: { path: doc.path, schemaVersion: doc.schemaVersion },
    units: { communes: communes.length, villages: villages.length, communeNames: communes.map((c) => c.name) },
    criteriaSets: listCriteriaSets(db).map((s) => ({
      id: s.id,
      period: s.period,
      criteria: s.criteria.length,
      indicators: s.criteria.reduce((n, c) => n + c.indicators.length, 0),
    })),
    plans: listPlans(db).map((p) => ({ id: p.id, name: p.name, yearStart: p.yearStart, yearEnd: p.yearEnd })),
    matrix: matrixSlices(db).map(({ setId, year, kind }) => {
      const set = getCriteriaSet(db, setId);
      const side = loadMatrixSide(db, setId, year, kind);
      const communeIds = new Set(communes.map((c) => c.id));
      const figures = matrixFigures(set.criteria, side.marks.filter((m) => communeIds.has(m.unitId)));
      return {
        year,
        kind,
        criteriaSetId: setId,
        communes: figures.communes,
        met: figures.met,
        average: figures.average,
        fullyMet: figures.fullyMet,
        perCriterion: figures.perCriterion,
      };
    }),
    resources: [],
    projects: [],
  };
  for (const section of sections) Object.assign(summary, section(db));
  return summary;
}
