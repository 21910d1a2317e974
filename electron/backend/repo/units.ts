import type Database from 'better-sqlite3';
import type { Unit, UnitKind } from '../../../shared/model';
import { AppError } from '../errors';

interface UnitRow {
  id: number;
  kind: UnitKind;
  name: string;
  parent_id: number | null;
  code: string | null;
  merged_into_id: number | null;
  ord: number;
}

const toUnit = (r: UnitRow): Unit => ({ id: r.id, kind: r.kind, name: r.name, parentId: r.parent_id, code: r.code, mergedIntoId: r.merged_into_id, ord: r.ord });

const ALLOWED_PARENTS: Record<UnitKind, (UnitKind | null)[]> = {
  province: [null],
  district: ['province', null],
  commune: ['district', 'province', null],
  village: ['commune'],
};

export function listUnits(db: Database.Database, kind?: UnitKind, includeMerged = false): Unit[] {
  const rows = db
    .prepare(
      `SELECT * FROM unit WHERE (@kind IS NULL OR kind = @kind) AND (@merged = 1 OR merged_into_id IS NULL)
       ORDER BY CASE kind WHEN 'province' THEN 0 WHEN 'district' THEN 1 WHEN 'commune' THEN 2 ELSE 3 END, ord, id`,
    )
    .all({ kind: kind ?? null, merged: includeMerged ? 1 : 0 }) as UnitRow[];
  return rows.map(toUnit);
}

export function getUnit(db: Database.Database, id: number): Unit {
  const row = db.prepare('SELECT * FROM unit WHERE id = ?').get(id) as UnitRow | undefined;
  if (!row) throw new AppError('error.notFound', { what: `đơn vị #${id}` });
  return toUnit(row);
}

export function createUnit(db: Database.Database, input: { kind: UnitKind; name: string; parentId: number | null; code: string | null }): Unit {
  const name = input.name.normalize('NFC').trim();
  if (!name) throw new AppError('error.nameRequired');
  const parentKind = input.parentId === null ? null : getUnit(db, input.parentId).kind;
  if (!ALLOWED_PARENTS[input.kind].includes(parentKind)) throw new AppError('error.badParent', { kind: input.kind });
  const { next } = db.prepare('SELECT coalesce(max(ord), 0) + 1 AS next FROM unit WHERE kind = ?').get(input.kind) as { next: number };
  const id = db
    .prepare('INSERT INTO unit (kind, name, parent_id, code, ord) VALUES (?, ?, ?, ?, ?)')
    .run(input.kind, name, input.parentId, input.code, next).lastInsertRowid;
  return getUnit(db, Number(id));
}

export function renameUnit(db: Database.Database, id: number, name: string): Unit {
  const clean = name.normalize('NFC').trim();
  if (!clean) throw new AppError('error.nameRequired');
  getUnit(db, id);
  db.prepare('UPDATE unit SET name = ? WHERE id = ?').run(clean, id);
  return getUnit(db, id);
}

/** Tables whose rows name a unit, with how the user calls them. */
const DEPENDENTS: { table: string; column: string; what: string }[] = [
  { table: 'criterion_mark', column: 'unit_id', what: 'đánh giá tiêu chí' },
  { table: 'unit_status', column: 'unit_id', what: 'tình trạng đạt chuẩn' },
  { table: 'indicator_value', column: 'unit_id', what: 'chỉ tiêu' },
  { table: 'allocation', column: 'unit_id', what: 'phân bổ vốn' },
  { table: 'project', column: 'unit_id', what: 'công trình' },
  { table: 'recurrent_amount', column: 'unit_id', what: 'vốn sự nghiệp' },
  { table: 'target_indicator', column: 'unit_id', what: 'chỉ tiêu mục tiêu' },
  { table: 'recognition_target', column: 'unit_id', what: 'mục tiêu công nhận' },
  { table: 'model_site', column: 'unit_id', what: 'mô hình điển hình' },
  { table: 'plan', column: 'unit_id', what: 'kế hoạch' },
  { table: 'unit', column: 'merged_into_id', what: 'xã đã sáp nhập' },
];

/** Delete a unit only when nothing depends on it; the user is told what does. */
export function deleteUnit(db: Database.Database, id: number): void {
  const unit = getUnit(db, id);
  const children = (db.prepare('SELECT count(*) AS n FROM unit WHERE parent_id = ?').get(id) as { n: number }).n;
  if (children > 0) throw new AppError('error.unitHasChildren', { name: unit.name, count: children });
  for (const dep of DEPENDENTS) {
    const n = (db.prepare(`SELECT count(*) AS n FROM ${dep.table} WHERE ${dep.column} = ?`).get(id) as { n: number }).n;
    if (n > 0) throw new AppError('error.unitHasData', { name: unit.name, count: n, what: dep.what });
  }
  db.prepare('DELETE FROM unit WHERE id = ?').run(id);
}

/**
 * The 2025 reorganisation: several communes become one new commune. The old communes stay in the
 * document with their history, marked as merged into the new one; their villages move to it.
 */
export function mergeCommunes(db: Database.Database, ids: number[], name: string): Unit {
  const unique = [...new Set(ids)];
  if (unique.length < 2) throw new AppError('error.mergeNeedsTwo');
  const olds = unique.map((id) => getUnit(db, id));
  if (olds.some((u) => u.kind !== 'commune' || u.mergedIntoId !== null)) throw new AppError('error.mergeKind');
  const merged = createUnit(db, { kind: 'commune', name, parentId: olds[0]?.parentId ?? null, code: null });
  const ord = Math.min(...olds.map((u) => u.ord));
  db.prepare('UPDATE unit SET ord = ? WHERE id = ?').run(ord, merged.id);
  const markMerged = db.prepare('UPDATE unit SET merged_into_id = ? WHERE id = ?');
  const moveVillages = db.prepare("UPDATE unit SET parent_id = ? WHERE parent_id = ? AND kind = 'village'");
  for (const old of olds) {
    markMerged.run(merged.id, old.id);
    moveVillages.run(merged.id, old.id);
  }
  return getUnit(db, merged.id);
}

/** The units a commune stands for, recursively through earlier merges. */
export function mergeHistory(db: Database.Database, id: number): Unit[] {
  const rows = db
    .prepare(
      `WITH RECURSIVE past(id) AS (SELECT id FROM unit WHERE merged_into_id = ?
         UNION SELECT u.id FROM unit u JOIN past p ON u.merged_into_id = p.id)
       SELECT unit.* FROM unit JOIN past USING (id) ORDER BY ord, id`,
    )
    .all(id) as UnitRow[];
  return rows.map(toUnit);
}
