import './dashboard.css';
import { useT } from '../../i18n';
import { useApp } from '../../store/app';

/** Above the matrix after a dashboard bar was clicked: which communes the bar stands for. */
export function MatrixFocusBar() {
  const t = useT();
  const focus = useApp((s) => s.matrixFocus);
  const focusMatrix = useApp((s) => s.focusMatrix);
  if (!focus) return null;
  return (
    <div className="matrix-focus" role="note" data-testid="matrix-focus" data-unit-ids={focus.unitIds.join(',')}>
      <span>{t('dashboard.focus.showing', { label: focus.label, count: focus.unitIds.length })}</span>
      <strong>{focus.unitNames.join(', ')}</strong>
      <button className="link" onClick={() => focusMatrix(null)}>
        {t('dashboard.focus.clear')}
      </button>
    </div>
  );
}
