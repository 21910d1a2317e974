// The matrix tables the generic edit path may write: marks, statuses (also villages' recognition year)
// and indicator values. Imported once by the matrix handlers.
import { registerEditableTable } from '../edits/registry';

const LEVELS = ['ntm', 'nang_cao', 'kieu_mau'] as const;

registerEditableTable({
  name: 'criterion_mark',
  keyColumns: ['unit_id', 'criterion_id', 'year', 'kind'],
  columns: {
    met: { type: 'boolean', nullable: false, defaultValue: false },
    met_year: { type: 'integer', nullable: true },
  },
});

registerEditableTable({
  name: 'unit_status',
  keyColumns: ['unit_id', 'year', 'kind'],
  columns: {
    level: { type: 'text', nullable: true, values: LEVELS },
    recognised_year: { type: 'integer', nullable: true },
    planned_count: { type: 'integer', nullable: true },
    note: { type: 'text', nullable: false, defaultValue: '' },
  },
});

registerEditableTable({
  name: 'indicator_value',
  keyColumns: ['unit_id', 'indicator_id', 'year', 'kind'],
  columns: {
    value: { type: 'real', nullable: true },
    text: { type: 'text', nullable: true },
  },
});
