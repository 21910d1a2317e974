// Previews waiting for the user's confirmation: the files as read, the options, and the document they
// were previewed against. Only the latest few are kept.
import crypto from 'node:crypto';
import { AppError } from '../errors';
import type { BatchOptions } from './batch-context';
import type { ReadFile } from './stage-file';

interface Staging {
  documentPath: string;
  reads: ReadFile[];
  options: BatchOptions;
}

const KEEP = 5;
const stagings = new Map<string, Staging>();

export function keepStaging(staging: Staging): string {
  const id = crypto.randomUUID();
  stagings.set(id, staging);
  while (stagings.size > KEEP) stagings.delete(stagings.keys().next().value as string);
  return id;
}

export function takeStaging(id: string, documentPath: string): Staging {
  const staging = stagings.get(id);
  if (!staging || staging.documentPath !== documentPath) throw new AppError('import.stagingMissing');
  stagings.delete(id);
  return staging;
}

export function dropStaging(id: string): void {
  stagings.delete(id);
}
