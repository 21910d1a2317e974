// The cross-table checks of the funding tables: the rules engine's findings for them (the same ones the
// findings panel lists and the grids mark), as a list above the tables.
import { useMemo } from 'react';
import type { Finding } from '../../../shared/api/validation';
import { useFindings } from '../../findings/store';
import { useT } from '../../i18n';

/** The funding tables' findings of the plan year. */
export interface FundingChecks {
  list: Finding[];
}

/** Tables of the funding screen; amounts of resources and allocation are keyed (plan, year, ...). */
const FUNDING_TABLES = new Set(['resource_amount', 'allocation', 'project', 'recurrent_amount', 'recurrent_content']);
const BY_YEAR = new Set(['resource_amount', 'allocation']);

export function useFundingChecks(planId: number, year: number | undefined): FundingChecks {
  const findings = useFindings((s) => s.findings);
  const loadedPlan = useFindings((s) => s.planId);
  return useMemo(() => {
    if (loadedPlan !== planId) return { list: [] };
    const list = findings.filter((f) => f.target && FUNDING_TABLES.has(f.target.table) && (!BY_YEAR.has(f.target.table) || year === undefined || f.target.key[1] === year));
    return { list };
  }, [findings, loadedPlan, planId, year]);
}

export function ChecksList({ checks }: { checks: FundingChecks }) {
  const t = useT();
  return (
    <div className={`funding-checks ${checks.list.length > 0 ? 'has-errors' : ''}`} data-testid="funding-checks" aria-live="polite">
      <strong>{t('funding.checks.title')}: </strong>
      {checks.list.length === 0 ? (
        <span>{t('funding.checks.none')}</span>
      ) : (
        <ul>
          {checks.list.map(({ message, rule, target }) => (
            <li key={`${rule}|${JSON.stringify(target)}|${message}`}>{message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
