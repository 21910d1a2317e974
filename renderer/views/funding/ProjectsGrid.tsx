// Biểu 05: investment projects grouped by capital source, then continuing and new, with subtotals and
// counts computed ("Dự án chuyển tiếp (6 công trình)").
import { AgGridReact } from 'ag-grid-react';
import type { ColDef } from 'ag-grid-community';
import { useMemo, useState } from 'react';
import type { Project } from '../../../shared/api/funding';
import { projectSections, projectTotals, sourceTree, type ProjectPhase, type ProjectTotals } from '../../../shared/domain/funding';
import { useCellFindings } from '../../findings/cell-findings';
import { useFindingFocus } from '../../findings/focus';
import { numberColumn, textColumn, useExcelGrid, type Change, type ExcelColumn } from '../../grid/excel';
import { useI18n, useT } from '../../i18n';
import { applyEdit } from '../../store/edits';
import type { FundingChecks } from './checks';
import { amountText, useFundingQuery } from './data';
import { unitColumn } from './unit-column';

interface Row {
  id: string;
  no: string;
  label: string;
  kind: 'total' | 'source' | 'phase' | 'project';
  sourceId: number | null;
  project: Project | null;
  communeName: string;
  totals: Omit<ProjectTotals, 'count'> | null;
}

const FIELD: Record<string, string> = {
  name: 'name',
  commune: 'unit_id',
  period: 'period',
  totalInvestment: 'total_investment',
  allocatedBefore: 'allocated_before',
  planAmount: 'plan_amount',
  note: 'note',
};
const COLUMN_OF = Object.fromEntries(Object.entries(FIELD).map(([col, field]) => [field, col]));

export function ProjectsGrid({ planId, year, checks }: { planId: number; year: number; checks: FundingChecks }) {
  const t = useT();
  const lang = useI18n((s) => s.lang);
  const { data } = useFundingQuery('funding.projects', { planId, year });
  const [focused, setFocused] = useState<number | null>(null);
  const [newSource, setNewSource] = useState<number | null>(null);
  const [newPhase, setNewPhase] = useState<ProjectPhase>('new');
  const nodes = useMemo(() => (data ? sourceTree(data.sources) : []), [data]);
  const communeName = useMemo(() => new Map((data?.communes ?? []).map((c) => [c.id, c.name])), [data]);

  const rows = useMemo<Row[]>(() => {
    if (!data) return [];
    const out: Row[] = [];
    const all = projectTotals(data.projects);
    out.push({ id: 'total', no: '', label: t('funding.grandTotal'), kind: 'total', sourceId: null, project: null, communeName: '', totals: all });
    for (const section of projectSections(nodes, data.projects)) {
      const sid = section.node.source.id;
      out.push({ id: `s${sid}`, no: section.node.path, label: section.node.source.label, kind: 'source', sourceId: sid, project: null, communeName: '', totals: section.totals });
      section.phases.forEach((phase, i) => {
        if (phase.projects.length === 0) return;
        const label = t(`funding.phase.${phase.phase}`, { count: phase.totals.count });
        out.push({ id: `s${sid}-${phase.phase}`, no: String(i + 1), label, kind: 'phase', sourceId: sid, project: null, communeName: '', totals: phase.totals });
        phase.projects.forEach((p, j) => {
          out.push({ id: `p${p.id}`, no: `${i + 1}.${j + 1}`, label: p.name, kind: 'project', sourceId: sid, project: p, communeName: p.unitId === null ? '' : (communeName.get(p.unitId) ?? ''), totals: null });
        });
      });
    }
    return out;
  }, [data, nodes, communeName, lang]);

  const findings = useCellFindings('project');
  const amount = numberColumn<Row>();
  const grid = useExcelGrid<Row>({
    onFocusedRow: (row) => setFocused(row?.project?.id ?? null),
    getRowId: (row) => row.id,
    columns: {
      name: textColumn(1000),
      commune: unitColumn<Row>(data?.communes ?? []) as ExcelColumn<Row>,
      period: textColumn(50),
      totalInvestment: amount,
      allocatedBefore: amount,
      planAmount: amount,
      note: textColumn(1000),
    },
    isEditable: (row) => row.kind === 'project',
    toChanges: (cells) => cells.map((c): Change => ({ op: 'set', table: 'project', key: [c.row.project?.id ?? 0], field: FIELD[c.colId] as string, value: c.value })),
    cellFinding: (rowId, colId) => {
      if (rowId.startsWith('p')) return FIELD[colId] ? findings.at([Number(rowId.slice(1))], FIELD[colId] as string) : null;
      if (colId !== 'planAmount' || !/^s\d+$/.test(rowId)) return null;
      const found = checks.list.find((f) => f.rule === 'projects.matchInvestment' && f.target?.key[2] === Number(rowId.slice(1)));
      return found ? { severity: found.severity, message: found.message } : null;
    },
    findingsVersion: findings.version,
  });
  useFindingFocus('project', grid.api, (key, field) => ({ rowId: `p${key[0]}`, colId: COLUMN_OF[field] ?? 'name' }));

  const columns = useMemo<ColDef<Row>[]>(() => {
    const money = (colId: keyof Omit<ProjectTotals, 'count'>, headerName: string): ColDef<Row> => ({
      colId,
      headerName,
      width: 130,
      type: 'rightAligned',
      valueGetter: (p) => amountText(p.data?.project ? p.data.project[colId] : p.data?.totals?.[colId]),
    });
    return [
      { colId: 'no', headerName: t('funding.col.no'), width: 70, valueGetter: (p) => p.data?.no ?? '' },
      { colId: 'name', headerName: t('funding.col.project'), flex: 2, minWidth: 280, valueGetter: (p) => p.data?.label ?? '' },
      { colId: 'commune', headerName: t('funding.col.commune'), width: 150, valueGetter: (p) => p.data?.communeName ?? '' },
      { colId: 'period', headerName: t('funding.col.period'), width: 110, valueGetter: (p) => p.data?.project?.period ?? '' },
      money('totalInvestment', t('funding.col.totalInvestment')),
      money('allocatedBefore', t('funding.col.allocatedBefore', { year: year - 1 })),
      money('planAmount', t('funding.col.planAmount', { year })),
      { colId: 'note', headerName: t('funding.col.note'), flex: 1, minWidth: 140, valueGetter: (p) => p.data?.project?.note ?? '' },
    ];
  }, [lang, year]);

  if (!data) return <p className="muted">{t('common.loading')}</p>;
  const sourceId = newSource ?? nodes.find((n) => n.source.role === 'central')?.source.id ?? nodes[0]?.source.id ?? null;
  const focusedProject = data.projects.find((p) => p.id === focused) ?? null;

  const addProject = () => {
    if (sourceId === null) return;
    const ord = Math.max(0, ...data.projects.map((p) => p.ord)) + 1;
    void applyEdit(t('funding.label.addRow'), [
      {
        op: 'insert',
        table: 'project',
        row: { plan_id: planId, year, source_id: sourceId, phase: newPhase, name: t('funding.newProject'), unit_id: null, period: String(year), note: '', ord },
      },
    ]).catch(() => undefined);
  };
  const moveProject = () => {
    if (!focusedProject || sourceId === null) return;
    const key = [focusedProject.id];
    void applyEdit(t('funding.label.moveProject'), [
      { op: 'set', table: 'project', key, field: 'source_id', value: sourceId },
      { op: 'set', table: 'project', key, field: 'phase', value: newPhase },
    ]).catch(() => undefined);
  };
  const removeProject = () => {
    if (focusedProject) void applyEdit(t('funding.label.removeRow'), [{ op: 'delete', table: 'project', key: [focusedProject.id] }]).catch(() => undefined);
  };

  return (
    <>
      <div className="row funding-toolbar">
        <select aria-label={t('funding.col.source')} value={sourceId ?? ''} onChange={(e) => setNewSource(Number(e.target.value))}>
          {nodes
            .filter((n) => n.source.role !== 'total')
            .map((n) => (
              <option key={n.source.id} value={n.source.id}>
                {n.path} {n.source.label}
              </option>
            ))}
        </select>
        <select aria-label={t('funding.col.phase')} value={newPhase} onChange={(e) => setNewPhase(e.target.value as ProjectPhase)}>
          <option value="continuing">{t('funding.phaseName.continuing')}</option>
          <option value="new">{t('funding.phaseName.new')}</option>
        </select>
        <button onClick={addProject}>{t('funding.addProject')}</button>
        <button onClick={moveProject} disabled={!focusedProject}>
          {t('funding.moveProject')}
        </button>
        <button onClick={removeProject} disabled={!focusedProject}>
          {t('funding.removeRow')}
        </button>
      </div>
      <div className="grid-box funding-grid" data-testid="projects-grid" {...grid.containerProps}>
        <AgGridReact<Row>
          {...grid.gridProps}
          rowData={rows}
          columnDefs={columns}
          getRowClass={(p) => (p.data && p.data.kind !== 'project' ? `funding-parent funding-${p.data.kind}` : undefined)}
        />
      </div>
    </>
  );
}
