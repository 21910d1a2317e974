// Live validation on a district document of 3,321 communes × 57 indicators plus funding tables:
// a full run, and one edit → findings updated (p50/p99), next to the same edits through HyperFormula
// holding the equivalent formulas, measured in the same run.
import fs from 'node:fs';
import v8 from 'node:v8';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import Database from 'better-sqlite3';
import { HyperFormula, type RawCellContent } from 'hyperformula';
import { Backend } from '../electron/backend/backend';
import { getPlan } from '../electron/backend/repo/plans';
import { RULE_QUERIES, ruleQueryParams, planScope } from '../electron/backend/validation/load';
import { validateDocument } from '../electron/backend/validation/validate';
import type { Change, Scalar } from '../shared/api/edits';
import type { PlanScope } from '../shared/api/validation';
import { Validator } from '../shared/rules/engine';
import { RULES } from '../shared/rules/rules';
import { Dataset, type WireTables } from '../shared/rules/dataset';
import { useExcelRounding } from '../electron/backend/formulas/rounding-plugin';
import { percentile, timeMedian, type Bench, type Figure } from './harness';

const COMMUNES = 3321;
const CRITERIA = 19;
const PER_CRITERION = 3; // 57 indicators
const CONTENTS = 5;
const PROJECTS = 500;
const EDITS = 400;
const PLAN: PlanScope = { id: 1, yearStart: 2025, yearEnd: 2025, level: 'district', unitId: null, criteriaSetId: 'set' };

// id, parent, role: the Biểu 04 tree.
const SOURCES: [number, number | null, string][] = [
  [1, null, 'total'], [2, 1, 'central'], [3, 2, 'central_investment'], [4, 2, 'central_recurrent'],
  [5, 1, 'local'], [6, 5, 'local_commune'], [7, 1, 'integrated'], [8, 7, 'integrated_poverty'], [9, 7, 'integrated_ethnic'],
];

const met = (commune: number, criterion: number) => (commune + criterion) % 5 !== 0;

function table(columns: string[], rows: Scalar[][]) {
  return { columns, rows };
}

/** The document as the backend hands it to the engine; every figure agrees, so a full run finds nothing. */
export function documentTables(): WireTables {
  const units: Scalar[][] = [];
  const marks: Scalar[][] = [];
  const values: Scalar[][] = [];
  const statuses: Scalar[][] = [];
  const allocation: Scalar[][] = [];
  const recurrent: Scalar[][] = [];
  for (let u = 1; u <= COMMUNES; u++) {
    units.push([u, 'commune', `Xã ${u}`, null, null]);
    let count = 0;
    for (let c = 1; c <= CRITERIA; c++) {
      const ok = met(u, c);
      if (ok) count++;
      for (const [year, kind] of [[2024, 'actual'], [2025, 'plan']] as const) {
        marks.push([u, c, year, kind, ok ? 1 : 0]);
        for (let i = 0; i < PER_CRITERION; i++) values.push([u, (c - 1) * PER_CRITERION + i + 1, year, kind, i === 0 ? (ok ? 1 : 0) : 80, null]);
      }
    }
    statuses.push([u, 2024, 'actual', null, null, null], [u, 2025, 'plan', null, null, count]);
    allocation.push([1, 2025, 3, u, 2], [1, 2025, 6, u, 1]);
    for (let k = 2; k <= CONTENTS + 1; k++) recurrent.push([k, u, 1]);
  }
  const leaf = { 3: 2 * COMMUNES, 4: CONTENTS * COMMUNES, 6: COMMUNES, 8: 602, 9: 1954 } as Record<number, number>;
  const amount = (id: number): number => leaf[id] ?? SOURCES.filter((s) => s[1] === id).reduce((sum, s) => sum + amount(s[0]), 0);
  return {
    unit: table(['id', 'kind', 'name', 'parent_id', 'merged_into_id'], units),
    criterion: table(['id', 'set_id', 'no', 'code', 'name'], Array.from({ length: CRITERIA }, (_, i) => [i + 1, 'set', i + 1, String(i + 1), `Tiêu chí ${i + 1}`])),
    indicator: table(
      ['id', 'criterion_id', 'code', 'kind', 'threshold'],
      Array.from({ length: CRITERIA * PER_CRITERION }, (_, i) => [i + 1, Math.floor(i / PER_CRITERION) + 1, `${Math.floor(i / PER_CRITERION) + 1}.${(i % PER_CRITERION) + 1}`, i % PER_CRITERION === 0 ? 'boolean' : 'percent', '≥ 60%']),
    ),
    criterion_mark: table(['unit_id', 'criterion_id', 'year', 'kind', 'met'], marks),
    indicator_value: table(['unit_id', 'indicator_id', 'year', 'kind', 'value', 'text'], values),
    unit_status: table(['unit_id', 'year', 'kind', 'level', 'recognised_year', 'planned_count'], statuses),
    capital_source: table(['id', 'parent_id', 'code', 'label', 'role'], SOURCES.map(([id, parent, role]) => [id, parent, '', role, role])),
    resource_amount: table(['plan_id', 'year', 'source_id', 'amount', 'investment', 'typed_total'], SOURCES.map(([id]) => [1, 2025, id, amount(id), id === 3 ? PROJECTS * 2 : null, null])),
    allocation: table(['plan_id', 'year', 'source_id', 'unit_id', 'amount'], allocation),
    project: table(
      ['id', 'plan_id', 'year', 'source_id', 'phase', 'name', 'unit_id', 'total_investment', 'allocated_before', 'plan_amount'],
      Array.from({ length: PROJECTS }, (_, i) => [i + 1, 1, 2025, 3, 'new', `Công trình ${i + 1}`, (i % COMMUNES) + 1, 10, 0, 2]),
    ),
    recurrent_content: table(['id', 'plan_id', 'parent_id', 'code', 'label'], [[1, 1, null, '1', 'Nội dung'], ...Array.from({ length: CONTENTS }, (_, i): Scalar[] => [i + 2, 1, 1, `1.${i + 1}`, `Nội dung 1.${i + 1}`])]),
    recurrent_amount: table(['content_id', 'unit_id', 'amount'], recurrent),
  };
}

/**
 * The same district plan in a real document: 3,321 communes, both sides of the matrix with every
 * indicator of the seeded criteria set, statuses, resources, allocation, recurrent capital, projects.
 */
async function sqliteDocument(dir: string): Promise<{ file: string; planId: number; rows: number }> {
  const file = path.join(dir, 'validation.ntm');
  const backend = await Backend.start({ dataDir: dir, documentPath: file, backupIntervalMs: 0 });
  const db = backend.document!.db;
  const plan = await backend.dispatch('plans.create', { name: 'Kế hoạch năm 2025', level: 'district', yearStart: 2025, yearEnd: 2025, criteriaSetId: 'xa-ntm-2021-2025' });
  const criteria = db.prepare("SELECT id, no FROM criterion WHERE set_id = 'xa-ntm-2021-2025'").all() as { id: number; no: number }[];
  const indicators = db.prepare("SELECT i.id, i.criterion_id, i.kind FROM indicator i JOIN criterion c ON c.id = i.criterion_id WHERE c.set_id = 'xa-ntm-2021-2025'").all() as { id: number; criterion_id: number; kind: string }[];
  const role = new Map((db.prepare('SELECT role, id FROM capital_source WHERE role IS NOT NULL').all() as { role: string; id: number }[]).map((r) => [r.role, r.id]));
  const run = (sql: string) => db.prepare(sql);
  const [unit, mark, value, status, allocation, recurrent, project] = [
    run("INSERT INTO unit (kind, name, ord) VALUES ('commune', ?, ?)"),
    run('INSERT INTO criterion_mark (unit_id, criterion_id, year, kind, met) VALUES (?, ?, ?, ?, ?)'),
    run('INSERT INTO indicator_value (unit_id, indicator_id, year, kind, value) VALUES (?, ?, ?, ?, ?)'),
    run('INSERT INTO unit_status (unit_id, year, kind, planned_count) VALUES (?, ?, ?, ?)'),
    run('INSERT INTO allocation (plan_id, year, source_id, unit_id, amount) VALUES (?, 2025, ?, ?, ?)'),
    run('INSERT INTO recurrent_amount (content_id, unit_id, amount) VALUES (?, ?, 1)'),
    run("INSERT INTO project (plan_id, year, source_id, phase, name, unit_id, plan_amount, ord) VALUES (?, 2025, ?, 'new', ?, ?, 2, ?)"),
  ];
  let rows = 0;
  db.transaction(() => {
    const content = (parent: number | null, code: string) =>
      Number(run('INSERT INTO recurrent_content (plan_id, parent_id, code, label, ord) VALUES (?, ?, ?, ?, 1)').run(plan.id, parent, code, `Nội dung ${code}`).lastInsertRowid);
    const top = content(null, '1');
    const contents = Array.from({ length: CONTENTS }, (_, i) => content(top, `1.${i + 1}`));
    const ids: number[] = [];
    for (let u = 1; u <= COMMUNES; u++) {
      const id = Number(unit.run(`Xã ${u}`, u).lastInsertRowid);
      ids.push(id);
      let count = 0;
      for (const c of criteria) {
        const ok = met(u, c.no);
        if (ok) count++;
        for (const [year, kind] of [[2024, 'actual'], [2025, 'plan']] as const) {
          mark.run(id, c.id, year, kind, ok ? 1 : 0);
          for (const i of indicators) if (i.criterion_id === c.id) value.run(id, i.id, year, kind, i.kind === 'boolean' ? (ok ? 1 : 0) : 80);
        }
      }
      status.run(id, 2024, 'actual', null);
      status.run(id, 2025, 'plan', count);
      allocation.run(plan.id, role.get('central_investment'), id, 2);
      allocation.run(plan.id, role.get('local_commune'), id, 1);
      for (const c of contents) recurrent.run(c, id);
    }
    for (let p = 0; p < PROJECTS; p++) project.run(plan.id, role.get('central_investment'), `Công trình ${p + 1}`, ids[p % COMMUNES], p + 1);
    const resource = run('INSERT INTO resource_amount (plan_id, year, source_id, amount, investment) VALUES (?, 2025, ?, ?, ?)');
    for (const [r, amount, investment] of [['central_investment', 2 * COMMUNES, 2 * PROJECTS], ['central_recurrent', CONTENTS * COMMUNES, null], ['local_commune', COMMUNES, null]] as const) {
      resource.run(plan.id, role.get(r), amount, investment);
    }
    rows = (db.prepare('SELECT (SELECT count(*) FROM criterion_mark) + (SELECT count(*) FROM indicator_value) + (SELECT count(*) FROM unit) AS n').get() as { n: number }).n;
  })();
  await backend.close();
  return { file, planId: plan.id, rows };
}

/** validateDocument on the document read from its file, and how much of it is reading the rows. */
async function fromSqlite(): Promise<Figure[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ntm-bench-validation-'));
  try {
    const { file, planId, rows } = await sqliteDocument(dir);
    const db = new Database(file, { readonly: true });
    try {
      let findings = 0;
      const full = await timeMedian(3, () => (findings = validateDocument(db, { planId }).length));
      const scope = planScope(getPlan(db, planId));
      // The conventional read: better-sqlite3 building one array per row (the loader has SQLite write JSON instead).
      const rowArrays = await timeMedian(3, () => Object.values(RULE_QUERIES).map((sql) => db.prepare(sql).raw(true).all(ruleQueryParams(scope, sql))));
      return [
        {
          name: `validateDocument of the plan from its SQLite file (${rows.toLocaleString('en')} units, marks and indicator values): rows read and every rule run`,
          value: full,
          unit: 'ms',
          peer: { name: 'reading the same rows alone as better-sqlite3 row arrays (no rule run)', value: rowArrays },
          note: `${findings} findings`,
        },
      ];
    } finally {
      db.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// The same edits for both engines: a capital-source child typed wrong then right, and a mark toggled.
const fundingEdit = (i: number): Change => ({ op: 'set', table: 'resource_amount', key: [1, 2025, 8], field: 'amount', value: i % 2 === 0 ? 700 : 602 });
const markEdit = (i: number): Change => ({ op: 'set', table: 'criterion_mark', key: [1 + (i % 50), 1, 2024, 'actual'], field: 'met', value: i % 4 < 2 });

function timeEdits(apply: (i: number) => void): { p50: number; p99: number } {
  const times: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    const start = performance.now();
    apply(i);
    times.push(performance.now() - start);
  }
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

const col = (n: number): string => (n < 26 ? String.fromCharCode(65 + n) : col(Math.floor(n / 26) - 1) + String.fromCharCode(65 + (n % 26)));

/**
 * HyperFormula holding the equivalent formulas: per commune row its marks, indicators, the count, the
 * planned ≥ current and x/19 checks and one derivation per criterion; the funding tree, allocation and
 * recurrent sums with their checks on a second sheet.
 */
function hyperFormulaPeer(): { hf: HyperFormula; fundingCell: { sheet: number; row: number; col: number }; markCell: (u: number) => { sheet: number; row: number; col: number } } {
  useExcelRounding();
  const matrix: RawCellContent[][] = [];
  const markCol = (c: number) => c - 1; // A..S actual marks
  const indCol = (c: number, i: number) => CRITERIA + (c - 1) * PER_CRITERION + i; // 57 indicator columns
  const countCol = CRITERIA + CRITERIA * PER_CRITERION;
  for (let u = 1; u <= COMMUNES; u++) {
    const r = u;
    const row: RawCellContent[] = [];
    let count = 0;
    for (let c = 1; c <= CRITERIA; c++) {
      const ok = met(u, c);
      if (ok) count++;
      row[markCol(c)] = ok ? 1 : 0;
      for (let i = 0; i < PER_CRITERION; i++) row[indCol(c, i)] = i === 0 ? (ok ? 1 : 0) : 80;
    }
    const marks = `${col(0)}${r}:${col(CRITERIA - 1)}${r}`;
    row[countCol] = `=COUNTIF(${marks},1)`;
    row[countCol + 1] = count; // planned
    row[countCol + 2] = `=IF(${col(countCol + 1)}${r}<${col(countCol)}${r},1,0)`;
    row[countCol + 3] = `=IF(${col(countCol + 1)}${r}<>${col(countCol)}${r},1,0)`;
    for (let c = 1; c <= CRITERIA; c++) {
      const inds = Array.from({ length: PER_CRITERION }, (_, i) => (i === 0 ? `${col(indCol(c, i))}${r}=1` : `${col(indCol(c, i))}${r}>=60`));
      row[countCol + 3 + c] = `=IF(AND(${inds.join(',')})<>(${col(markCol(c))}${r}=1),1,0)`;
    }
    matrix.push(row);
  }
  // Funding: A = amount by source id (row = id), B = parts, C = check; allocation in E/F, recurrent in H.
  const funding: RawCellContent[][] = Array.from({ length: COMMUNES + 2 }, () => []);
  const tables = documentTables();
  for (const [sourceId, , , amount] of (tables.resource_amount?.rows ?? []) as [number, number, number, number][]) (funding[sourceId - 1] as RawCellContent[])[0] = amount;
  for (const [id] of SOURCES) {
    const children = SOURCES.filter((s) => s[1] === id).map((s) => `A${s[0]}`);
    if (children.length > 0) {
      (funding[id - 1] as RawCellContent[])[1] = `=SUM(${children.join(',')})`;
      (funding[id - 1] as RawCellContent[])[2] = `=IF(ROUND(A${id},0)<>ROUND(B${id},0),1,0)`;
    }
  }
  for (let u = 1; u <= COMMUNES; u++) {
    const row = funding[u - 1] as RawCellContent[];
    row[4] = 2;
    row[5] = 1;
    row[7] = CONTENTS;
  }
  (funding[0] as RawCellContent[])[9] = `=IF(SUM(E1:E${COMMUNES})<>A3,1,0)`;
  (funding[1] as RawCellContent[])[9] = `=IF(SUM(F1:F${COMMUNES})<>A6,1,0)`;
  (funding[2] as RawCellContent[])[9] = `=IF(SUM(H1:H${COMMUNES})<>A4,1,0)`;
  (funding[3] as RawCellContent[])[9] = `=SUM(C1:C9)+SUM(J1:J3)+SUM(Matrix!${col(countCol + 2)}1:${col(countCol + 3 + CRITERIA)}${COMMUNES})`;
  const hf = HyperFormula.buildFromSheets({ Matrix: matrix, Funding: funding }, { licenseKey: 'gpl-v3', maxRows: 100_000 });
  const fundingSheet = hf.getSheetId('Funding') as number;
  const matrixSheet = hf.getSheetId('Matrix') as number;
  return { hf, fundingCell: { sheet: fundingSheet, row: 7, col: 0 }, markCell: (u) => ({ sheet: matrixSheet, row: u - 1, col: 0 }) };
}

/** Heap in use after a full collection, so retained memory is measured rather than garbage. */
v8.setFlagsFromString('--expose_gc');
const gc = vm.runInNewContext('gc') as () => void;
function retainedMb(): number {
  gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

const bench: Bench = async () => {
  const rowsHeapBefore = retainedMb();
  const tables = documentTables();
  const rowsHeap = retainedMb() - rowsHeapBefore;
  const rows = Object.values(tables).reduce((n, t) => n + (t?.rows.length ?? 0), 0);

  // Warmed once, as the import bench is: the JIT's first compilation of the rules is not what is measured.
  new Validator(RULES, PLAN, tables).runAll();
  const full = await timeMedian(3, () => new Validator(RULES, PLAN, tables).runAll());
  const build = await timeMedian(3, () => new Dataset(tables));
  const rulesOnly = await timeMedian(3, () => new Validator(RULES, PLAN, new Dataset(tables)).runAll()) - build;
  const heapBefore = retainedMb();
  const validator = new Validator(RULES, PLAN, tables);
  const findingsAtStart = validator.runAll().length;
  const ourHeap = retainedMb() - heapBefore;
  const ourFunding = timeEdits((i) => {
    validator.applyChanges([fundingEdit(i)]);
    validator.findings();
  });
  const ourMarks = timeEdits((i) => {
    validator.applyChanges([markEdit(i)]);
    validator.findings();
  });

  const hfHeapBefore = retainedMb();
  const buildStart = performance.now();
  const peer = hyperFormulaPeer();
  const hfBuild = performance.now() - buildStart;
  const hfHeap = retainedMb() - hfHeapBefore;
  const hfFunding = timeEdits((i) => peer.hf.setCellContents(peer.fundingCell, [[i % 2 === 0 ? 700 : 602]]));
  const hfMarks = timeEdits((i) => peer.hf.setCellContents(peer.markCell(1 + (i % 50)), [[i % 4 < 2 ? 1 : 0]]));
  peer.hf.destroy();

  const figures: Figure[] = [
    {
      name: `Full validation, ${COMMUNES} communes × ${CRITERIA * PER_CRITERION} indicators + funding (${rows.toLocaleString('en')} rows), dataset built and every rule run`,
      value: full,
      unit: 'ms',
      peer: { name: 'HyperFormula build + evaluate of the equivalent formulas', value: hfBuild },
      target: '≤ 200 ms',
      note: `${findingsAtStart} findings (every figure agrees); load average ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} cores during the run`,
    },
    { name: 'of which: building the dataset from the loaded rows (taken over as they are; indexes wait until a rule needs them)', value: build, unit: 'ms' },
    { name: 'of which: running every rule over it, building the key and group indexes the rules look rows up by', value: rulesOnly, unit: 'ms' },
    { name: 'One edit of a capital-source child → findings updated, p50', value: ourFunding.p50, unit: 'ms', peer: { name: 'HyperFormula setCellContents', value: hfFunding.p50 } },
    { name: 'One edit of a capital-source child → findings updated, p99', value: ourFunding.p99, unit: 'ms', peer: { name: 'HyperFormula setCellContents', value: hfFunding.p99 }, target: '≤ 16 ms' },
    { name: 'One criterion mark toggled → findings updated, p50', value: ourMarks.p50, unit: 'ms', peer: { name: 'HyperFormula setCellContents', value: hfMarks.p50 } },
    { name: 'One criterion mark toggled → findings updated, p99', value: ourMarks.p99, unit: 'ms', peer: { name: 'HyperFormula setCellContents', value: hfMarks.p99 }, target: '≤ 16 ms' },
    {
      name: 'Heap held by the dataset, indexes and findings',
      value: ourHeap,
      unit: 'MB',
      peer: { name: 'HyperFormula instance with the same data and formulas', value: hfHeap },
      note: `retained heap after a full GC, beyond the loaded rows themselves (${rowsHeap.toFixed(0)} MB), which the dataset keeps as they came`,
    },
  ];
  return [...figures, ...(await fromSqlite())];
};

export default bench;
