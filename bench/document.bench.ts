// Open a district document of 3,321 communes with a full criteria matrix and compute its summary,
// next to a bare better-sqlite3 open and one aggregate query over the same file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Backend } from '../electron/backend/backend';
import { heapMb, timeMedian, type Bench } from './harness';

const COMMUNES = 3321;

async function makeDocument(dir: string): Promise<string> {
  const file = path.join(dir, 'big.ntm');
  const backend = await Backend.start({ dataDir: dir, documentPath: file, backupIntervalMs: 0 });
  const db = backend.document!.db;
  const criteria = db.prepare("SELECT id, no FROM criterion WHERE set_id = 'xa-ntm-2021-2025'").all() as { id: number; no: number }[];
  const unit = db.prepare("INSERT INTO unit (kind, name, ord) VALUES ('commune', ?, ?)");
  const mark = db.prepare("INSERT INTO criterion_mark (unit_id, criterion_id, year, kind, met) VALUES (?, ?, 2024, 'actual', ?)");
  db.transaction(() => {
    for (let i = 0; i < COMMUNES; i++) {
      const id = Number(unit.run(`Xã ${i + 1}`, i + 1).lastInsertRowid);
      for (const c of criteria) mark.run(id, c.id, (i + c.no) % 7 === 0 ? 0 : 1);
    }
  })();
  await backend.close();
  return file;
}

const bench: Bench = async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ntm-bench-'));
  try {
    const file = await makeDocument(dir);
    const ours = await timeMedian(5, async () => {
      const backend = await Backend.start({ dataDir: dir, documentPath: file, backupIntervalMs: 0 });
      await backend.dispatch('summary.get', {});
      await backend.close();
    });
    const heap = heapMb();
    const peer = await timeMedian(5, () => {
      const db = new Database(file, { readonly: true });
      db.prepare("SELECT criterion_id, sum(met) FROM criterion_mark WHERE year = 2024 AND kind = 'actual' GROUP BY criterion_id").all();
      db.close();
    });
    return [
      {
        name: `Open a ${COMMUNES.toLocaleString('en')}-commune document (integrity check, lock, backup) and compute its summary`,
        value: ours,
        unit: 'ms',
        peer: { name: 'bare better-sqlite3 open + one GROUP BY over the marks', value: peer },
        note: `heap after: ${heap} MB; includes the automatic backup taken on open`,
      },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
};
export default bench;
