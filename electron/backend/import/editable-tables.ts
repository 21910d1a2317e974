// Tables an import writes besides the matrix and funding ones (registered by their own modules):
// the communes a form introduces and the plan a resources or project form needs. Registered only when
// no other module has, so a fuller registration elsewhere wins.
import '../funding/editable-tables';
import '../matrix/editable-tables';
import { editableTable, registerEditableTable } from '../edits/registry';

if (!editableTable('unit')) {
  registerEditableTable({
    name: 'unit',
    keyColumns: ['id'],
    columns: {
      kind: { type: 'text', nullable: false, values: ['province', 'district', 'commune', 'village'] },
      name: { type: 'text', nullable: false },
      parent_id: { type: 'integer', nullable: true },
      code: { type: 'text', nullable: true },
      merged_into_id: { type: 'integer', nullable: true },
      ord: { type: 'integer', nullable: false, defaultValue: 0 },
    },
  });
}

if (!editableTable('plan')) {
  registerEditableTable({
    name: 'plan',
    keyColumns: ['id'],
    columns: {
      name: { type: 'text', nullable: false },
      level: { type: 'text', nullable: false, values: ['district', 'commune'] },
      unit_id: { type: 'integer', nullable: true },
      year_start: { type: 'integer', nullable: false },
      year_end: { type: 'integer', nullable: false },
      criteria_set_id: { type: 'text', nullable: false },
      issuer: { type: 'text', nullable: false, defaultValue: '' },
      doc_number: { type: 'text', nullable: false, defaultValue: '' },
      doc_date: { type: 'text', nullable: true },
      signer: { type: 'text', nullable: false, defaultValue: '' },
      signer_title: { type: 'text', nullable: false, defaultValue: '' },
    },
  });
}
