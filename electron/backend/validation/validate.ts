// Full validation of a document (on open, save, import, export, and from the CLI): every plan, or one.
import type Database from 'better-sqlite3';
import type { Finding } from '../../../shared/api/validation';
import { Validator } from '../../../shared/rules/engine';
import { RULES } from '../../../shared/rules/rules';
import { getPlan, listPlans } from '../repo/plans';
import { loadRuleTables, planScope } from './load';

export interface ValidateOptions {
  planId?: number;
}

export function validateDocument(db: Database.Database, options: ValidateOptions = {}): Finding[] {
  const plans = options.planId !== undefined ? [getPlan(db, options.planId)] : [...listPlans(db)].sort((a, b) => a.id - b.id);
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const plan of plans) {
    const scope = planScope(plan);
    for (const finding of new Validator(RULES, scope, loadRuleTables(db, scope)).runAll()) {
      // Two plans over the same years see the same matrix: say each thing once.
      const id = `${finding.rule}|${JSON.stringify(finding.target ?? null)}|${finding.message}`;
      if (seen.has(id)) continue;
      seen.add(id);
      findings.push(finding);
    }
  }
  return findings;
}
