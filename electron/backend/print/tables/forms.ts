import type { PrintTable } from '../../../../shared/api/print';

/** The "Biểu số" each table prints under unless the user types another; the CLI accepts either. */
export const FORM_NUMBERS: Record<PrintTable, string> = {
  criteria: '01',
  targets: '02',
  resources: '04',
  projects: '05',
  recurrent: '07',
  indicators: '08',
  'model-sites': '09',
};
