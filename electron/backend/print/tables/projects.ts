// Biểu 05: investment projects by capital source, continuing then new, with section totals.
import { projectSections, projectTotals, sourceTree, toRoman, type ProjectTotals, type SourceNode } from '../../../../shared/domain/funding';
import { listSources } from '../../funding/sources';
import { loadProjects } from '../../funding/tables';
import { FORM_NUMBERS } from './forms';
import { col, type Annex, type BodyRow } from '../annex';
import { amount, unitNames, type TableInput } from './common';

const PHASE_LABEL = { continuing: 'Dự án chuyển tiếp', new: 'Dự án khởi công mới' } as const;

function totalsCells(t: ProjectTotals): string[] {
  return [amount(t.totalInvestment), amount(t.allocatedBefore), amount(t.planAmount), ''];
}

export function projectsAnnex({ db, plan, year }: TableInput): Annex {
  const nodes = sourceTree(listSources(db));
  const byId = new Map(nodes.map((n) => [n.source.id, n]));
  const projects = loadProjects(db, plan.id, year);
  const units = unitNames(db);
  // A section under a sub-source names its parent too: "Vốn ngân sách Trung ương - Vốn đầu tư phát triển".
  const sectionLabel = (node: SourceNode): string => {
    const parent = node.source.parentId === null ? undefined : byId.get(node.source.parentId);
    return parent && parent.source.role !== 'total' ? `${sectionLabel(parent)} - ${node.source.label}` : node.source.label;
  };

  const rows: BodyRow[] = [{ kind: 'total', cells: ['', 'TỔNG SỐ', '', '', ...totalsCells(projectTotals(projects))] }];
  projectSections(nodes, projects).forEach((section, s) => {
    rows.push({ kind: 'section', cells: [toRoman(s + 1), sectionLabel(section.node), '', '', ...totalsCells(section.totals)] });
    section.phases
      .filter((p) => p.projects.length > 0)
      .forEach((phase, p) => {
        rows.push({ kind: 'section', cells: [String(p + 1), `${PHASE_LABEL[phase.phase]} (${phase.projects.length} công trình)`, '', '', ...totalsCells(phase.totals)] });
        phase.projects.forEach((project, i) => {
          rows.push({
            kind: 'item',
            cells: [
              `${p + 1}.${i + 1}`,
              project.name,
              project.unitId === null ? '' : (units.get(project.unitId)?.name ?? ''),
              project.period,
              amount(project.totalInvestment),
              amount(project.allocatedBefore),
              amount(project.planAmount),
              project.note,
            ],
          });
        });
      });
  });
  return {
    formNo: FORM_NUMBERS.projects,
    title: `Danh mục công trình, dự án đầu tư thực hiện Chương trình MTQG xây dựng nông thôn mới năm ${year}`,
    unitLine: 'ĐVT: triệu đồng',
    landscape: true,
    tables: [
      {
        columns: [col('center', 3.5), col('left', 22), col('left', 8), col('center', 6), col('right', 7), col('right', 7), col('right', 7), col('left', 7)],
        head: [
          [
            { text: 'STT' },
            { text: 'Danh mục công trình, dự án' },
            { text: 'Địa điểm xây dựng' },
            { text: 'Thời gian KC-HT' },
            { text: 'Tổng mức đầu tư' },
            { text: `Lũy kế vốn đã bố trí đến 31/12/${year - 1}` },
            { text: `Kế hoạch vốn năm ${year}` },
            { text: 'Ghi chú' },
          ],
        ],
        rows,
      },
    ],
  };
}
