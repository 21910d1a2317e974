import { useMemo } from 'react';
import { useT } from '../../i18n';
import type { MatrixModel } from './matrix-model';

/** One line naming which commune is planned to reach which criteria. */
export function PlanGains({ model, version }: { model: MatrixModel; version: number }) {
  const t = useT();
  const text = useMemo(() => {
    const noById = new Map(model.set.criteria.map((c) => [c.id, c.no]));
    const byUnit = new Map<number, number[]>();
    for (const [key, diff] of model.differences()) {
      if (diff !== 'gain') continue;
      const [unitId, criterionId] = key.split(':').map(Number) as [number, number];
      byUnit.set(unitId, [...(byUnit.get(unitId) ?? []), noById.get(criterionId) ?? 0]);
    }
    const parts = model.communes
      .filter((c) => byUnit.has(c.id))
      .map((c) => t('mx.gainOne', { commune: c.name, criteria: (byUnit.get(c.id) ?? []).sort((a, b) => a - b).join(', ') }));
    return parts.length === 0 ? t('mx.gainsNone') : t('mx.gains', { list: parts.join('; ') });
  }, [model, version, t]); // version: the model changes in place
  return (
    <p className="matrix-gains" data-testid="plan-gains">
      {text}
    </p>
  );
}
