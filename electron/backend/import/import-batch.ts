// A batch of files: read each (with progress), stage them together against the document, and apply a
// staged batch as one transaction and one undo step, keeping each original workbook and its binding.
import type Database from 'better-sqlite3';
import type { StagedFile } from '../../../shared/api/import';
import type { Finding } from '../../../shared/api/validation';
import { translate } from '../../../shared/i18n';
import { AppError } from '../errors';
import { storedBinding } from '../forms/binding';
import { BatchContext, type BatchOptions } from './batch-context';
import './editable-tables';
import { loadFormDefinitions } from './form-definition';
import { rowId } from './row-id';
import { applyValidated } from './staged-findings';
import { readFile, sha256, stageFile, type FileSource, type ReadFile, type StagedForm } from './stage-file';

export type Progress = (done: number, total: number, file: string) => void;

export async function readFiles(inputs: readonly FileSource[], progress?: Progress): Promise<ReadFile[]> {
  const out: ReadFile[] = [];
  for (const [i, input] of inputs.entries()) {
    progress?.(i, inputs.length, input.name);
    out.push(await readFile(input));
  }
  progress?.(inputs.length, inputs.length, '');
  return out;
}

/** Stage every file against the document as it is now (nothing is written). */
export function stageFiles(db: Database.Database, reads: readonly ReadFile[], options: BatchOptions): { batch: BatchContext; staged: StagedForm[] } {
  const batch = new BatchContext(db, loadFormDefinitions(), options);
  return { batch, staged: reads.map((read) => stageFile(batch, read)) };
}

/** Staged results with, for each file, the findings of the rules the staged data would add to the document's. */
export function previewFiles(db: Database.Database, reads: readonly ReadFile[], options: BatchOptions): StagedFile[] {
  const { batch, staged } = stageFiles(db, reads, options);
  const { findings } = applyValidated(db, 'preview', [...batch.units.changes, ...batch.plans.changes], staged.map((s) => s.changes), false);
  return withFindings(staged, findings);
}

function withFindings(staged: StagedForm[], added: Finding[][]): StagedFile[] {
  return staged.map((s, i) => ({ ...s.file, findings: withoutRepeats([...s.file.findings, ...(added[i] ?? [])]) }));
}

/** A figure the form states wrongly is reported once, located at its cell, even when a document rule sees it too. */
function withoutRepeats(findings: Finding[]): Finding[] {
  const located = new Set(findings.flatMap((f) => (f.cell && f.target ? [rowId(f.target.table, f.target.key)] : [])));
  return findings.filter((f) => f.cell || !f.target || !located.has(rowId(f.target.table, f.target.key)));
}

/**
 * Stage the files again against the document as it is now and write everything in one transaction:
 * the changes as one undo step, and each understood workbook kept whole with its binding.
 */
export function applyFiles(db: Database.Database, reads: readonly ReadFile[], options: BatchOptions): { stepId: number; files: StagedFile[] } {
  return db.transaction(() => {
    const { batch, staged } = stageFiles(db, reads, options);
    const accepted = staged.filter((s) => s.record !== null);
    if (accepted.length === 0) throw new AppError('import.nothingToApply');
    // The undo history speaks the user's first language.
    const label = accepted.length === 1 ? translate('vi', 'import.label', { file: (accepted[0] as StagedForm).file.file }) : translate('vi', 'import.labelMany', { count: accepted.length });
    const { stepId, findings } = applyValidated(db, label, [...batch.units.changes, ...batch.plans.changes], staged.map((s) => s.changes), true);
    const now = new Date().toISOString();
    const exists = db.prepare('SELECT 1 FROM workbook WHERE sha256 = ? AND form = ? AND sheet = ? AND plan_id IS ?');
    const insert = db.prepare('INSERT INTO workbook (plan_id, form, sheet, file_name, sha256, bytes, binding, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    staged.forEach((s, i) => {
      const read = reads[i] as ReadFile;
      if (!s.record) return;
      const hash = sha256(read.input.bytes);
      if (exists.get(hash, s.record.form, s.record.sheet, s.record.planId)) return;
      insert.run(s.record.planId, s.record.form, s.record.sheet, read.input.name, hash, Buffer.from(read.input.bytes), storedBinding(s.record.binding), now);
    });
    return { stepId, files: withFindings(staged, findings) };
  })();
}
