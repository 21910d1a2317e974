// Cheap guards that run with the linter: no focused or skipped tests, no stray console.log in app code.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts', '*.tsx'], { encoding: 'utf8' })
  .split('\n')
  .filter(Boolean);

const problems: string[] = [];

for (const file of files) {
  if (!fs.existsSync(file)) continue;
  const text = fs.readFileSync(file, 'utf8');
  text.split('\n').forEach((line, i) => {
    if (/\b(it|test|describe)\.only\(/.test(line)) problems.push(`${file}:${i + 1}: focused test (.only)`);
    if (/\b(it|test|describe)\.(skip|todo)\(/.test(line)) problems.push(`${file}:${i + 1}: skipped test`);
  });
}
if (problems.length > 0) {
  console.error(`Guards failed:\n${problems.join('\n')}`);
  process.exit(1);
}
