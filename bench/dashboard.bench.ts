// The dashboard and the plan paragraphs of a district document of 3,321 communes (two years of status,
// the plan, resources and 500 projects), next to the bare SQL aggregates they are built from.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { chromium } from 'playwright-core';
import { Backend } from '../electron/backend/backend';
import { loadPhrasing } from '../electron/backend/dashboard/phrasing';
import { loadSnapshot } from '../electron/backend/dashboard/snapshot';
import { startWebServer } from '../electron/host/web-server';
import { generateNarrative } from '../shared/narrative/generate';
import { CHROMIUM_ARGS, findChromium } from '../test/helpers/browser';
import { timeMedian, type Bench, type Figure } from './harness';

const COMMUNES = 3321;
const PROJECTS = 500;
const YEAR = 2025;

export async function makeDocument(dir: string): Promise<{ file: string; planId: number }> {
  const file = path.join(dir, 'district.ntm');
  const backend = await Backend.start({ dataDir: dir, documentPath: file, backupIntervalMs: 0 });
  const db = backend.document!.db;
  const criteria = db.prepare("SELECT id, no FROM criterion WHERE set_id = 'xa-ntm-2021-2025'").all() as { id: number; no: number }[];
  const sources = db.prepare('SELECT id, role FROM capital_source').all() as { id: number; role: string | null }[];
  const role = (r: string) => sources.find((s) => s.role === r)!.id;
  const plan = await backend.dispatch('plans.create', { name: 'Kế hoạch năm 2025', level: 'district', yearStart: YEAR, yearEnd: YEAR, criteriaSetId: 'xa-ntm-2021-2025' });
  const unit = db.prepare("INSERT INTO unit (kind, name, ord) VALUES ('commune', ?, ?)");
  const mark = db.prepare('INSERT INTO criterion_mark (unit_id, criterion_id, year, kind, met) VALUES (?, ?, ?, ?, ?)');
  const status = db.prepare('INSERT INTO unit_status (unit_id, year, kind, level, recognised_year, planned_count) VALUES (?, ?, ?, ?, ?, ?)');
  const resource = db.prepare('INSERT INTO resource_amount (plan_id, year, source_id, amount, investment) VALUES (?, ?, ?, ?, ?)');
  const project = db.prepare('INSERT INTO project (plan_id, year, source_id, phase, name, unit_id, plan_amount, ord) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    const ids: number[] = [];
    for (let i = 0; i < COMMUNES; i++) {
      const id = Number(unit.run(`Xã ${i + 1}`, i + 1).lastInsertRowid);
      ids.push(id);
      for (const c of criteria) {
        mark.run(id, c.id, YEAR - 2, 'actual', (i + c.no) % 5 === 0 ? 0 : 1);
        mark.run(id, c.id, YEAR - 1, 'actual', (i + c.no) % 7 === 0 ? 0 : 1);
        mark.run(id, c.id, YEAR, 'plan', (i + c.no) % 11 === 0 ? 0 : 1);
      }
      const recognised = i % 3 === 0 ? 2020 : null;
      status.run(id, YEAR - 1, 'actual', recognised ? 'ntm' : null, recognised, 19);
      status.run(id, YEAR, 'plan', i % 4 === 0 ? 'ntm' : i % 50 === 0 ? 'nang_cao' : null, null, 19);
    }
    for (const [r, amount, investment] of [['central_investment', 19783, 19783], ['central_recurrent', 3973, null], ['local', 74135, 39767], ['integrated_poverty', 13394, null], ['integrated_ethnic', 93965, 53144], ['community', 0, null]] as const) {
      resource.run(plan.id, YEAR, role(r), amount, investment);
    }
    for (let p = 0; p < PROJECTS; p++) project.run(plan.id, YEAR, role('central_investment'), p % 4 === 0 ? 'continuing' : 'new', `Công trình ${p + 1}`, ids[(p * 7) % COMMUNES], 40 + (p % 9), p + 1);
  })();
  await backend.close();
  return { file, planId: plan.id };
}

/** The aggregates the dashboard shows, straight from SQL: what any report over this file costs at least. */
function rawAggregates(db: Database.Database, planId: number): void {
  db.prepare("SELECT m.criterion_id, sum(m.met) FROM criterion_mark m WHERE m.year = ? AND m.kind = 'actual' GROUP BY m.criterion_id").all(YEAR - 1);
  db.prepare("SELECT m.criterion_id, sum(m.met) FROM criterion_mark m WHERE m.year = ? AND m.kind = 'plan' GROUP BY m.criterion_id").all(YEAR);
  db.prepare("SELECT m.year, m.unit_id, sum(m.met) FROM criterion_mark m WHERE m.kind = 'actual' GROUP BY m.year, m.unit_id").all();
  db.prepare('SELECT source_id, amount, investment FROM resource_amount WHERE plan_id = ? AND year = ?').all(planId, YEAR);
  db.prepare('SELECT unit_id, phase, count(*), sum(plan_amount) FROM project WHERE plan_id = ? AND year = ? GROUP BY unit_id, phase').all(planId, YEAR);
}

/**
 * The dashboard opened in Chromium (built renderer, loopback web host) until its charts are drawn, next to
 * the same page fetching the chart data over the bridge without drawing anything.
 */
async function inBrowser(backend: Backend, planId: number): Promise<Figure[]> {
  const executablePath = findChromium();
  if (!executablePath) return [];
  const server = await startWebServer({ backend, staticDir: path.resolve(import.meta.dirname, '../dist/renderer') });
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const drawn = await timeMedian(3, async () => {
      await page.goto(server.url);
      // Drawn: every chart with data has a canvas with something painted in the app's green.
      await page.waitForFunction(
        () => {
          const cards = [...document.querySelectorAll<HTMLElement>('[data-testid^="chart-"]')].filter((c) => Number(c.dataset.points) > 0);
          return (
            cards.length >= 4 &&
            cards.every((card) => {
              const canvas = card.querySelector('canvas');
              const ctx = canvas?.getContext('2d');
              if (!canvas || !ctx || canvas.width === 0) return false;
              const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
              for (let i = 0; i < data.length; i += 16) if (data[i] === 0x1f && data[i + 1] === 0x6f && data[i + 2] === 0x43) return true;
              return false;
            })
          );
        },
        undefined,
        { polling: 'raf', timeout: 30_000 },
      );
    });
    const fetched = await timeMedian(3, () => page.evaluate((id) => window.ntm.call('dashboard.get', { planId: id }), planId));
    return [
      {
        name: `Dashboard of the ${COMMUNES.toLocaleString('en')}-commune plan opened in Chromium until every chart is drawn`,
        value: drawn,
        unit: 'ms',
        peer: { name: 'the chart data fetched by the same page, nothing drawn', value: fetched },
        target: '≤ 1 s',
        note: "page load, React and AG Charts; the status bar's full validation waits until the charts are drawn",
      },
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}

const bench: Bench = async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ntm-bench-dashboard-'));
  try {
    const { file, planId } = await makeDocument(dir);
    const backend = await Backend.start({ dataDir: dir, documentPath: file, backupIntervalMs: 0 });
    const db = backend.document!.db;
    const dashboard = await timeMedian(5, () => backend.dispatch('dashboard.get', { planId }));
    const narrative = await timeMedian(5, () => backend.dispatch('narrative.get', { planId }));
    const snapshot = loadSnapshot(db, planId).snapshot;
    const phrasing = loadPhrasing();
    const generator = await timeMedian(20, () => generateNarrative(snapshot, phrasing));
    const raw = await timeMedian(5, () => rawAggregates(db, planId));
    const browser = await inBrowser(backend, planId);
    await backend.close();
    const peer = { name: 'the same aggregates as bare SQL GROUP BYs', value: raw };
    return [
      {
        name: `Dashboard data of a ${COMMUNES.toLocaleString('en')}-commune plan ready (dashboard.get: buckets, criteria, progress, resources, investment)`,
        value: dashboard,
        unit: 'ms',
        peer,
        target: '≤ 1 s',
      },
      { name: 'Plan paragraphs generated (narrative.get: load, phrasing file, generate)', value: narrative, unit: 'ms', peer, target: '≤ 200 ms' },
      { name: 'Plan paragraphs from a loaded snapshot (generator alone)', value: generator, unit: 'ms', peer, target: '≤ 200 ms' },
      ...browser,
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
};
export default bench;
