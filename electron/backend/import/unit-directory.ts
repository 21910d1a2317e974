// Communes by name, as offices write them: "Xã Bản Bo", "  bản bo", decomposed Unicode — all one commune.
// Unknown names are problems with the closest known names suggested, or new communes when allowed.
import type Database from 'better-sqlite3';
import type { Change } from '../../../shared/api/edits';
import { fold } from './text-match';

const PREFIX = /^(xã|thị trấn|phường)\s+/u;

/** The comparable form of a commune name: NFC, trimmed, single spaces, lower case, without "Xã", "Thị trấn", "Phường". */
export function unitKey(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('vi').replace(PREFIX, '').trim();
}

/** The name a new commune gets: as written, without the "Xã" prefix. */
function newUnitName(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, ' ').trim().replace(/^xã\s+/iu, '');
}

export type UnitLookup = { id: number; created: boolean } | { id: null; suggestions: string[] };

/** Known communes plus those this import creates; shared by every file of a batch so a name is created once. */
export class UnitDirectory {
  private readonly byKey = new Map<string, { id: number; name: string }>();
  private readonly createdIds = new Set<number>();
  private nextId: number;
  private nextOrd: number;
  readonly changes: Change[] = [];
  /** The document had no communes when the batch started: the forms' communes are created. */
  readonly startedEmpty: boolean;

  constructor(db: Database.Database, private readonly allowCreate: boolean) {
    const communes = db.prepare("SELECT id, name FROM unit WHERE kind = 'commune' AND merged_into_id IS NULL ORDER BY ord, id").all() as { id: number; name: string }[];
    for (const c of communes) if (!this.byKey.has(unitKey(c.name))) this.byKey.set(unitKey(c.name), c);
    this.startedEmpty = communes.length === 0;
    const max = db.prepare("SELECT coalesce(max(id), 0) AS id, coalesce(max(CASE WHEN kind = 'commune' THEN ord END), 0) AS ord FROM unit").get() as { id: number; ord: number };
    this.nextId = max.id + 1;
    this.nextOrd = max.ord + 1;
  }

  get createsUnits(): boolean {
    return this.allowCreate || this.startedEmpty;
  }

  find(name: string): UnitLookup {
    const known = this.byKey.get(unitKey(name));
    if (known) return { id: known.id, created: this.createdIds.has(known.id) };
    if (this.createsUnits && unitKey(name) !== '') return { id: this.create(name), created: true };
    return { id: null, suggestions: this.suggest(name) };
  }

  private create(name: string): number {
    const id = this.nextId++;
    const clean = newUnitName(name);
    this.byKey.set(unitKey(name), { id, name: clean });
    this.createdIds.add(id);
    this.changes.push({ op: 'insert', table: 'unit', row: { id, kind: 'commune', name: clean, parent_id: null, code: null, ord: this.nextOrd++ } });
    return id;
  }

  /** Up to three known names closest to `name` (edit distance without diacritics). */
  private suggest(name: string): string[] {
    const target = fold(unitKey(name));
    return [...this.byKey.values()]
      .map((u) => ({ name: u.name, distance: editDistance(target, fold(unitKey(u.name))) }))
      .filter((c) => c.distance <= Math.max(2, Math.floor(target.length / 3)))
      .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name, 'vi'))
      .slice(0, 3)
      .map((c) => c.name);
  }
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] as number;
}
