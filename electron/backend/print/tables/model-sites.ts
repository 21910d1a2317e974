// The registration list of model sites ("Danh sách đăng ký điển hình"): content and place.
import { loadModelSites } from '../../funding/tables';
import { FORM_NUMBERS } from './forms';
import { col, type Annex, type BodyRow } from '../annex';
import { unitNames, type TableInput } from './common';

export function modelSitesAnnex({ db, plan, year }: TableInput): Annex {
  const units = unitNames(db);
  const place = (unitId: number | null): string => {
    const unit = unitId === null ? undefined : units.get(unitId);
    if (!unit) return '';
    const parent = unit.kind === 'village' && unit.parentId !== null ? units.get(unit.parentId) : undefined;
    return parent ? `${unit.name}, ${parent.name}` : unit.name;
  };
  const rows: BodyRow[] = loadModelSites(db, plan.id).map((site, i) => ({
    kind: 'item',
    cells: [String(i + 1), site.content, place(site.unitId), site.scope === 'commune' ? 'Xã' : 'Thôn, bản'],
  }));
  return {
    formNo: FORM_NUMBERS['model-sites'],
    title: `Danh sách đăng ký xây dựng mô hình điển hình năm ${year}`,
    unitLine: null,
    landscape: false,
    tables: [
      {
        columns: [col('center', 3), col('left', 22), col('left', 12), col('center', 5)],
        head: [[{ text: 'STT' }, { text: 'Nội dung mô hình' }, { text: 'Địa điểm' }, { text: 'Cấp thực hiện' }]],
        rows,
      },
    ],
  };
}
