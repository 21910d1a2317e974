import fs from 'node:fs';
import type { FileRef } from '../../../shared/model';
import { AppError } from '../errors';
import type { FileStore } from '../files';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A chart image from the renderer (a PNG data URL) kept as a file: for download, or for a printed annex. */
export function saveChartImage(files: FileStore, name: string, dataUrl: string): FileRef {
  const bytes = Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
  if (bytes.length <= PNG_SIGNATURE.length || !bytes.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) throw new AppError('dashboard.badImage');
  const fileName = name.toLowerCase().endsWith('.png') ? name : `${name}.png`;
  const target = files.newTempPath(fileName);
  fs.writeFileSync(target, bytes);
  return files.adoptTemp(target, fileName);
}
