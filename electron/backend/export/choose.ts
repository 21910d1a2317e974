// Naming a plan by its year and a commune by its name, as the command line does.
import type Database from 'better-sqlite3';
import type { Plan, Unit } from '../../../shared/model';
import { AppError } from '../errors';
import { listPlans } from '../repo/plans';
import { listUnits } from '../repo/units';

/**
 * The plan of `year` (of the latest year when none is given), or null when the document has none for it;
 * refused when several plans could be meant.
 */
export function planOfYear(db: Database.Database, year: number | null): Plan | null {
  const plans = listPlans(db);
  const wanted = year ?? plans[0]?.yearStart;
  const matching = plans.filter((p) => p.yearStart === wanted);
  // A district plan and the commune plans of the same year: the district's is the one that holds every commune.
  const districts = matching.filter((p) => p.level === 'district');
  const pool = districts.length > 0 ? districts : matching;
  if (pool.length > 1) throw new AppError('export.error.planAmbiguous', { count: pool.length, year: wanted ?? '' });
  return pool[0] ?? null;
}

/** The plan of `year` (of the latest year when none is given); refused when there is none or several. */
export function planForYear(db: Database.Database, year?: number): Plan {
  const plan = planOfYear(db, year ?? null);
  if (plan) return plan;
  throw year === undefined ? new AppError('export.error.noPlans') : new AppError('export.error.noPlan', { year });
}

const comparable = (name: string) =>
  name
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .replace(/^\s*xã\s+/u, '')
    .replace(/\s+/g, ' ')
    .trim();

/** A current commune by id or by name ("Bản Bo", "xã Bản Bo", "BẢN BO" are the same). */
export function communeNamed(db: Database.Database, text: string): Unit {
  const communes = listUnits(db, 'commune');
  const byId = /^\d+$/.test(text.trim()) ? communes.find((c) => c.id === Number(text)) : undefined;
  const found = byId ?? communes.find((c) => comparable(c.name) === comparable(text));
  if (!found) throw new AppError('export.error.unknownUnit', { unit: text });
  return found;
}
