// The plan's own paragraphs, generated from a snapshot of the document in the phrasing of the plans.
import { z } from 'zod';
import { criterionSentences, statusOverview } from './criteria';
import { fill, type Phrasing } from './phrasing';
import { projectSentences } from './projects';
import { resourceSentences } from './resources';
import type { NarrativeSnapshot } from './snapshot';
import { targetSentences } from './targets';

export const NarrativeSection = z.object({
  id: z.enum(['status', 'targets', 'resources', 'projects']),
  title: z.string(),
  paragraphs: z.array(z.string()),
});
export type NarrativeSection = z.infer<typeof NarrativeSection>;

export const Narrative = z.object({ year: z.number().int(), sections: z.array(NarrativeSection) });
export type Narrative = z.infer<typeof Narrative>;

/** Sections without anything to say are left out. */
export function generateNarrative(snapshot: NarrativeSnapshot, phrasing: Phrasing): Narrative {
  const year = String(snapshot.year);
  const titles = phrasing.sections;
  const sections: NarrativeSection[] = [
    {
      id: 'status',
      title: fill(titles.status, { year: String(snapshot.actual.year) }),
      paragraphs: [...statusOverview(snapshot, phrasing), ...criterionSentences(snapshot, snapshot.actual, phrasing)],
    },
    {
      id: 'targets',
      title: fill(titles.targets, { year }),
      paragraphs: closeList([...targetSentences(snapshot, phrasing), ...criterionSentences(snapshot, snapshot.planned, phrasing)]),
    },
    { id: 'resources', title: fill(titles.resources, { year }), paragraphs: closeList(resourceSentences(snapshot, phrasing)) },
    { id: 'projects', title: fill(titles.projects, { year }), paragraphs: closeList(projectSentences(snapshot, phrasing)) },
  ];
  return { year: snapshot.year, sections: sections.filter((s) => s.paragraphs.length > 0) };
}

/** Items of a list end in ";" as the plans write them; the last one ends the sentence. */
function closeList(lines: string[]): string[] {
  const last = lines.at(-1);
  if (last?.endsWith(';')) lines[lines.length - 1] = `${last.slice(0, -1)}.`;
  return lines;
}
