import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { Bucket, CriteriaLevel, IndicatorKind } from '../../shared/model';
import { resourcesDir } from './paths';

/** The shipped criteria catalog format (resources/criteria/*.json). */
export const CatalogFile = z.object({
  id: z.string(),
  catalogVersion: z.number().int(),
  name: z.string(),
  period: z.string(),
  periodStart: z.number().int(),
  periodEnd: z.number().int(),
  level: CriteriaLevel,
  legalBasis: z.string().default(''),
  note: z.string().default(''),
  groups: z.array(z.object({ code: z.string(), name: z.string() })),
  buckets: z.array(Bucket),
  criteria: z.array(
    z.object({
      no: z.number().int(),
      code: z.string(),
      name: z.string(),
      group: z.string(),
      indicators: z.array(
        z.object({
          code: z.string(),
          name: z.string(),
          unit: z.string().default(''),
          kind: IndicatorKind,
          threshold: z.string().nullable().default(null),
          unconfirmed: z.boolean().default(true),
        }),
      ),
    }),
  ),
});
export type CatalogFile = z.infer<typeof CatalogFile>;

export function loadCatalogs(dir = path.join(resourcesDir(), 'criteria')): CatalogFile[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => CatalogFile.parse(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'))));
}

/**
 * Add shipped criteria sets the document does not have yet. Sets already in the document are left
 * alone: the office may have refined their indicators.
 */
export function seedCatalogs(db: Database.Database, catalogs: CatalogFile[] = loadCatalogs()): number {
  const exists = db.prepare('SELECT 1 FROM criteria_set WHERE id = ?');
  const insertSet = db.prepare(
    'INSERT INTO criteria_set (id, name, period_start, period_end, level, catalog_version, buckets, legal_basis, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertGroup = db.prepare('INSERT INTO criteria_group (set_id, code, name, ord) VALUES (?, ?, ?, ?)');
  const insertCriterion = db.prepare('INSERT INTO criterion (set_id, no, code, name, group_code) VALUES (?, ?, ?, ?, ?)');
  const insertIndicator = db.prepare(
    'INSERT INTO indicator (criterion_id, code, name, unit, kind, threshold, unconfirmed, ord) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  let added = 0;
  db.transaction(() => {
    for (const cat of catalogs) {
      if (exists.get(cat.id)) continue;
      insertSet.run(cat.id, cat.name, cat.periodStart, cat.periodEnd, cat.level, cat.catalogVersion, JSON.stringify(cat.buckets), cat.legalBasis, cat.note);
      cat.groups.forEach((g, i) => insertGroup.run(cat.id, g.code, g.name, i));
      for (const c of cat.criteria) {
        const criterionId = insertCriterion.run(cat.id, c.no, c.code, c.name, c.group).lastInsertRowid;
        c.indicators.forEach((ind, i) =>
          insertIndicator.run(criterionId, ind.code, ind.name, ind.unit, ind.kind, ind.threshold, ind.unconfirmed ? 1 : 0, i),
        );
      }
      added++;
    }
  })();
  return added;
}
