import { useState } from 'react';
import { Field } from '../components/Field';
import { useT } from '../i18n';
import { useApp } from '../store/app';

export function PlansPanel() {
  const t = useT();
  const { plans, sets, planId, selectPlan, createPlan, setView } = useApp();
  const thisYear = new Date().getFullYear();
  const [name, setName] = useState('');
  const [year, setYear] = useState(thisYear);
  const [setId, setSetId] = useState('');
  const chosenSet = setId || sets.find((s) => year >= s.periodStart && year <= s.periodEnd)?.id || sets[0]?.id || '';

  return (
    <section className="card">
      <h2>{t('plan.title')}</h2>
      {plans.length === 0 ? (
        <p className="muted">{t('plan.none')}</p>
      ) : (
        <ul className="plan-list">
          {plans.map((p) => (
            <li key={p.id} className={p.id === planId ? 'selected' : ''}>
              <button
                className="link"
                onClick={() => {
                  selectPlan(p.id);
                  setView('matrix');
                }}
              >
                {p.name}
              </button>{' '}
              <span className="muted">
                {p.yearStart === p.yearEnd ? p.yearStart : `${p.yearStart}-${p.yearEnd}`} · {sets.find((s) => s.id === p.criteriaSetId)?.period}
              </span>
            </li>
          ))}
        </ul>
      )}
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          if (!name.trim() || !chosenSet) return;
          void createPlan({ name: name.trim(), level: 'district', yearStart: year, yearEnd: year, criteriaSetId: chosenSet });
          setName('');
        }}
      >
        <Field label={t('plan.name')}>
          <input value={name} onChange={(e) => setName(e.target.value)} aria-label={t('plan.name')} size={40} />
        </Field>
        <Field label={t('plan.yearStart')}>
          <input type="number" value={year} min={1990} max={2100} onChange={(e) => setYear(Number(e.target.value))} aria-label={t('plan.yearStart')} />
        </Field>
        <Field label={t('plan.criteriaSet')}>
          <select value={chosenSet} onChange={(e) => setSetId(e.target.value)} aria-label={t('plan.criteriaSet')}>
            {sets.map((s) => (
              <option key={s.id} value={s.id}>
                {s.period} · {s.criteria.length} tiêu chí
              </option>
            ))}
          </select>
        </Field>
        <button type="submit">{t('plan.create')}</button>
      </form>
    </section>
  );
}
