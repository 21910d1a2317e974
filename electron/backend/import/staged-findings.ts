// The findings the staged data would produce: the batch is applied inside a savepoint, the document is
// validated, and the savepoint is rolled back. Findings the document already had are left out; each new
// one goes to the file whose changes touch its row.
import type Database from 'better-sqlite3';
import type { Change } from '../../../shared/api/edits';
import type { Finding } from '../../../shared/api/validation';
import { applyChanges } from '../edits/apply';
import { validateDocument } from '../validation/validate';

const findingId = (f: Finding) => `${f.rule}|${JSON.stringify(f.target ?? null)}|${f.message}`;
const rowId = (table: string, key: readonly (string | number)[]) => `${table}|${JSON.stringify(key)}`;

/** New findings per file (same order as `perFile`), given the batch's shared changes and each file's own. */
export function stagedFindings(db: Database.Database, shared: Change[], perFile: Change[][]): Finding[][] {
  const all = [...shared, ...perFile.flat()];
  const out = perFile.map((): Finding[] => []);
  if (all.length === 0) return out;
  const before = new Set(validateDocument(db).map(findingId));
  const after = withinRolledBack(db, () => {
    applyChanges(db, 'preview', all);
    return validateDocument(db).filter((f) => !before.has(findingId(f)));
  });
  const owners = new Map<string, number>();
  perFile.forEach((changes, i) => {
    for (const c of changes) if (c.op !== 'insert') owners.set(rowId(c.table, c.key), i);
  });
  for (const finding of after) {
    const owner = finding.target ? owners.get(rowId(finding.target.table, finding.target.key)) : undefined;
    out[owner ?? perFile.findIndex((c) => c.length > 0)]?.push(finding);
  }
  return out;
}

function withinRolledBack<T>(db: Database.Database, fn: () => T): T {
  db.exec('SAVEPOINT import_preview');
  try {
    return fn();
  } finally {
    db.exec('ROLLBACK TO import_preview');
    db.exec('RELEASE import_preview');
  }
}
