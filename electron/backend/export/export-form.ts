// One form of one plan to an .xlsx: into the province's own workbook when it was imported, otherwise from
// the built-in layout (or whichever the caller asks for).
import type Database from 'better-sqlite3';
import type { Plan, Unit } from '../../../shared/model';
import { AppError } from '../errors';
import { getPlan } from '../repo/plans';
import { getUnit, listUnits } from '../repo/units';
import { exportIntoOriginal } from './into-original';
import { BUILT_IN_LAYOUTS } from './layouts';
import type { Issuer } from './layouts/frame';
import { planOfYear } from './choose';
import { findStoredWorkbook, type StoredWorkbook } from './stored-workbooks';
import { unboundRows } from './unbound';

export type LayoutChoice = 'auto' | 'original' | 'builtin';

export interface ExportRequest {
  form: string;
  /** The plan; when absent, the plan of `year` (or the province's workbook of that year when there is no plan). */
  planId?: number | null;
  year?: number | null;
  /** Produce the form for this one commune (built-in layouts that allow it). */
  unitId?: number | null;
  layout?: LayoutChoice;
}

export interface ExportedForm {
  bytes: Uint8Array;
  fileName: string;
  source: 'original' | 'builtin';
  /** The province's file written into, how many of its cells changed, and how many figures it has no cell for. */
  original: { fileName: string; changedCells: number; notInForm: number } | null;
  /** The plan the form was produced for, when there is one. */
  planId: number | null;
}

export function exportableForms(): string[] {
  return Object.keys(BUILT_IN_LAYOUTS);
}

export async function exportForm(db: Database.Database, request: ExportRequest): Promise<ExportedForm> {
  const plan = request.planId ? getPlan(db, request.planId) : planOfYear(db, request.year ?? null);
  const unit = request.unitId ? communeOf(db, request.unitId) : null;
  const layout = request.layout ?? 'auto';
  const builtIn = BUILT_IN_LAYOUTS[request.form];
  // A district's own workbook lists every commune; a commune's copy always comes from the built-in layout.
  const scope = plan ? { planId: plan.id, from: plan.yearStart, to: plan.yearEnd } : { planId: null, from: request.year ?? null, to: request.year ?? null };
  const found = unit || layout === 'builtin' ? null : findStoredWorkbook(db, request.form, scope);
  if (found && isZip(found.bytes)) return intoOriginal(db, found, plan);
  // Only an .xlsx package can be written back into; an old .xls original falls back to the built-in layout.
  if (found && (layout === 'original' || !builtIn)) throw new AppError('export.error.originalNotXlsx', { file: found.fileName });
  if (layout === 'original') throw new AppError('export.error.noOriginal', { form: request.form });
  if (!builtIn) {
    const known = exportableForms().join(', ');
    throw new AppError(isImportedForm(db, request.form) ? 'export.error.noLayout' : 'export.error.unknownForm', { form: request.form, forms: known });
  }
  if (unit && !builtIn.perCommune) throw new AppError('export.error.notPerCommune', { form: request.form });
  if (!plan) throw request.year ? new AppError('export.error.noPlan', { year: request.year }) : new AppError('export.error.noPlans');
  const communes = unit ? [unit] : planCommunes(db, plan);
  const bytes = await builtIn.build(db, issuerOf(db, plan), { communes, unitId: unit?.id ?? null });
  return { bytes, fileName: fileNameFor(request.form, plan, unit), source: 'builtin', original: null, planId: plan.id };
}

function intoOriginal(db: Database.Database, stored: StoredWorkbook, plan: Plan | null): ExportedForm {
  const out = exportIntoOriginal(db, stored.bytes, stored.binding);
  const notInForm = unboundRows(db, stored.binding).reduce((n, u) => n + u.rows, 0);
  const original = { fileName: stored.fileName, changedCells: out.changedCells.length, notInForm };
  return { bytes: out.bytes, fileName: stored.fileName, source: 'original', original, planId: plan?.id ?? stored.planId };
}

/** The communes a plan covers: its own commune, or every current commune for a district plan. */
export function planCommunes(db: Database.Database, plan: Plan): Unit[] {
  if (plan.level === 'commune' && plan.unitId !== null) return [getUnit(db, plan.unitId)];
  const communes = listUnits(db, 'commune');
  const own = plan.unitId === null ? [] : communes.filter((c) => c.parentId === plan.unitId);
  return own.length > 0 ? own : communes;
}

function communeOf(db: Database.Database, unitId: number): Unit {
  const unit = getUnit(db, unitId);
  if (unit.kind !== 'commune') throw new AppError('export.error.unknownUnit', { unit: unit.name });
  return unit;
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b;
}

function isImportedForm(db: Database.Database, form: string): boolean {
  return db.prepare('SELECT 1 FROM workbook WHERE form = ? LIMIT 1').get(form) !== undefined;
}

const KIND_WORD: Record<Unit['kind'], string> = { province: 'tỉnh', district: 'huyện', commune: 'xã', village: 'thôn' };

function issuerOf(db: Database.Database, plan: Plan): Issuer {
  const unit = plan.unitId === null ? null : getUnit(db, plan.unitId);
  return { plan, place: unit?.name ?? '..........', unitPhrase: unit ? `${KIND_WORD[unit.kind]} ${unit.name}` : '..........' };
}

/** "Bieu01_2025.xlsx", or "Bieu01_2025_Ban-Bo.xlsx" for one commune (ASCII, safe on every file system). */
export function fileNameFor(form: string, plan: Plan, unit: Unit | null): string {
  const base = `${form.charAt(0).toUpperCase()}${form.slice(1)}_${plan.yearStart}`;
  return unit ? `${base}_${asciiSlug(unit.name)}.xlsx` : `${base}.xlsx`;
}

function asciiSlug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
