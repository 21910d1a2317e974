import { useCallback, useEffect, useState } from 'react';
import type { ExportableForm, ExportLayout, ExportResult } from '../../../shared/api/export';
import { isMessageKey } from '../../../shared/i18n';
import type { Unit } from '../../../shared/model';
import { call } from '../../api';
import { useT } from '../../i18n';
import { useApp, useCurrentPlan } from '../../store/app';

/** Export the plan's forms: into the province's own workbook when it was imported, or from the built-in layouts. */
export function ExportView() {
  const t = useT();
  const plan = useCurrentPlan();
  const run = useApp((s) => s.run);
  const [forms, setForms] = useState<ExportableForm[]>([]);
  const [communes, setCommunes] = useState<Unit[]>([]);

  const reload = useCallback(
    () =>
      plan
        ? run(async () => {
            setForms(await call('export.forms', { planId: plan.id }));
            setCommunes(await call('units.list', { kind: 'commune' }));
          })
        : Promise.resolve(true),
    [plan, run],
  );
  useEffect(() => void reload(), [reload]);

  if (!plan) return <p className="page muted">{t('export.noPlan')}</p>;
  return (
    <div className="page export">
      <h2>{t('export.title')}</h2>
      <table className="export-forms">
        <thead>
          <tr>
            <th>{t('export.form')}</th>
            <th>{t('export.layout')}</th>
            <th>{t('export.unit')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {forms.map((form) => (
            <FormRow key={form.form} form={form} planId={plan.id} communes={communes} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function FormRow({ form, planId, communes }: { form: ExportableForm; planId: number; communes: Unit[] }) {
  const t = useT();
  const run = useApp((s) => s.run);
  const setStatus = useApp((s) => s.setStatus);
  const [layout, setLayout] = useState<ExportLayout>(form.original ? 'auto' : 'builtin');
  const [unitId, setUnitId] = useState<number | null>(null);
  const key = `export.form.${form.form}`;
  const label = isMessageKey(key) ? t(key) : form.form;

  const report = (result: ExportResult) => {
    const source = result.original
      ? t('export.source.original', { file: result.original.fileName, count: result.original.changedCells })
      : t('export.source.builtin');
    const findings = result.findings.length > 0 ? ` ${t('export.findings', { count: result.findings.length })}` : '';
    const left = result.original && result.original.notInForm > 0 ? ` ${t('export.notInForm', { count: result.original.notInForm })}` : '';
    setStatus({ kind: 'saved', text: `${t('export.done', { name: result.file.name })} ${source}${left}${findings}` });
  };

  const exportOne = () =>
    run(async () => {
      const result = await call('export.run', { form: form.form, planId, unitId, layout: unitId === null ? layout : 'builtin' });
      await window.ntm.saveFile(result.file);
      report(result);
    });

  const exportEach = () =>
    run(async () => {
      const { files, archive, findings } = await call('export.batch', { form: form.form, planId });
      // One .zip to save, not one save dialog per commune.
      await window.ntm.saveFile(archive);
      const note = findings.length > 0 ? ` ${t('export.findings', { count: findings.length })}` : '';
      setStatus({ kind: 'saved', text: `${t('export.doneBatch', { count: files.length })}${note}` });
    });

  return (
    <tr data-form={form.form}>
      <td>
        <strong>{label}</strong>
        {form.original && <div className="muted">{form.original.fileName}</div>}
      </td>
      <td>
        <select aria-label={`${t('export.layout')} ${label}`} value={layout} disabled={unitId !== null} onChange={(e) => setLayout(e.target.value as ExportLayout)}>
          {form.original && <option value="auto">{t('export.layout.auto')}</option>}
          {form.original && <option value="original">{t('export.layout.original')}</option>}
          {form.builtIn && <option value="builtin">{t('export.layout.builtin')}</option>}
        </select>
      </td>
      <td>
        {form.perCommune && (
          <select aria-label={`${t('export.unit')} ${label}`} value={unitId ?? ''} onChange={(e) => setUnitId(e.target.value ? Number(e.target.value) : null)}>
            <option value="">{t('export.allCommunes')}</option>
            {communes.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        )}
      </td>
      <td className="actions">
        <button onClick={() => void exportOne()}>{t('export.run')}</button>
        {form.perCommune && (
          <button onClick={() => void exportEach()}>{t('export.batch')}</button>
        )}
      </td>
    </tr>
  );
}
