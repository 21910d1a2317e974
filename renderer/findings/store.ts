// Findings of the open plan, kept current as the user types: a full run when the plan loads, then the
// shared rules engine re-checks, in the renderer, only what each acknowledged edit, undo or redo touches.
import { create } from 'zustand';
import type { Change } from '../../shared/api/edits';
import type { Finding, FindingTarget } from '../../shared/api/validation';
import { Validator } from '../../shared/rules/engine';
import { RULES } from '../../shared/rules/rules';
import { TABLE_KEYS, isRuleTable } from '../../shared/rules/schema';
import { call, errorText, whenQuiet } from '../api';
import { subscribeEdits } from '../store/edits';

export interface FindingsState {
  planId: number | null;
  findings: Finding[];
  /** Bumps whenever the findings change (grids repaint their marks on it). */
  version: number;
  loading: boolean;
  error: string | null;
  panelOpen: boolean;
  /** The cell the user asked to go to from the panel; `seq` tells two clicks on the same cell apart. */
  focus: { target: FindingTarget; seq: number } | null;
}

export const useFindings = create<FindingsState>(() => ({ planId: null, findings: [], version: 0, loading: false, error: null, panelOpen: false, focus: null }));

let validator: Validator | null = null;
let loadSeq = 0;

/** Load the plan's tables and validate them in full (on plan load, and when an edit cannot be followed). */
export async function loadFindings(planId: number | null): Promise<void> {
  const seq = ++loadSeq;
  if (planId === null) {
    validator = null;
    publish({ planId: null, findings: [], loading: false, error: null });
    return;
  }
  useFindings.setState({ planId, loading: true });
  try {
    await whenQuiet();
    if (seq !== loadSeq) return;
    const data = await call('validation.data', { planId });
    if (seq !== loadSeq) return;
    validator = new Validator(RULES, data.plan, data.tables);
    // The loaded tables already hold every change acknowledged before them.
    pending = [];
    publish({ planId, findings: validator.runAll(), loading: false, error: null });
  } catch (error) {
    if (seq !== loadSeq) return;
    validator = null;
    publish({ planId, findings: [], loading: false, error: errorText(error) });
  }
}

function publish(state: Partial<FindingsState>): void {
  useFindings.setState((s) => ({ ...state, version: s.version + 1 }));
}

/** An insert whose key the backend assigns (a new project) cannot be placed in the dataset: reload. */
const followable = (change: Change) => change.op !== 'insert' || !isRuleTable(change.table) || TABLE_KEYS[change.table].every((k) => change.row[k] !== undefined);

let pending: Change[] = [];
let flushQueued = false;

/**
 * Acknowledged changes are re-checked once the grids have painted them and the requests that followed
 * are answered: a 60,000-cell paste shows its figures first and its marks a moment later, instead of
 * waiting behind the rules.
 */
function onEdits(changes: Change[]): void {
  if (!validator) return;
  for (const change of changes) pending.push(change);
  if (flushQueued) return;
  flushQueued = true;
  void whenQuiet().then(recheckPending);
}

function recheckPending(): void {
  flushQueued = false;
  const changes = pending;
  pending = [];
  if (!validator || changes.length === 0) return;
  if (!changes.every(followable)) {
    void loadFindings(useFindings.getState().planId);
    return;
  }
  if (validator.applyChanges(changes)) publish({ findings: [...validator.findings()] });
}

subscribeEdits(onEdits);

export function togglePanel(open?: boolean): void {
  useFindings.setState((s) => ({ panelOpen: open ?? !s.panelOpen }));
}

let focusSeq = 0;
export function focusFinding(finding: Finding): void {
  if (finding.target) useFindings.setState({ focus: { target: finding.target, seq: ++focusSeq } });
}
