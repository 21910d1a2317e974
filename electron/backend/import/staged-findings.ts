// The findings a batch adds to the document: its changes are applied (one undo step) and the document is
// validated before and after. A preview does this inside a savepoint it rolls back; the real import keeps
// it. Findings the document already had are left out; each new one goes to the file whose changes touch
// its row.
import type Database from 'better-sqlite3';
import type { Finding } from '../../../shared/api/validation';
import { applyChanges, type Edit } from '../edits/apply';
import { validateDocument } from '../validation/validate';
import { rowId } from './row-id';

const findingId = (f: Finding) => `${f.rule}|${JSON.stringify(f.target ?? null)}|${f.message}`;

export interface ValidatedApply {
  stepId: number;
  /** New findings per file, in the order of `perFile`. */
  findings: Finding[][];
}

/** Apply the batch's shared changes and each file's own as one step, and say what the rules now find. */
export function applyValidated(db: Database.Database, label: string, shared: Edit[], perFile: Edit[][], keep: boolean): ValidatedApply {
  const all = [...shared, ...perFile.flat()];
  const findings = perFile.map((): Finding[] => []);
  if (all.length === 0) return { stepId: 0, findings };
  const before = new Set(validateDocument(db).map(findingId));
  const run = () => {
    const { stepId } = applyChanges(db, label, all);
    return { stepId, added: validateDocument(db).filter((f) => !before.has(findingId(f))) };
  };
  const { stepId, added } = keep ? run() : withinRolledBack(db, run);
  const owners = new Map<string, number>();
  perFile.forEach((changes, i) => {
    for (const c of changes) if (c.op === 'set' || c.op === 'delete') owners.set(rowId(c.table, c.key), i);
  });
  for (const finding of added) {
    const owner = finding.target ? owners.get(rowId(finding.target.table, finding.target.key)) : undefined;
    findings[owner ?? perFile.findIndex((c) => c.length > 0)]?.push(finding);
  }
  return { stepId: keep ? stepId : 0, findings };
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
