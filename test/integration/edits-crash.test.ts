import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Change } from '../../shared/api/edits';
import { Backend } from '../../electron/backend/backend';
import { tempDir } from '../helpers/temp';

const root = path.resolve(import.meta.dirname, '../..');
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** The loopback web host in its own process (node itself, so the kill reaches it); resolves with its address. */
function startHost(dataDir: string, documentPath: string): Promise<{ child: ChildProcess; url: URL }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/web.ts', '--db', documentPath], {
    cwd: root,
    env: { ...process.env, NTM_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /NTM Planner: (http:\/\/\S+)/.exec(out);
      if (match) resolve({ child, url: new URL(match[1]!) });
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`web host exited with ${code}: ${out}`)));
  });
}

describe('a killed backend', () => {
  it('loses nothing of a paste it acknowledged', async () => {
    const dataDir = tempDir();
    const documentPath = path.join(dataDir, 'documents', 'crash.ntm');
    const setup = await Backend.start({ dataDir, documentPath, backupIntervalMs: 0 });
    const communes = [];
    for (let i = 1; i <= 300; i++) communes.push(await setup.dispatch('units.create', { kind: 'commune', name: `Xã ${i}` }));
    const set = (await setup.dispatch('criteria.sets', {})).find((s) => s.id === 'xa-ntm-2021-2025')!;
    await setup.close();

    const { child, url } = await startHost(dataDir, documentPath);
    const token = url.searchParams.get('token')!;
    const changes: Change[] = communes.flatMap((c, i) =>
      set.criteria.map((criterion, j): Change => ({ op: 'set', table: 'criterion_mark', key: [c.id, criterion.id, 2024, 'actual'], field: 'met', value: (i + j) % 3 !== 0 })),
    );
    const response = await fetch(new URL('/api/call', url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Ntm-Token': token },
      body: JSON.stringify({ method: 'edits.apply', args: { label: 'Dán 5.700 ô', changes } }),
    });
    const reply = (await response.json()) as { ok: boolean; result?: { stepId: number } };
    expect(reply.ok).toBe(true);
    // Acknowledged: kill it at once, with no chance to flush or close anything.
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;

    const reopened = await Backend.start({ dataDir, documentPath, backupIntervalMs: 0 });
    try {
      const db = reopened.document!.db;
      const rows = db.prepare("SELECT unit_id, criterion_id, met FROM criterion_mark WHERE year = 2024 AND kind = 'actual'").all() as {
        unit_id: number;
        criterion_id: number;
        met: number;
      }[];
      expect(rows).toHaveLength(300 * set.criteria.length);
      const met = new Map(rows.map((r) => [`${r.unit_id}:${r.criterion_id}`, r.met]));
      for (const change of changes) if (change.op === 'set') expect(met.get(`${change.key[0]}:${change.key[1]}`)).toBe(change.value ? 1 : 0);
      expect(await reopened.dispatch('edits.state', {})).toMatchObject({ canUndo: true, undoLabel: 'Dán 5.700 ô' });
      expect((await reopened.dispatch('edits.undo', {})).changes).toHaveLength(changes.length);
      expect((db.prepare('SELECT count(*) AS n FROM criterion_mark').get() as { n: number }).n).toBe(0);
    } finally {
      await reopened.close();
    }
  });
});
