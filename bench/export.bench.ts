// Export of a 3,321-commune Biểu 01: from the built-in layout, and into a province's own workbook of that
// size after 100 marks changed (formula results recomputed), next to a bare exceljs write of the same values.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { Backend } from '../electron/backend/backend';
import { exportForm } from '../electron/backend/export/export-form';
import { exportIntoOriginal } from '../electron/backend/export/into-original';
import type { Binding, BoundCell } from '../electron/backend/forms/binding';
import { heapMb, rssMb, timeMedian, type Bench } from './harness';

const COMMUNES = 3321;
const YEAR = 2025;
/** Built-in Biểu 01: the header block ends at row 10, communes start at row 11 in column B, criteria in C-U. */
const FIRST_ROW = 11;

const bench: Bench = async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ntm-bench-export-'));
  const backend = await Backend.start({ dataDir: dir, documentPath: path.join(dir, 'big.ntm'), backupIntervalMs: 0 });
  try {
    const db = backend.document!.db;
    const criteria = db.prepare("SELECT id, no FROM criterion WHERE set_id = 'xa-ntm-2021-2025' ORDER BY no").all() as { id: number; no: number }[];
    const units: number[] = [];
    let planId = 0;
    db.transaction(() => {
      const district = Number(db.prepare("INSERT INTO unit (kind, name, ord) VALUES ('district', 'Huyện thử', 1)").run().lastInsertRowid);
      planId = Number(
        db
          .prepare("INSERT INTO plan (name, level, unit_id, year_start, year_end, criteria_set_id, issuer) VALUES ('KH', 'district', ?, ?, ?, 'xa-ntm-2021-2025', 'UBND HUYỆN THỬ')")
          .run(district, YEAR, YEAR).lastInsertRowid,
      );
      const unit = db.prepare("INSERT INTO unit (kind, name, parent_id, ord) VALUES ('commune', ?, ?, ?)");
      const mark = db.prepare("INSERT INTO criterion_mark (unit_id, criterion_id, year, kind, met) VALUES (?, ?, ?, 'actual', ?)");
      const status = db.prepare("INSERT INTO unit_status (unit_id, year, kind, planned_count, note) VALUES (?, ?, 'plan', 19, '')");
      for (let i = 0; i < COMMUNES; i++) {
        const id = Number(unit.run(`Xã ${i + 1}`, district, i + 1).lastInsertRowid);
        units.push(id);
        for (const c of criteria) mark.run(id, c.id, YEAR - 1, (i + c.no) % 7 === 0 ? 0 : 1);
        status.run(id, YEAR);
      }
    })();

    const rssBefore = rssMb();
    let builtIn: Uint8Array = new Uint8Array();
    const ours = await timeMedian(3, async () => {
      builtIn = (await exportForm(db, { form: 'bieu01', planId, layout: 'builtin' })).bytes;
    });
    const rssAfter = rssMb();
    const heap = heapMb();

    const peer = await timeMedian(3, async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Biểu 01');
      units.forEach((_, i) => {
        const row: (string | number)[] = [i + 1, `Xã ${i + 1}`];
        for (const c of criteria) row.push((i + c.no) % 7 === 0 ? '' : 'x');
        row.push(19 - criteria.filter((c) => (i + c.no) % 7 === 0).length, 19);
        ws.addRow(row);
      });
      await wb.xlsx.writeBuffer();
    });

    // The built-in file stands in for a province's workbook of the same size, bound cell by cell as import binds it.
    const cells: BoundCell[] = units.flatMap((unitId, i) =>
      criteria.map((c, k) => ({
        cell: `${String.fromCharCode(67 + k)}${FIRST_ROW + i}`,
        kind: 'mark' as const,
        markText: 'x',
        target: { table: 'criterion_mark', key: [unitId, c.id, YEAR - 1, 'actual'], field: 'met' },
      })),
    );
    const binding: Binding = { version: 1, form: 'bieu01', sheet: 'Biểu 01', sheetPart: 'xl/worksheets/sheet1.xml', year: YEAR, planId, cells, formulaCells: [], encoding: 'unicode' };
    db.prepare('UPDATE criterion_mark SET met = 1 - met WHERE unit_id IN (SELECT id FROM unit WHERE kind = ? ORDER BY id LIMIT 100) AND criterion_id = ?').run('commune', criteria[0]!.id);
    let changed = 0;
    const intoOriginal = await timeMedian(3, () => {
      changed = exportIntoOriginal(db, builtIn, binding).changedCells.length;
    });

    return [
      {
        name: `Export a ${COMMUNES.toLocaleString('en')}-commune Biểu 01 from the built-in layout (styles, merges, formulas with results, print setup)`,
        value: ours,
        unit: 'ms',
        peer: { name: 'bare exceljs write of the same values (no styles, no formulas)', value: peer },
        target: '≤ 2 s',
        note: `RSS ${rssBefore} → ${rssAfter} MB, heap after ${heap} MB; file ${(builtIn.byteLength / 1024).toFixed(0)} KB`,
      },
      {
        name: `Export into a ${COMMUNES.toLocaleString('en')}-commune workbook of the province (${changed} marks changed, formula results recomputed)`,
        value: intoOriginal,
        unit: 'ms',
        peer: { name: 'bare exceljs write of the same values', value: peer },
        note: `heap after ${heapMb()} MB`,
      },
    ];
  } finally {
    await backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
};
export default bench;
