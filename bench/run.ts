// `npm run bench`: runs every bench/*.bench.ts (or those named on the command line) and rewrites BENCHMARKS.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Bench, Figure } from './harness';

const dir = import.meta.dirname;
const only = process.argv.slice(2);
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const sections: string[] = [];
for (const file of files) {
  console.log(`bench: ${file}`);
  const bench = (await import(path.join(dir, file))) as { default: Bench };
  let figures: Figure[];
  try {
    figures = await bench.default();
  } catch (error) {
    sections.push(`## ${file}\n\nFailed: ${error instanceof Error ? error.message : String(error)}\n`);
    console.error(error);
    continue;
  }
  const rows = figures.map((f) => `| ${f.name} | ${fmt(f.value)} ${f.unit} | ${f.peer ? `${f.peer.name}: ${fmt(f.peer.value)} ${f.unit}` : '—'} | ${f.target ?? ''} | ${f.note ?? ''} |`);
  for (const f of figures) console.log(`  ${f.name}: ${fmt(f.value)} ${f.unit}${f.peer ? ` (peer ${f.peer.name}: ${fmt(f.peer.value)} ${f.unit})` : ''}`);
  sections.push(`## ${file.replace('.bench.ts', '')}\n\n| measure | NTM Planner | peer (same run) | target | note |\n| --- | --- | --- | --- | --- |\n${rows.join('\n')}\n`);
}

const header = `# Benchmarks\n\nWritten by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), ${Math.round(os.totalmem() / 1024 ** 3)} GB, Node ${process.version}. Each figure stands next to a peer measured in the same run.\n`;
if (only.length === 0) fs.writeFileSync(path.join(dir, '..', 'BENCHMARKS.md'), `${header}\n${sections.join('\n')}`);
else console.log(sections.join('\n'));

function fmt(n: number): string {
  return n >= 100 ? n.toFixed(0) : n.toFixed(1);
}
