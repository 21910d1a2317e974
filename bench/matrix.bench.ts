// The commune × criterion matrix at 3,321 communes × 19 criteria: one edit to updated derived figures
// in the shared code, and a paste of the whole block saved as one undo step, each next to a bare peer.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Change } from '../shared/api/edits';
import type { Unit } from '../shared/model';
import { Backend } from '../electron/backend/backend';
import { MatrixModel, type MatrixData } from '../renderer/views/matrix/matrix-model';
import { heapMb, percentile, timeMedian, type Bench, type Figure } from './harness';

const COMMUNES = 3321;
const EDITS = 400;

async function makeDocument(dir: string): Promise<{ backend: Backend; planId: number; unitIds: number[]; criterionIds: number[] }> {
  const backend = await Backend.start({ dataDir: dir, documentPath: path.join(dir, 'matrix.ntm'), backupIntervalMs: 0 });
  const db = backend.document!.db;
  const unit = db.prepare("INSERT INTO unit (kind, name, ord) VALUES ('commune', ?, ?)");
  const unitIds = db.transaction(() => Array.from({ length: COMMUNES }, (_, i) => Number(unit.run(`Xã ${i + 1}`, i + 1).lastInsertRowid)))();
  const plan = await backend.dispatch('plans.create', { name: 'Kế hoạch 2025', level: 'district', yearStart: 2025, yearEnd: 2025, criteriaSetId: 'xa-ntm-2021-2025' });
  const set = (await backend.dispatch('criteria.sets', {})).find((s) => s.id === 'xa-ntm-2021-2025')!;
  return { backend, planId: plan.id, unitIds, criterionIds: set.criteria.map((c) => c.id) };
}

const pasteBlock = (unitIds: number[], criterionIds: number[], flip: number): Change[] =>
  unitIds.flatMap((u, i) => criterionIds.map((c, j): Change => ({ op: 'set', table: 'criterion_mark', key: [u, c, 2024, 'actual'], field: 'met', value: (i + j + flip) % 5 !== 0 })));

/** One mark changes: the model takes it in and the grid's pinned figures are recomputed. */
function editFigures(data: MatrixData): { p50: number; p99: number; peerP50: number; peerP99: number } {
  const model = new MatrixModel(data);
  model.figures('actual');
  const times: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    const unit = data.communes[(i * 97) % data.communes.length] as Unit;
    const criterion = data.set.criteria[i % data.set.criteria.length]!;
    const change: Change = { op: 'set', table: 'criterion_mark', key: [unit.id, criterion.id, data.actual.year, 'actual'], field: 'met', value: i % 2 === 0 };
    const start = performance.now();
    model.apply([change]);
    model.figures('actual');
    times.push(performance.now() - start);
  }
  // Peer: a bare boolean grid recounted in full after each edit, with no model, no rows, no buckets.
  const grid = data.communes.map(() => data.set.criteria.map(() => true));
  const peer: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    const start = performance.now();
    (grid[(i * 97) % grid.length] as boolean[])[i % 19] = i % 2 === 0;
    const perCriterion = new Array<number>(19).fill(0);
    let met = 0;
    for (const row of grid) row.forEach((m, j) => m && (perCriterion[j]!++, met++));
    peer.push(performance.now() - start);
  }
  return { p50: percentile(times, 50), p99: percentile(times, 99), peerP50: percentile(peer, 50), peerP99: percentile(peer, 99) };
}

const bench: Bench = async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ntm-bench-matrix-'));
  try {
    const { backend, planId, unitIds, criterionIds } = await makeDocument(dir);
    const cells = unitIds.length * criterionIds.length;
    let flip = 0;
    const paste = await timeMedian(3, () => backend.dispatch('edits.apply', { label: 'Dán', changes: pasteBlock(unitIds, criterionIds, flip++) }));
    const data = await backend.dispatch('matrix.open', { planId });
    const edit = editFigures(data);
    const heap = heapMb();
    await backend.close();

    const bare = new Database(path.join(dir, 'bare.db'));
    bare.exec('CREATE TABLE mark (unit_id INTEGER, criterion_id INTEGER, year INTEGER, kind TEXT, met INTEGER, PRIMARY KEY (unit_id, criterion_id, year, kind)) WITHOUT ROWID');
    const upsert = bare.prepare('INSERT INTO mark VALUES (?, ?, 2024, ?, ?) ON CONFLICT DO UPDATE SET met = excluded.met');
    const barePaste = await timeMedian(3, () =>
      bare.transaction(() => {
        for (const c of pasteBlock(unitIds, criterionIds, flip++)) if (c.op === 'set') upsert.run(c.key[0], c.key[1], 'actual', c.value ? 1 : 0);
      })(),
    );
    bare.close();

    const figures: Figure[] = [
      {
        name: `Paste a ${COMMUNES.toLocaleString('en')} × 19 block (${cells.toLocaleString('en')} marks) through edits.apply: validated, saved with its undo step`,
        value: paste,
        unit: 'ms',
        peer: { name: 'bare better-sqlite3 upsert of the same marks in one transaction', value: barePaste },
        target: '≤ 1 s',
        note: 'median of 3; each paste changes every mark, so every cell has an inverse',
      },
      {
        name: `One edit → derived figures (MatrixModel.apply + figures) at ${COMMUNES.toLocaleString('en')} × 19, p50`,
        value: edit.p50,
        unit: 'ms',
        peer: { name: 'full recount of a bare boolean array, p50', value: edit.peerP50 },
      },
      {
        name: `One edit → derived figures at ${COMMUNES.toLocaleString('en')} × 19, p99`,
        value: edit.p99,
        unit: 'ms',
        peer: { name: 'full recount of a bare boolean array, p99', value: edit.peerP99 },
        target: '≤ 16 ms',
        note: `${EDITS} edits; heap after: ${heap} MB`,
      },
    ];
    return figures;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
};
export default bench;

