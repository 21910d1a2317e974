import { create } from 'zustand';
import type { Args } from '../../shared/contract';
import type { CriteriaSet, DocumentInfo, Plan } from '../../shared/model';
import { call, errorText } from '../api';

export type ViewId = 'documents' | 'units' | 'matrix' | 'dashboard' | 'funding' | 'export' | 'import' | 'print';

/** Rows the matrix should bring forward, set when a dashboard bar is clicked. */
export interface MatrixFocus {
  side: 'actual' | 'planned';
  unitIds: number[];
  /** Names of those units, for the note above the grid. */
  unitNames: string[];
  criterionNo?: number;
  /** What the rows have in common, shown above the grid ("Xã đạt tiêu chí số 11"). */
  label: string;
}

interface Status {
  kind: 'idle' | 'busy' | 'saved' | 'error';
  text: string;
}

interface AppState {
  document: DocumentInfo | null;
  dataDir: string;
  plans: Plan[];
  sets: CriteriaSet[];
  planId: number | null;
  view: ViewId;
  matrixFocus: MatrixFocus | null;
  status: Status;
  /** Reload everything that depends on the open document. */
  refresh(): Promise<void>;
  openDocument(path: string): Promise<void>;
  createDocument(name: string): Promise<void>;
  createPlan(input: Args<'plans.create'>): Promise<void>;
  selectPlan(id: number | null): void;
  setView(view: ViewId): void;
  /** Open the matrix on the given rows (null clears the focus). */
  focusMatrix(focus: MatrixFocus | null): void;
  setStatus(status: Status): void;
  /** Run an action, reporting failure in the status bar; returns false when it failed. */
  run(action: () => Promise<unknown>): Promise<boolean>;
}

const PLAN_KEY = 'ntm.planId';

export const useApp = create<AppState>((set, get) => ({
  document: null,
  dataDir: '',
  plans: [],
  sets: [],
  planId: null,
  view: 'documents',
  matrixFocus: null,
  status: { kind: 'idle', text: '' },

  refresh: async () => {
    const info = await call('app.info', {});
    if (!info.document) {
      set({ document: null, dataDir: info.dataDir, plans: [], sets: [], planId: null, view: 'documents' });
      return;
    }
    const [plans, sets] = await Promise.all([call('plans.list', {}), call('criteria.sets', {})]);
    const remembered = Number(localStorage.getItem(PLAN_KEY));
    const current = get().planId ?? remembered;
    const planId = plans.some((p) => p.id === current) ? current : (plans[0]?.id ?? null);
    set({ document: info.document, dataDir: info.dataDir, plans, sets, planId });
  },
  openDocument: async (path) => {
    await get().run(async () => {
      await call('doc.open', { path });
      set({ planId: null });
      await get().refresh();
      set({ view: firstView(get().plans) });
    });
  },
  createDocument: async (name) => {
    await get().run(async () => {
      await call('doc.create', { name });
      set({ planId: null });
      await get().refresh();
      set({ view: firstView(get().plans) });
    });
  },
  createPlan: async (input) => {
    await get().run(async () => {
      const plan = await call('plans.create', input);
      await get().refresh();
      get().selectPlan(plan.id);
    });
  },
  selectPlan: (id) => {
    if (id !== null) localStorage.setItem(PLAN_KEY, String(id));
    set({ planId: id });
  },
  setView: (view) => set({ view, matrixFocus: null }),
  focusMatrix: (focus) => set(focus ? { matrixFocus: focus, view: 'matrix' } : { matrixFocus: null }),
  setStatus: (status) => set({ status }),
  run: async (action) => {
    try {
      await action();
      return true;
    } catch (error) {
      set({ status: { kind: 'error', text: errorText(error) } });
      return false;
    }
  },
}));

/** The first screen after opening a document: its dashboard, or the units view where the first plan is made. */
export function firstView(plans: readonly Plan[]): ViewId {
  return plans.length > 0 ? 'dashboard' : 'units';
}

export function useCurrentPlan(): Plan | null {
  return useApp((s) => s.plans.find((p) => p.id === s.planId) ?? null);
}
