// The funding tables the generic edit path may write. Imported once by the funding handlers, so the
// renderer's grids and the importer write them through applyChanges (one undo step per action).
import { PROJECT_PHASES, SOURCE_ROLES } from '../../../shared/domain/funding';
import { registerEditableTable, type ColumnSpec } from '../edits/registry';

const amount: ColumnSpec = { type: 'real', nullable: true };
const text: ColumnSpec = { type: 'text', nullable: false, defaultValue: '' };
const ref: ColumnSpec = { type: 'integer', nullable: false };
const optionalRef: ColumnSpec = { type: 'integer', nullable: true };
const ord: ColumnSpec = { type: 'integer', nullable: false, defaultValue: 0 };

registerEditableTable({
  name: 'capital_source',
  keyColumns: ['id'],
  columns: {
    parent_id: optionalRef,
    code: text,
    label: { type: 'text', nullable: false },
    role: { type: 'text', nullable: true, values: SOURCE_ROLES },
    ord,
  },
});

registerEditableTable({
  name: 'resource_amount',
  keyColumns: ['plan_id', 'year', 'source_id'],
  columns: { amount, investment: amount, typed_total: amount, note: text },
});

registerEditableTable({
  name: 'allocation',
  keyColumns: ['plan_id', 'year', 'source_id', 'unit_id'],
  columns: { amount },
});

registerEditableTable({
  name: 'project',
  keyColumns: ['id'],
  columns: {
    plan_id: ref,
    year: ref,
    source_id: ref,
    phase: { type: 'text', nullable: false, values: PROJECT_PHASES },
    name: text,
    unit_id: optionalRef,
    period: text,
    total_investment: amount,
    allocated_before: amount,
    plan_amount: amount,
    note: text,
    ord,
  },
});

registerEditableTable({
  name: 'recurrent_content',
  keyColumns: ['id'],
  columns: { plan_id: ref, parent_id: optionalRef, code: text, label: text, ord },
});

registerEditableTable({
  name: 'recurrent_amount',
  keyColumns: ['content_id', 'unit_id'],
  columns: { amount },
});

registerEditableTable({
  name: 'target_indicator',
  keyColumns: ['id'],
  columns: { plan_id: ref, unit_id: optionalRef, code: text, label: text, unit: text, value_prev: amount, target: amount, ord },
});

registerEditableTable({
  name: 'recognition_target',
  keyColumns: ['plan_id', 'unit_id', 'year', 'level'],
  columns: {},
});

registerEditableTable({
  name: 'model_site',
  keyColumns: ['id'],
  columns: {
    plan_id: ref,
    unit_id: optionalRef,
    scope: { type: 'text', nullable: false, values: ['commune', 'village'] },
    content: text,
    ord,
  },
});
