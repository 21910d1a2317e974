// Derived figures of the funding tables (Biểu 04, 05, 07 and the allocation by commune), shared by the
// grids, the backend summary and the cross-table rules. Amounts are million VND; null means "empty".
//
// Resources: a row without parts (a leaf, or a parent whose children are all empty) shows its own
// `amount`/`investment`; a row with parts shows the sum of its children. A figure stated for a row that
// has parts — its own amount entered before the breakdown, or `typed_total` taken from a source
// document — is kept and compared with the parts, never overwritten.

export const SOURCE_ROLES = [
  'total',
  'central',
  'central_investment',
  'central_recurrent',
  'local',
  'local_province',
  'local_district',
  'local_commune',
  'integrated',
  'integrated_poverty',
  'integrated_ethnic',
  'integrated_other',
  'credit',
  'enterprise',
  'community',
  'community_cash',
  'community_inkind',
] as const;
export type SourceRole = (typeof SOURCE_ROLES)[number];

export interface SourceLike {
  id: number;
  parentId: number | null;
  code: string;
  label: string;
  role: string | null;
  ord: number;
}

export interface SourceNode<S extends SourceLike = SourceLike> {
  source: S;
  depth: number;
  /** Unique code along the path, without the root: "I", "I.1", "III.2". */
  path: string;
  childIds: number[];
}

/** Sum that ignores empty cells and is null when every cell is empty; rounded so 0.1 + 0.2 is 0.3. */
export function sumAmounts(values: Iterable<number | null | undefined>): number | null {
  let total: number | null = null;
  for (const v of values) if (v !== null && v !== undefined) total = (total ?? 0) + v;
  return total === null ? null : roundAmount(total);
}

export function roundAmount(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** The tree in display order (depth first, by ord), with depth and path codes. */
export function sourceTree<S extends SourceLike>(sources: readonly S[]): SourceNode<S>[] {
  const byParent = new Map<number | null, S[]>();
  const ids = new Set(sources.map((s) => s.id));
  for (const s of sources) {
    const parent = s.parentId !== null && ids.has(s.parentId) ? s.parentId : null;
    const list = byParent.get(parent) ?? [];
    list.push(s);
    byParent.set(parent, list);
  }
  for (const list of byParent.values()) list.sort((a, b) => a.ord - b.ord || a.id - b.id);
  const out: SourceNode<S>[] = [];
  const visit = (s: S, depth: number, parentPath: string | null) => {
    const path = parentPath === null ? '' : parentPath === '' ? s.code : `${parentPath}.${s.code}`;
    const children = byParent.get(s.id) ?? [];
    out.push({ source: s, depth, path, childIds: children.map((c) => c.id) });
    for (const c of children) visit(c, depth + 1, path);
  };
  // A root with the 'total' role stands for the whole; other top-level sources sit at depth 0.
  for (const top of byParent.get(null) ?? []) {
    if (top.role === 'total') visit(top, 0, null);
    else visit(top, 0, '');
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Resources (Biểu 04)

export interface ResourceEntry {
  sourceId: number;
  amount: number | null;
  investment: number | null;
  typedTotal: number | null;
  note: string;
}

export type ResourceField = 'amount' | 'investment';

export interface ResourceLine<S extends SourceLike = SourceLike> extends SourceNode<S> {
  entry: ResourceEntry | null;
  amount: number | null;
  investment: number | null;
  /** Whether the figure is the sum of the children (read-only) rather than the row's own entry. */
  fromParts: Record<ResourceField, boolean>;
}

export function resourceLines<S extends SourceLike>(nodes: readonly SourceNode<S>[], entries: readonly ResourceEntry[]): ResourceLine<S>[] {
  const bySource = new Map(entries.map((e) => [e.sourceId, e]));
  const byId = new Map(nodes.map((n) => [n.source.id, n]));
  const done = new Map<number, ResourceLine<S>>();
  const compute = (node: SourceNode<S>): ResourceLine<S> => {
    const cached = done.get(node.source.id);
    if (cached) return cached;
    const entry = bySource.get(node.source.id) ?? null;
    const children = node.childIds.map((id) => compute(byId.get(id) as SourceNode<S>));
    const field = (f: ResourceField): [number | null, boolean] => {
      const parts = sumAmounts(children.map((c) => c[f]));
      return parts === null ? [entry?.[f] ?? null, false] : [parts, true];
    };
    const [amount, amountFromParts] = field('amount');
    const [investment, investmentFromParts] = field('investment');
    const line: ResourceLine<S> = { ...node, entry, amount, investment, fromParts: { amount: amountFromParts, investment: investmentFromParts } };
    done.set(node.source.id, line);
    return line;
  };
  return nodes.map(compute);
}

// ---------------------------------------------------------------------------------------------------
// Investment projects (Biểu 05)

export const PROJECT_PHASES = ['continuing', 'new'] as const;
export type ProjectPhase = (typeof PROJECT_PHASES)[number];

export interface ProjectLike {
  id: number;
  sourceId: number;
  phase: ProjectPhase;
  totalInvestment: number | null;
  allocatedBefore: number | null;
  planAmount: number | null;
  ord: number;
}

export interface ProjectTotals {
  count: number;
  totalInvestment: number | null;
  allocatedBefore: number | null;
  planAmount: number | null;
}

export interface ProjectSection<S extends SourceLike, P extends ProjectLike> {
  node: SourceNode<S>;
  totals: ProjectTotals;
  phases: { phase: ProjectPhase; projects: P[]; totals: ProjectTotals }[];
}

export function projectTotals(projects: readonly ProjectLike[]): ProjectTotals {
  return {
    count: projects.length,
    totalInvestment: sumAmounts(projects.map((p) => p.totalInvestment)),
    allocatedBefore: sumAmounts(projects.map((p) => p.allocatedBefore)),
    planAmount: sumAmounts(projects.map((p) => p.planAmount)),
  };
}

/** Sections by capital source (in tree order), each split into continuing then new projects. */
export function projectSections<S extends SourceLike, P extends ProjectLike>(nodes: readonly SourceNode<S>[], projects: readonly P[]): ProjectSection<S, P>[] {
  const bySource = new Map<number, P[]>();
  for (const p of projects) bySource.set(p.sourceId, [...(bySource.get(p.sourceId) ?? []), p]);
  const out: ProjectSection<S, P>[] = [];
  for (const node of nodes) {
    const list = bySource.get(node.source.id);
    if (!list) continue;
    const phases = PROJECT_PHASES.map((phase) => {
      const inPhase = list.filter((p) => p.phase === phase).sort((a, b) => a.ord - b.ord || a.id - b.id);
      return { phase, projects: inPhase, totals: projectTotals(inPhase) };
    });
    out.push({ node, totals: projectTotals(list), phases });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Amount grids: recurrent capital by content × commune (Biểu 07), allocation by source × commune.

export interface TreeRowLike {
  id: number;
  parentId: number | null;
}

/**
 * An amount grid whose rows form a tree (contents or sources) and whose columns are units. Leaf cells
 * are entered; a parent cell is the sum of its children's cells, or its own entry when they are all
 * empty. Row totals, column totals and the grand total are kept up to date cell by cell, so an edit
 * costs the depth of the tree, not the size of the grid.
 */
export class AmountGrid {
  /** Per row: what the user entered, and the figure shown, by unit. */
  private readonly own = new Map<number, Map<number, number>>();
  private readonly cells = new Map<number, Map<number, number>>();
  private readonly rowTotals = new Map<number, Tally>();
  private readonly colTotals = new Map<number, Tally>();
  private readonly parentOf = new Map<number, number | null>();
  private readonly childrenOf = new Map<number, number[]>();
  private readonly roots: number[] = [];

  constructor(rows: readonly TreeRowLike[], entries: Iterable<{ rowId: number; unitId: number; amount: number | null }> = []) {
    const ids = new Set(rows.map((r) => r.id));
    for (const r of rows) {
      this.parentOf.set(r.id, r.parentId !== null && ids.has(r.parentId) ? r.parentId : null);
      this.childrenOf.set(r.id, []);
      this.own.set(r.id, new Map());
      this.cells.set(r.id, new Map());
    }
    for (const r of rows) {
      const parent = this.parentOf.get(r.id) ?? null;
      if (parent === null) this.roots.push(r.id);
      else this.childrenOf.get(parent)?.push(r.id);
    }
    for (const e of entries) if (e.amount !== null) this.own.get(e.rowId)?.set(e.unitId, e.amount);
    // Children before parents: each parent sums maps that are already complete.
    for (const rowId of this.postOrder()) {
      const cells = this.cells.get(rowId) as Map<number, number>;
      const children = this.childrenOf.get(rowId) ?? [];
      for (const child of children) for (const [unit, v] of this.cells.get(child) as Map<number, number>) cells.set(unit, (cells.get(unit) ?? 0) + v);
      for (const [unit, v] of cells) cells.set(unit, roundAmount(v));
      for (const [unit, v] of this.own.get(rowId) as Map<number, number>) if (!cells.has(unit)) cells.set(unit, v);
      for (const [unit, v] of cells) {
        adjust(this.rowTotals, rowId, null, v);
        if (this.parentOf.get(rowId) === null) adjust(this.colTotals, unit, null, v);
      }
    }
  }

  /** The figure shown in a cell (own entry or sum of children), null when empty. */
  cell(rowId: number, unitId: number): number | null {
    return this.cells.get(rowId)?.get(unitId) ?? null;
  }

  /** The row's own entry (what the user typed), null when empty. */
  entry(rowId: number, unitId: number): number | null {
    return this.own.get(rowId)?.get(unitId) ?? null;
  }

  /** Whether the cell is computed from the rows below (so it is not entered directly). */
  fromParts(rowId: number, unitId: number): boolean {
    return (this.childrenOf.get(rowId) ?? []).some((c) => this.cells.get(c)?.has(unitId));
  }

  isParent(rowId: number): boolean {
    return (this.childrenOf.get(rowId)?.length ?? 0) > 0;
  }

  rowTotal(rowId: number): number | null {
    return tallyValue(this.rowTotals.get(rowId));
  }

  /** Total of a unit column: the sum of the top-level rows. */
  columnTotal(unitId: number): number | null {
    return tallyValue(this.colTotals.get(unitId));
  }

  grandTotal(): number | null {
    return sumAmounts(this.roots.map((r) => this.rowTotal(r)));
  }

  /** Set one entry; returns the rows whose cell in this unit changed (the row and its ancestors). */
  set(rowId: number, unitId: number, amount: number | null): number[] {
    const own = this.own.get(rowId);
    if (!own) return [];
    if (amount === null) own.delete(unitId);
    else own.set(unitId, amount);
    const changed: number[] = [];
    let current: number | null = rowId;
    while (current !== null) {
      const cells = this.cells.get(current) as Map<number, number>;
      const before = cells.get(unitId) ?? null;
      const after = this.computeCell(current, unitId);
      if (before === after) break;
      if (after === null) cells.delete(unitId);
      else cells.set(unitId, after);
      adjust(this.rowTotals, current, before, after);
      if (this.parentOf.get(current) === null) adjust(this.colTotals, unitId, before, after);
      changed.push(current);
      current = this.parentOf.get(current) ?? null;
    }
    return changed;
  }

  private computeCell(rowId: number, unitId: number): number | null {
    const parts = sumAmounts((this.childrenOf.get(rowId) ?? []).map((c) => this.cells.get(c)?.get(unitId)));
    return parts ?? this.own.get(rowId)?.get(unitId) ?? null;
  }

  private postOrder(): number[] {
    const out: number[] = [];
    const visit = (id: number) => {
      for (const child of this.childrenOf.get(id) ?? []) visit(child);
      out.push(id);
    };
    for (const root of this.roots) visit(root);
    return out;
  }
}

/** A running sum with the number of filled cells in it, so a total of only empty cells reads empty. */
interface Tally {
  sum: number;
  filled: number;
}

function adjust(map: Map<number, Tally>, id: number, before: number | null, after: number | null): void {
  let tally = map.get(id);
  if (!tally) map.set(id, (tally = { sum: 0, filled: 0 }));
  tally.sum += (after ?? 0) - (before ?? 0);
  tally.filled += (after === null ? 0 : 1) - (before === null ? 0 : 1);
  if (tally.filled === 0) map.delete(id);
}

function tallyValue(tally: Tally | undefined): number | null {
  return tally ? roundAmount(tally.sum) : null;
}

// ---------------------------------------------------------------------------------------------------
// Numbering of a new source: Roman under the total (I, II, ... VII), Arabic below (1, 2, 3).

const ROMAN: [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

export function toRoman(n: number): string {
  let rest = n;
  let out = '';
  for (const [value, letters] of ROMAN) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}

export function fromRoman(text: string): number | null {
  const upper = text.trim().toUpperCase();
  if (!/^[MDCLXVI]+$/.test(upper)) return null;
  for (let n = 1; n < 4000; n++) if (toRoman(n) === upper) return n;
  return null;
}

/**
 * Moving a source one place up (-1) or down (+1) among its siblings: the new `ord` of every sibling whose
 * place changes, and the two swap codes so the numbering still reads in order ("1, 2, 3"). Empty when the
 * source is already first or last.
 */
export function moveAmongSiblings(nodes: readonly SourceNode[], id: number, step: -1 | 1): { id: number; ord: number; code: string }[] {
  const parent = nodes.find((n) => n.childIds.includes(id));
  if (!parent) return [];
  const order = [...parent.childIds];
  const at = order.indexOf(id);
  const other = order[at + step];
  if (other === undefined) return [];
  order[at] = other;
  order[at + step] = id;
  const source = (sourceId: number) => (nodes.find((n) => n.source.id === sourceId) as SourceNode).source;
  const codeOf = new Map([
    [id, source(other).code],
    [other, source(id).code],
  ]);
  return order
    .map((sourceId, i) => ({ id: sourceId, ord: i + 1, code: codeOf.get(sourceId) ?? source(sourceId).code }))
    .filter((m) => m.ord !== source(m.id).ord || m.code !== source(m.id).code);
}

/** The code a new child of `parentId` gets: one after the largest sibling code. */
export function nextChildCode(nodes: readonly SourceNode[], parentId: number): string {
  const parent = nodes.find((n) => n.source.id === parentId);
  const roman = parent?.source.role === 'total';
  const siblings = (parent?.childIds ?? []).map((id) => nodes.find((n) => n.source.id === id)?.source.code ?? '');
  const numbers = siblings.map((code) => (roman ? fromRoman(code) : Number.parseInt(code, 10))).filter((n): n is number => n !== null && Number.isFinite(n));
  const next = Math.max(0, ...numbers) + 1;
  return roman ? toRoman(next) : String(next);
}
