// The cross-table checks of the plan year, as cell marks for the funding grids and a list above them.
import { useMemo } from 'react';
import type { FundingCheck } from '../../../shared/api/funding';
import type { MessageParams } from '../../../shared/i18n';
import type { CellFinding } from '../../grid/excel';
import { useT } from '../../i18n';
import { amountText, useFundingQuery } from './data';

export interface FundingChecks {
  list: { check: FundingCheck; message: string }[];
  /** The mark of a resources cell, by source id and field (amount, investment, typed_total). */
  at(sourceId: number, field: string): CellFinding | null;
  /** Bumps when the checks change, so grids repaint their marks. */
  version: number;
}

export function useFundingChecks(planId: number, year: number | undefined): FundingChecks {
  const t = useT();
  const { data } = useFundingQuery('funding.checks', { planId, year });
  return useMemo(() => {
    const list = (data ?? []).map((check) => {
      const params: MessageParams = { label: check.label, expected: amountText(check.expected) || '0', actual: amountText(check.actual) || '0' };
      return { check, message: t(`funding.check.${check.kind}`, params) };
    });
    const byCell = new Map<string, string[]>();
    for (const { check, message } of list) {
      const k = `${check.sourceId}|${check.field}`;
      byCell.set(k, [...(byCell.get(k) ?? []), message]);
    }
    return {
      list,
      at: (sourceId, field) => {
        const messages = byCell.get(`${sourceId}|${field}`);
        return messages ? { severity: 'error', message: messages.join('\n') } : null;
      },
      version: hash(list.map((l) => l.message).join('\n')),
    };
  }, [data, t]);
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
          {checks.list.map(({ message }) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function hash(text: string): number {
  let h = 5381;
  for (let i = 0; i < text.length; i++) h = ((h << 5) + h + text.charCodeAt(i)) | 0;
  return h;
}
