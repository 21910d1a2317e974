// Biểu 02: the plan's target indicators (district-wide, then by commune) and the units it sets out to recognise.
import type { RecognitionLevel } from '../../../../shared/model';
import { formatAmount } from '../../../../shared/format/vi';
import { loadRecognitionTargets, loadTargetIndicators } from '../../funding/tables';
import { FORM_NUMBERS } from './forms';
import { col, type Annex, type BodyRow } from '../annex';
import { unitNames, type TableInput } from './common';
import { toRoman } from '../../../../shared/domain/funding';

const LEVEL_LABEL: Record<RecognitionLevel, string> = {
  ntm: 'đạt chuẩn nông thôn mới',
  nang_cao: 'đạt chuẩn nông thôn mới nâng cao',
  kieu_mau: 'đạt chuẩn nông thôn mới kiểu mẫu',
};

export function targetsAnnex({ db, plan, year }: TableInput): Annex {
  const units = unitNames(db);
  const indicators = loadTargetIndicators(db, plan.id);
  const groups = new Map<number | null, typeof indicators>();
  for (const t of indicators) groups.set(t.unitId, [...(groups.get(t.unitId) ?? []), t]);
  const order = [...groups.keys()].sort((a, b) => (a === null ? -1 : b === null ? 1 : (units.get(a)?.ord ?? 0) - (units.get(b)?.ord ?? 0)));

  const rows: BodyRow[] = [];
  let section = 0;
  const sectionRow = (label: string) => rows.push({ kind: 'section', cells: [toRoman(++section), label, '', '', '', ''] });
  for (const unitId of order) {
    sectionRow(unitId === null ? 'Chỉ tiêu chung' : (units.get(unitId)?.name ?? ''));
    (groups.get(unitId) ?? []).forEach((t, i) => {
      rows.push({ kind: 'item', cells: [t.code || String(i + 1), t.label, t.unit, formatAmount(t.valuePrev, 3), formatAmount(t.target, 3), ''] });
    });
  }

  const recognition = loadRecognitionTargets(db, plan.id).filter((r) => r.year === year);
  if (recognition.length > 0) {
    sectionRow(`Đơn vị phấn đấu đạt chuẩn năm ${year}`);
    let item = 0;
    for (const kind of ['commune', 'village'] as const) {
      for (const level of Object.keys(LEVEL_LABEL) as RecognitionLevel[]) {
        const names = recognition
          .filter((r) => r.level === level && units.get(r.unitId)?.kind === kind)
          .map((r) => units.get(r.unitId)?.name ?? '');
        if (names.length === 0) continue;
        const noun = kind === 'commune' ? 'xã' : 'thôn, bản';
        rows.push({ kind: 'item', cells: [String(++item), `Số ${noun} ${LEVEL_LABEL[level]}`, noun, '', String(names.length), names.join(', ')] });
      }
    }
  }

  return {
    formNo: FORM_NUMBERS.targets,
    title: `Các chỉ tiêu chủ yếu thực hiện Chương trình MTQG xây dựng nông thôn mới năm ${year}`,
    unitLine: null,
    landscape: false,
    tables: [
      {
        columns: [col('center', 3.5), col('left', 20), col('center', 5), col('right', 6), col('right', 6), col('left', 10)],
        head: [[{ text: 'STT' }, { text: 'Chỉ tiêu' }, { text: 'Đơn vị tính' }, { text: `Thực hiện năm ${year - 1}` }, { text: `Kế hoạch năm ${year}` }, { text: 'Ghi chú' }]],
        rows,
      },
    ],
  };
}
