// Communes by name, as offices write them: "Xã Bản Bo", "  bản bo", decomposed Unicode — all one commune;
// villages by name within their commune ("Thôn Nà Cà" is "Nà Cà"). Unknown names are problems with the
// closest known names suggested, or new units when allowed.
import type Database from 'better-sqlite3';
import type { Change } from '../../../shared/api/edits';
import { fold } from './text-match';

const PREFIX = /^(xã|thị trấn|phường)\s+/u;

const unitKeys = new Map<string, string>();

/** The comparable form of a commune name: NFC, trimmed, single spaces, lower case, without "Xã", "Thị trấn", "Phường". */
export function unitKey(name: string): string {
  let key = unitKeys.get(name);
  if (key === undefined) {
    key = name.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('vi').replace(PREFIX, '').trim();
    if (unitKeys.size >= 50_000) unitKeys.clear();
    unitKeys.set(name, key);
  }
  return key;
}

/** A village name compared within its commune: like a commune's, without "Thôn", "Tổ dân phố", "Xóm", "Ấp" ("Bản" is part of names). */
export function villageKey(name: string): string {
  return unitKey(name).replace(/^(thôn|tổ dân phố|xóm|ấp)\s+/u, '').trim();
}

/** The name a new unit gets: as written, without the "Xã" or "Thôn" prefix. */
function newUnitName(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, ' ').trim().replace(/^(xã|thôn)\s+/iu, '');
}

export type UnitLookup = { id: number; created: boolean } | { id: null; suggestions: string[] };

/** Known communes plus those this import creates; shared by every file of a batch so a name is created once. */
export class UnitDirectory {
  private readonly byKey = new Map<string, { id: number; name: string }>();
  private readonly createdIds = new Set<number>();
  private nextId: number;
  private nextOrd: number;
  private nextVillageOrd: number;
  private nextDistrictOrd: number;
  /** Districts by name without "Huyện"; loaded on first use. */
  private districts: Map<string, number> | null = null;
  /** Villages by commune id, then by villageKey; loaded on first use. */
  private villages: Map<number, Map<string, { id: number; name: string }>> | null = null;
  readonly changes: Change[] = [];
  /** The document had no communes when the batch started: the forms' communes are created. */
  readonly startedEmpty: boolean;

  constructor(
    private readonly db: Database.Database,
    private readonly allowCreate: boolean,
  ) {
    const communes = db.prepare("SELECT id, name FROM unit WHERE kind = 'commune' AND merged_into_id IS NULL ORDER BY ord, id").all() as { id: number; name: string }[];
    for (const c of communes) if (!this.byKey.has(unitKey(c.name))) this.byKey.set(unitKey(c.name), c);
    this.startedEmpty = communes.length === 0;
    const max = db
      .prepare(
        `SELECT coalesce(max(id), 0) AS id, coalesce(max(CASE WHEN kind = 'commune' THEN ord END), 0) AS ord,
           coalesce(max(CASE WHEN kind = 'village' THEN ord END), 0) AS village, coalesce(max(CASE WHEN kind = 'district' THEN ord END), 0) AS district FROM unit`,
      )
      .get() as { id: number; ord: number; village: number; district: number };
    this.nextId = max.id + 1;
    this.nextOrd = max.ord + 1;
    this.nextVillageOrd = max.village + 1;
    this.nextDistrictOrd = max.district + 1;
  }

  get createsUnits(): boolean {
    return this.allowCreate || this.startedEmpty;
  }

  /** A commune by name; a new one is placed under `districtId` (the district section the form lists it in). */
  find(name: string, districtId: number | null = null): UnitLookup {
    const known = this.byKey.get(unitKey(name));
    if (known) return { id: known.id, created: this.createdIds.has(known.id) };
    if (this.createsUnits && unitKey(name) !== '') return { id: this.create(name, districtId), created: true };
    return { id: null, suggestions: this.suggest(name) };
  }

  /**
   * The district a section row names ("I | Huyện Bình Đại", "1. THÀNH PHỐ BẾN TRE (6 xã)"), found or, when
   * communes are being created, created with them; null otherwise.
   */
  district(label: string): number | null {
    const name = label.replace(/\([^)]*\)\s*$/u, '').replace(/^\s*(?:[IVXLC]+|\d+)[.)]?\s+/u, '').trim();
    const key = unitKey(name).replace(/^huyện\s+/u, '');
    if (key === '') return null;
    this.districts ??= new Map(
      (this.db.prepare("SELECT id, name FROM unit WHERE kind = 'district' AND merged_into_id IS NULL").all() as { id: number; name: string }[]).map((d) => [
        unitKey(d.name).replace(/^huyện\s+/u, ''),
        d.id,
      ]),
    );
    const known = this.districts.get(key);
    if (known !== undefined || !this.createsUnits) return known ?? null;
    const id = this.nextId++;
    this.districts.set(key, id);
    this.createdIds.add(id);
    this.changes.push({ op: 'insert', table: 'unit', row: { id, kind: 'district', name: name.replace(/^huyện\s+/iu, ''), parent_id: null, code: null, ord: this.nextDistrictOrd++ } });
    return id;
  }

  /** A village of a commune; created when allowed, when the commune has no villages yet, or when the commune is new. */
  findVillage(communeId: number, name: string): UnitLookup {
    const villages = this.villagesOf(communeId);
    const key = villageKey(name);
    const known = villages.get(key);
    if (known) return { id: known.id, created: this.createdIds.has(known.id) };
    const createsHere = this.createsUnits || this.createdIds.has(communeId) || [...villages.values()].every((v) => this.createdIds.has(v.id));
    if (!createsHere || key === '') return { id: null, suggestions: closest(key, [...villages.values()].map((v) => ({ name: v.name, key: villageKey(v.name) }))) };
    const id = this.nextId++;
    const clean = newUnitName(name);
    villages.set(key, { id, name: clean });
    this.createdIds.add(id);
    this.changes.push({ op: 'insert', table: 'unit', row: { id, kind: 'village', name: clean, parent_id: communeId, code: null, ord: this.nextVillageOrd++ } });
    return { id, created: true };
  }

  private villagesOf(communeId: number): Map<string, { id: number; name: string }> {
    if (!this.villages) {
      this.villages = new Map();
      const rows = this.db.prepare("SELECT id, name, parent_id FROM unit WHERE kind = 'village' AND merged_into_id IS NULL ORDER BY ord, id").all() as { id: number; name: string; parent_id: number }[];
      for (const v of rows) {
        const map = this.villages.get(v.parent_id) ?? new Map<string, { id: number; name: string }>();
        if (!map.has(villageKey(v.name))) map.set(villageKey(v.name), { id: v.id, name: v.name });
        this.villages.set(v.parent_id, map);
      }
    }
    let map = this.villages.get(communeId);
    if (!map) this.villages.set(communeId, (map = new Map()));
    return map;
  }

  private create(name: string, districtId: number | null): number {
    const id = this.nextId++;
    const clean = newUnitName(name);
    this.byKey.set(unitKey(name), { id, name: clean });
    this.createdIds.add(id);
    this.changes.push({ op: 'insert', table: 'unit', row: { id, kind: 'commune', name: clean, parent_id: districtId, code: null, ord: this.nextOrd++ } });
    return id;
  }

  private suggest(name: string): string[] {
    return closest(unitKey(name), [...this.byKey.values()].map((u) => ({ name: u.name, key: unitKey(u.name) })));
  }
}

/** Up to three names closest to a key (edit distance without diacritics). */
function closest(key: string, candidates: { name: string; key: string }[]): string[] {
  const target = fold(key);
  return candidates
    .map((c) => ({ name: c.name, distance: editDistance(target, fold(c.key)) }))
    .filter((c) => c.distance <= Math.max(2, Math.floor(target.length / 3)))
    .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name, 'vi'))
    .slice(0, 3)
    .map((c) => c.name);
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
