import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { Phrasing } from '../../../shared/narrative/phrasing';
import { AppError } from '../errors';
import { resourcesDir } from '../paths';

/** The office-editable wording (resources/narrative/phrasing.vi.json), read on every use so edits show at once. */
export function loadPhrasing(file = path.join(resourcesDir(), 'narrative', 'phrasing.vi.json')): Phrasing {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new AppError('narrative.phrasingUnreadable', { file, detail: error instanceof Error ? error.message : String(error) });
  }
  const parsed = Phrasing.safeParse(raw);
  if (!parsed.success) throw new AppError('narrative.phrasingUnreadable', { file, detail: z.prettifyError(parsed.error) });
  return parsed.data;
}
