import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run';
import type { Summary } from '../../shared/model';
import { openTestBackend } from '../helpers/backend';
import { seedExample } from '../helpers/example-bieu01';

describe('ntm summary --json and the matrix', () => {
  it('reports the matrix entries of the data entered through edits, plan side included', async () => {
    const { backend, dataDir, documentPath } = await openTestBackend();
    const { unitIds, criterionIds } = await seedExample(backend);
    // The plan for 2025: Nà Tăm reaches everything, the others keep their status.
    await backend.dispatch('edits.apply', {
      label: 'Kế hoạch',
      changes: criterionIds.map((id) => ({ op: 'set' as const, table: 'criterion_mark', key: [unitIds.get('Nà Tăm')!, id, 2025, 'plan'], field: 'met', value: true })),
    });
    await backend.close();

    const out: string[] = [];
    const code = await runCli(['summary', '--json', '--db', documentPath], { out: (t) => out.push(t), err: () => undefined }, { NTM_DATA_DIR: dataDir });
    expect(code).toBe(0);
    const summary = JSON.parse(out.join('\n')) as Summary;
    const actual = summary.matrix.find((m) => m.year === 2024 && m.kind === 'actual');
    expect(actual).toMatchObject({ communes: 12, met: 216, average: 18, fullyMet: 9 });
    expect(actual!.perCriterion['11']).toBe(9);
    expect(actual!.perCriterion['1']).toBe(12);
    expect(summary.matrix.find((m) => m.year === 2025 && m.kind === 'plan')).toMatchObject({ communes: 1, met: 19, average: 19, fullyMet: 1 });
  });
});
