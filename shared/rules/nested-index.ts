// A map keyed by several values, stored as nested Maps with the last key column outermost: the last
// columns of our keys (year, kind, source) have few values, so a table of 378,000 indicator values
// needs a few hundred small maps rather than one string per row, and lookups hash only numbers.
type Node = Map<unknown, unknown>;

export class NestedIndex<Leaf> {
  private readonly root: Node = new Map();
  private count = 0;

  constructor(private readonly depth: number) {}

  get(values: readonly unknown[]): Leaf | undefined {
    let node: Node | undefined = this.root;
    for (let i = this.depth - 1; i > 0 && node; i--) node = node.get(values[i] ?? null) as Node | undefined;
    return node?.get(values[0] ?? null) as Leaf | undefined;
  }

  get size(): number {
    return this.count;
  }

  /** `get([value])` of a one-column index. */
  get1(value: unknown): Leaf | undefined {
    return this.root.get(value ?? null) as Leaf | undefined;
  }

  set(values: readonly unknown[], leaf: Leaf): void {
    const parent = this.parentOf(values);
    const key = values[0] ?? null;
    if (!parent.has(key)) this.count++;
    parent.set(key, leaf);
  }

  /** Every leaf, grouped by the last key column first (collected: nested generators are slow). */
  values(): Leaf[] {
    const out: Leaf[] = [];
    collect(this.root, this.depth, out as unknown[]);
    return out;
  }

  /** The leaf at `values`, created with `make` when missing. */
  upsert(values: readonly unknown[], make: () => Leaf): Leaf {
    const parent = this.parentOf(values);
    const key = values[0] ?? null;
    let leaf = parent.get(key) as Leaf | undefined;
    if (leaf === undefined) {
      parent.set(key, (leaf = make()));
      this.count++;
    }
    return leaf;
  }

  delete(values: readonly unknown[]): void {
    let node: Node | undefined = this.root;
    for (let i = this.depth - 1; i > 0 && node; i--) node = node.get(values[i] ?? null) as Node | undefined;
    if (node?.delete(values[0] ?? null)) this.count--;
  }

  private parentOf(values: readonly unknown[]): Node {
    let node = this.root;
    for (let i = this.depth - 1; i > 0; i--) {
      const key = values[i] ?? null;
      let next = node.get(key) as Node | undefined;
      if (!next) node.set(key, (next = new Map()));
      node = next;
    }
    return node;
  }
}

function collect(node: Node, depth: number, out: unknown[]): void {
  if (depth === 1) for (const leaf of node.values()) out.push(leaf);
  else for (const child of node.values()) collect(child as Node, depth - 1, out);
}
