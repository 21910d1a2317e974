// `npm run bench`: runs every bench/*.bench.ts (or those named on the command line) and rewrites BENCHMARKS.md.
// Each bench runs in a process of its own, so none is measured in a heap that an earlier one filled.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Bench, Figure } from './harness';

const dir = import.meta.dirname;

if (process.argv[2] === '--one') {
  // The child: one bench, its figures written to the file the parent named.
  const bench = (await import(path.join(dir, process.argv[3] as string))) as { default: Bench };
  fs.writeFileSync(process.argv[4] as string, JSON.stringify(await bench.default()));
  process.exit(0);
}

const only = process.argv.slice(2);
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const sections: string[] = [];
for (const file of files) {
  console.log(`bench: ${file}`);
  let figures: Figure[];
  try {
    figures = runInChild(file);
  } catch (error) {
    sections.push(`## ${file}\n\nFailed: ${error instanceof Error ? error.message : String(error)}\n`);
    console.error(error);
    continue;
  }
  const rows = figures.map((f) => `| ${f.name} | ${fmt(f.value)} ${f.unit} | ${f.peer ? `${f.peer.name}: ${fmt(f.peer.value)} ${f.unit}` : '—'} | ${f.target ?? ''} | ${f.note ?? ''} |`);
  for (const f of figures) console.log(`  ${f.name}: ${fmt(f.value)} ${f.unit}${f.peer ? ` (peer ${f.peer.name}: ${fmt(f.peer.value)} ${f.unit})` : ''}`);
  sections.push(`## ${file.replace('.bench.ts', '')}\n\n| measure | NTM Planner | peer (same run) | target | note |\n| --- | --- | --- | --- | --- |\n${rows.join('\n')}\n`);
}

const header = `# Benchmarks\n\nWritten by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), ${Math.round(os.totalmem() / 1024 ** 3)} GB, Node ${process.version}. Each bench runs in a fresh process; each figure stands next to a peer measured in the same run.\n`;
if (only.length === 0) fs.writeFileSync(path.join(dir, '..', 'BENCHMARKS.md'), `${header}\n${sections.join('\n')}`);
else console.log(sections.join('\n'));

/** Run one bench file in a fresh Node process with the same loader; its output shows as it runs. */
function runInChild(file: string): Figure[] {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ntm-bench-')), 'figures.json');
  try {
    execFileSync(process.execPath, [...process.execArgv, import.meta.filename, '--one', file, out], { stdio: 'inherit' });
    return JSON.parse(fs.readFileSync(out, 'utf8')) as Figure[];
  } finally {
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  }
}

function fmt(n: number): string {
  return n >= 100 ? n.toFixed(0) : n.toFixed(1);
}
