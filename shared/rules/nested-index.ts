// A map keyed by several values, stored as nested Maps with the last key column outermost: the last
// columns of our keys (year, kind, source) have few values, so a table of 378,000 indicator values
// needs a few hundred small maps rather than one string per row, and lookups hash only numbers.
type Node = Map<unknown, unknown>;

export class NestedIndex<Leaf> {
  private readonly root: Node = new Map();

  constructor(private readonly depth: number) {}

  get(values: readonly unknown[]): Leaf | undefined {
    let node: Node | undefined = this.root;
    for (let i = this.depth - 1; i > 0 && node; i--) node = node.get(values[i] ?? null) as Node | undefined;
    return node?.get(values[0] ?? null) as Leaf | undefined;
  }

  set(values: readonly unknown[], leaf: Leaf): void {
    this.parentOf(values).set(values[0] ?? null, leaf);
  }

  /** The leaf at `values`, created with `make` when missing. */
  upsert(values: readonly unknown[], make: () => Leaf): Leaf {
    const parent = this.parentOf(values);
    const key = values[0] ?? null;
    let leaf = parent.get(key) as Leaf | undefined;
    if (leaf === undefined) parent.set(key, (leaf = make()));
    return leaf;
  }

  delete(values: readonly unknown[]): void {
    let node: Node | undefined = this.root;
    for (let i = this.depth - 1; i > 0 && node; i--) node = node.get(values[i] ?? null) as Node | undefined;
    node?.delete(values[0] ?? null);
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
