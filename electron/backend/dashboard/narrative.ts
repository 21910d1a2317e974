import type Database from 'better-sqlite3';
import { generateNarrative, type Narrative } from '../../../shared/narrative/generate';
import { loadPhrasing } from './phrasing';
import { loadSnapshot } from './snapshot';

/** The plan paragraphs of one plan and year, in the office's phrasing. */
export function planNarrative(db: Database.Database, planId?: number, year?: number): Narrative {
  return generateNarrative(loadSnapshot(db, planId, year).snapshot, loadPhrasing());
}
