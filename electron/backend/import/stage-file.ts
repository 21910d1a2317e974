// One file through the import pipeline: package checks, parsing in the worker, recognising the form,
// binding it to the document. A file that cannot be read or understood is rejected with its reason.
import crypto from 'node:crypto';
import type { StagedFile } from '../../../shared/api/import';
import type { Finding } from '../../../shared/api/validation';
import { translate } from '../../../shared/i18n';
import { AppError } from '../errors';
import { toA1 } from '../export/a1';
import type { Edit } from '../edits/apply';
import type { StagedBinding } from '../forms/binding';
import { checkFormulaCells } from '../formulas/check';
import type { SheetCells } from '../formulas/evaluate';
import type { BatchContext } from './batch-context';
import { bindCriteriaMatrix, type BoundForm } from './bind-criteria-matrix';
import { bindContentByUnit } from './bind-content-by-unit';
import { bindIndicatorMatrix } from './bind-indicator-matrix';
import { bindProjectList } from './bind-project-list';
import { bindSourceTree } from './bind-source-tree';
import { bindUnitTargets } from './bind-unit-targets';
import { bindVillageTargets } from './bind-village-targets';
import { IMPORT_LIMITS } from './limits';
import { checkPackage, type PackageInfo } from './package-check';
import { parseWorkbook } from './parser';
import { recognise } from './recognise';
import { StageBuilder } from './stage-builder';
import type { ParsedSheet, ParsedWorkbook } from './workbook-model';
import { legacyEncodingOfFont } from '../../../shared/legacy/fonts';

export interface FileInput {
  name: string;
  bytes: Uint8Array;
}

/** A file not read yet: its size is checked before its bytes are loaded. */
export interface FileSource {
  name: string;
  size: number;
  read(): Uint8Array;
}

/** A file read (or refused) once; staging it again against the document is cheap. */
export type ReadFile = { input: FileInput; ok: true; pkg: PackageInfo; workbook: ParsedWorkbook } | { input: FileInput; ok: false; error: AppError };

export interface StagedForm {
  file: StagedFile;
  changes: Edit[];
  /** What to keep in table `workbook`; null for a rejected file. */
  record: { planId: number | null; form: string; sheet: string; binding: StagedBinding } | null;
}

export async function readFile(source: FileSource): Promise<ReadFile> {
  let input: FileInput = { name: source.name, bytes: new Uint8Array(0) };
  try {
    if (source.size > IMPORT_LIMITS.maxFileBytes) throw new AppError('import.tooLarge', { mb: Math.round(IMPORT_LIMITS.maxFileBytes / 1024 / 1024) });
    input = { name: source.name, bytes: source.read() };
    const pkg = checkPackage(input.bytes);
    const workbook = await parseWorkbook(input.bytes, pkg.format, pkg.defaultFont);
    return { input, ok: true, pkg, workbook };
  } catch (error) {
    if (error instanceof AppError) return { input, ok: false, error };
    throw error;
  }
}

export function stageFile(batch: BatchContext, read: ReadFile): StagedForm {
  if (!read.ok) return rejected(read.input.name, read.error);
  const unitsBefore = batch.units.changes.length;
  try {
    const found = recognise(read.workbook, batch.forms);
    if (!found) throw new AppError('import.unknownForm');
    const out = new StageBuilder(batch.db, found.grid, found.form.name, batch.newRows, batch.keyedRows);
    const bound = bindForm(batch, found, out);
    const newUnits = batch.units.changes.slice(unitsBefore).map((c) => (c.op === 'insert' ? String(c.row.name) : ''));
    const sheet = found.grid.sheet;
    const binding: StagedBinding = {
      form: found.form.id,
      sheet: sheet.name,
      sheetPart: read.pkg.sheetParts[sheet.name] ?? '',
      year: bound.year,
      planId: bound.planId,
      cells: out.cells,
      formulaCells: found.grid.formulaCells().map((c) => toA1(c.row, c.col)),
      encoding: encodingOf(read.workbook),
    };
    return {
      file: {
        file: read.input.name,
        status: 'staged',
        form: found.form.id,
        formName: found.form.name,
        sheet: sheet.name,
        year: bound.year,
        counts: { units: out.units.size, rows: out.rows, values: out.values },
        newUnits,
        encoding: binding.encoding,
        diff: out.diff,
        diffCounts: out.counts,
        problems: out.problems,
        findings: withFormulaFindings(out.findings, checkFormulaCells([formulaSheet(sheet)])),
        error: null,
      },
      changes: out.edits(),
      record: { planId: bound.planId, form: found.form.id, sheet: sheet.name, binding },
    };
  } catch (error) {
    if (error instanceof AppError) return rejected(read.input.name, error);
    throw error;
  }
}

function bindForm(batch: BatchContext, found: NonNullable<ReturnType<typeof recognise>>, out: StageBuilder): BoundForm {
  const form = found.form;
  if (form.layout === 'criteria-matrix') return bindCriteriaMatrix(batch, found, form, out);
  if (form.layout === 'source-tree') return bindSourceTree(batch, found, form, out);
  if (form.layout === 'indicator-matrix') return bindIndicatorMatrix(batch, found, form, out);
  if (form.layout === 'content-by-unit') return bindContentByUnit(batch, found, form, out);
  if (form.layout === 'unit-targets') return bindUnitTargets(batch, found, form, out);
  if (form.layout === 'village-targets') return bindVillageTargets(batch, found, form, out);
  return bindProjectList(batch, found, form, out);
}

function rejected(file: string, error: AppError): StagedForm {
  return {
    file: {
      file,
      status: 'rejected',
      form: null,
      formName: null,
      sheet: null,
      year: null,
      counts: { units: 0, rows: 0, values: 0 },
      newUnits: [],
      encoding: 'unicode',
      diff: [],
      diffCounts: { create: 0, change: 0, remove: 0, same: 0 },
      problems: [],
      findings: [],
      error: { code: error.code, message: error.message, messageEn: translate('en', error.code, error.params) },
    },
    changes: [],
    record: null,
  };
}

/** A formula cell whose cached value is wrong is reported once, by the formula check. */
function withFormulaFindings(derived: Finding[], formulas: Finding[]): Finding[] {
  const cells = new Set(formulas.map((f) => f.cell));
  return [...derived.filter((f) => !cells.has(f.cell)), ...formulas];
}

/** The form's sheet as the formula engine reads it; a formula without a cached result is not compared. */
function formulaSheet(sheet: ParsedSheet): SheetCells {
  return { name: sheet.name, cells: sheet.cells.map((c) => (c.formula !== undefined && c.value === null ? { row: c.row, col: c.col, formula: c.formula } : c)) };
}

/** Legacy Vietnamese encodings show in the fonts text is drawn in (.VnTime: TCVN3; VNI-Times: VNI). */
function encodingOf(workbook: ParsedWorkbook): StagedBinding['encoding'] {
  const found = new Set<string>();
  // A form draws its 90,000 cells in a handful of fonts: each is looked at once.
  const byFont = new Map<string | undefined, ReturnType<typeof legacyEncodingOfFont>>();
  for (const sheet of workbook.sheets) {
    for (const cell of sheet.cells) {
      if (typeof cell.value !== 'string') continue;
      let encoding = byFont.get(cell.font);
      if (encoding === undefined) byFont.set(cell.font, (encoding = legacyEncodingOfFont(cell.font)));
      // ASCII-only text reads the same in every font; only letters that were decoded tell the encoding.
      if (encoding && !found.has(encoding) && /[^\x20-\x7e]/.test(cell.value)) found.add(encoding);
    }
  }
  if (found.size === 0) return 'unicode';
  return found.size > 1 ? 'mixed' : (found.values().next().value as 'tcvn3' | 'vni');
}

export function sha256(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}
