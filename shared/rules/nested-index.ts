// A map keyed by several values, stored as nested levels with the last key column outermost: the last
// columns of our keys (year, kind, source) have few values, so a table of 378,000 indicator values
// needs a few hundred small levels rather than one string per row. A level keeps ids (non-negative
// integers, what SQLite gives) in a plain array indexed by the id, and anything else in a Map, so
// lookups hash only where they must; a level with few keys (years, kinds) scans a short list.
type Node = Level<unknown>;

const isSlot = (key: unknown): key is number => typeof key === 'number' && key >= 0 && key < 0x40000000 && Math.floor(key) === key;

/** Up to this many keys a level scans a short list (years, kinds: a scan beats hashing). */
const FEW = 8;

class Level<T> {
  /** The first keys and their values, while there are few. */
  private keys: unknown[] | null = [];
  private values: (T | undefined)[] = [];
  private ints: (T | undefined)[] | null = null;
  private other: Map<unknown, T> | null = null;

  get(key: unknown): T | undefined {
    if (this.keys) {
      const at = this.keys.indexOf(key ?? null);
      return at < 0 ? undefined : this.values[at];
    }
    return isSlot(key) ? this.ints?.[key] : this.other?.get(key ?? null);
  }

  set(key: unknown, value: T | undefined): void {
    const k = key ?? null;
    if (this.keys) {
      const at = this.keys.indexOf(k);
      if (at >= 0) this.values[at] = value;
      else if (value === undefined) return;
      else if (this.keys.length < FEW) {
        this.keys.push(k);
        this.values.push(value);
      } else {
        const [keys, values] = [this.keys, this.values];
        this.keys = null;
        this.values = [];
        keys.forEach((k2, i) => this.set(k2, values[i]));
        this.set(k, value);
      }
      return;
    }
    if (isSlot(k)) (this.ints ??= [])[k] = value;
    else if (value === undefined) this.other?.delete(k);
    else (this.other ??= new Map()).set(k, value);
  }

  each(fn: (value: T) => void): void {
    if (this.keys) {
      for (const value of this.values) if (value !== undefined) fn(value);
      return;
    }
    if (this.ints) for (const value of this.ints) if (value !== undefined) fn(value);
    this.other?.forEach(fn);
  }
}

export class NestedIndex<Leaf> {
  private readonly root: Node = new Level();

  constructor(private readonly depth: number) {}

  get(values: readonly unknown[]): Leaf | undefined {
    let node: Node | undefined = this.root;
    for (let i = this.depth - 1; i > 0 && node; i--) node = node.get(values[i]) as Node | undefined;
    return node?.get(values[0]) as Leaf | undefined;
  }

  /** Store (or, with undefined, clear) a leaf. */
  set(values: readonly unknown[], leaf: Leaf | undefined): void {
    this.parentOf(values).set(values[0], leaf);
  }

  /** The leaf at `values`, created with `make` when missing. */
  upsert(values: readonly unknown[], make: () => Leaf): Leaf {
    const parent = this.parentOf(values);
    let leaf = parent.get(values[0]) as Leaf | undefined;
    if (leaf === undefined) parent.set(values[0], (leaf = make()));
    return leaf;
  }

  /** Every leaf, grouped by the last key column first. */
  values(): Leaf[] {
    const out: unknown[] = [];
    collect(this.root, this.depth, out);
    return out as Leaf[];
  }

  private parentOf(values: readonly unknown[]): Node {
    let node = this.root;
    for (let i = this.depth - 1; i > 0; i--) {
      const key = values[i];
      let next = node.get(key) as Node | undefined;
      if (!next) node.set(key, (next = new Level()));
      node = next;
    }
    return node;
  }
}

function collect(node: Node, depth: number, out: unknown[]): void {
  if (depth === 1) node.each((leaf) => out.push(leaf));
  else node.each((child) => collect(child as Node, depth - 1, out));
}
