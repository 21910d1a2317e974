// Entry of a parsing worker thread. It receives one file at a time and answers with the plain workbook
// model or a user-facing error; the parent gives the thread a heap limit and kills it on timeout.
// The legacy .xls worker loads SheetJS first and then freezes the built-in prototypes, so a crafted file
// cannot pollute them (SheetJS has published advisories of that kind). The .xlsx reader keys nothing by file
// content, and frozen prototypes would slow it down threefold, so its worker is left as it is.
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../errors';
import type { ImportLimits } from './limits';
import { readXls } from './read-xls';
import { readXlsx } from './read-xlsx';
import type { ParsedWorkbook } from './workbook-model';
import { packWorkbook, type PackedWorkbook } from './workbook-transfer';

export interface ParseRequest {
  id: number;
  format: 'xlsx' | 'xls';
  bytes: Uint8Array;
  defaultFont: string | null;
  limits: ImportLimits;
}

export type ParseResponse =
  | { id: number; ok: true; workbook: PackedWorkbook }
  | { id: number; ok: false; code: string; params: Record<string, string | number>; detail?: string };

// Both readers are loaded (above) before the prototypes are frozen.
const format = (workerData as { format: 'xlsx' | 'xls' } | null)?.format;
if (format === 'xls') {
  for (const proto of [Object.prototype, Array.prototype, Function.prototype, String.prototype, Number.prototype, Boolean.prototype, RegExp.prototype, Date.prototype]) {
    Object.freeze(proto);
  }
}

const port = parentPort;
if (port) {
  port.on('message', (request: ParseRequest) => {
    const response = parse(request);
    if (!response.ok) port.postMessage(response);
    else {
      const { packed, transfer } = packWorkbook(response.workbook);
      port.postMessage({ ...response, workbook: packed } satisfies ParseResponse, transfer);
    }
  });
}

function parse(request: ParseRequest): { id: number; ok: true; workbook: ParsedWorkbook } | Extract<ParseResponse, { ok: false }> {
  try {
    const workbook = format === 'xls' ? readXls(request.bytes, request.limits) : readXlsx(request.bytes, request.defaultFont, request.limits);
    return { id: request.id, ok: true, workbook };
  } catch (error) {
    if (error instanceof AppError) return { id: request.id, ok: false, code: error.code, params: error.params };
    return { id: request.id, ok: false, code: 'import.corrupt', params: {}, detail: error instanceof Error ? error.message : String(error) };
  }
}
