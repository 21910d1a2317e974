// The document-wide capital-source tree: the default that matches the forms (Biểu 04 numbering I, II,
// III; 1, 2), reading it, and removing a source only when nothing uses it.
import type Database from 'better-sqlite3';
import type { Change } from '../../../shared/api/edits';
import type { CapitalSource } from '../../../shared/api/funding';
import type { SourceRole } from '../../../shared/domain/funding';
import { applyChanges } from '../edits/apply';
import { AppError } from '../errors';

interface DefaultSource {
  code: string;
  label: string;
  role: SourceRole;
  children?: DefaultSource[];
}

/** Labels as the provincial Biểu 04 writes them; `role` is how the rest of the program finds a source. */
export const DEFAULT_SOURCES: DefaultSource = {
  code: '',
  label: 'Tổng nguồn lực',
  role: 'total',
  children: [
    {
      code: 'I',
      label: 'Vốn ngân sách Trung ương trực tiếp đầu tư',
      role: 'central',
      children: [
        { code: '1', label: 'Vốn đầu tư phát triển', role: 'central_investment' },
        { code: '2', label: 'Vốn sự nghiệp', role: 'central_recurrent' },
      ],
    },
    {
      code: 'II',
      label: 'Vốn ngân sách địa phương',
      role: 'local',
      children: [
        { code: '1', label: 'Ngân sách tỉnh', role: 'local_province' },
        { code: '2', label: 'Ngân sách huyện', role: 'local_district' },
        { code: '3', label: 'Ngân sách xã', role: 'local_commune' },
      ],
    },
    {
      code: 'III',
      label: 'Vốn lồng ghép',
      role: 'integrated',
      children: [
        { code: '1', label: 'Vốn Chương trình MTQG giảm nghèo bền vững', role: 'integrated_poverty' },
        { code: '2', label: 'Vốn Chương trình MTQG phát triển KT-XH vùng đồng bào DTTS và miền núi', role: 'integrated_ethnic' },
        { code: '3', label: 'Vốn lồng ghép các chương trình, dự án khác', role: 'integrated_other' },
      ],
    },
    {
      code: 'IV',
      label: 'Cộng đồng dân cư tham gia đóng góp',
      role: 'community',
      children: [
        { code: '1', label: 'Tiền mặt', role: 'community_cash' },
        { code: '2', label: 'Ngày công, hiện vật (quy đổi)', role: 'community_inkind' },
      ],
    },
    { code: 'V', label: 'Vốn tín dụng chính sách', role: 'credit' },
    { code: 'VI', label: 'Doanh nghiệp, hợp tác xã', role: 'enterprise' },
  ],
};

/** Put the default tree into a document that has no capital sources; returns how many were added. */
export function seedCapitalSources(db: Database.Database): number {
  const { n } = db.prepare('SELECT count(*) AS n FROM capital_source').get() as { n: number };
  if (n > 0) return 0;
  const insert = db.prepare('INSERT INTO capital_source (parent_id, code, label, role, ord) VALUES (?, ?, ?, ?, ?)');
  let added = 0;
  const add = (source: DefaultSource, parentId: number | null, ord: number) => {
    const id = Number(insert.run(parentId, source.code, source.label, source.role, ord).lastInsertRowid);
    added++;
    source.children?.forEach((child, i) => add(child, id, i + 1));
  };
  db.transaction(() => add(DEFAULT_SOURCES, null, 1))();
  return added;
}

interface SourceRow {
  id: number;
  parent_id: number | null;
  code: string;
  label: string;
  role: string | null;
  ord: number;
}

export function listSources(db: Database.Database): CapitalSource[] {
  const rows = db.prepare('SELECT * FROM capital_source ORDER BY ord, id').all() as SourceRow[];
  return rows.map((r) => ({ id: r.id, parentId: r.parent_id, code: r.code, label: r.label, role: r.role, ord: r.ord }));
}

/** Rows that give a capital source a figure (cleared cells do not count), with how the user calls them. */
const SOURCE_USES: { sql: string; what: string }[] = [
  {
    sql: "SELECT count(*) AS n FROM resource_amount WHERE source_id = ? AND (amount IS NOT NULL OR investment IS NOT NULL OR typed_total IS NOT NULL OR note <> '')",
    what: 'nguồn lực',
  },
  { sql: 'SELECT count(*) AS n FROM allocation WHERE source_id = ? AND amount IS NOT NULL', what: 'phân bổ vốn' },
  { sql: 'SELECT count(*) AS n FROM project WHERE source_id = ?', what: 'công trình' },
];

/** Remove a source as one undo step; refused while it has sub-sources or figures. */
export function removeSource(db: Database.Database, id: number): { stepId: number } {
  const source = db.prepare('SELECT * FROM capital_source WHERE id = ?').get(id) as SourceRow | undefined;
  if (!source) throw new AppError('error.notFound', { what: `nguồn vốn #${id}` });
  if (source.role === 'total') throw new AppError('funding.sourceIsTotal');
  const { n: children } = db.prepare('SELECT count(*) AS n FROM capital_source WHERE parent_id = ?').get(id) as { n: number };
  if (children > 0) throw new AppError('funding.sourceHasChildren', { label: source.label, count: children });
  for (const use of SOURCE_USES) {
    const { n } = db.prepare(use.sql).get(id) as { n: number };
    if (n > 0) throw new AppError('funding.sourceInUse', { label: source.label, count: n, what: use.what });
  }
  const empties: Change[] = [
    ...(db.prepare('SELECT plan_id, year FROM resource_amount WHERE source_id = ?').all(id) as { plan_id: number; year: number }[]).map(
      (r): Change => ({ op: 'delete', table: 'resource_amount', key: [r.plan_id, r.year, id] }),
    ),
    ...(db.prepare('SELECT plan_id, year, unit_id FROM allocation WHERE source_id = ?').all(id) as { plan_id: number; year: number; unit_id: number }[]).map(
      (r): Change => ({ op: 'delete', table: 'allocation', key: [r.plan_id, r.year, id, r.unit_id] }),
    ),
  ];
  return applyChanges(db, `Xóa nguồn vốn ${source.label}`, [...empties, { op: 'delete', table: 'capital_source', key: [id] }]);
}
