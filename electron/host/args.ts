/** A small, strict command-line parser: unknown flags and missing values are usage errors. */
export type FlagKind = 'string' | 'boolean' | 'number';
export type FlagSpec = Record<string, FlagKind>;

export class UsageError extends Error {}

export interface ParsedArgs {
  positionals: string[];
  flags: Record<string, string | number | boolean | undefined>;
}

export function parseArgs(argv: readonly string[], spec: FlagSpec): ParsedArgs {
  const positionals: string[] = [];
  const flags: ParsedArgs['flags'] = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    const kind = spec[name];
    if (!kind) throw new UsageError(`unknown option --${name}`);
    if (kind === 'boolean') {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      flags[name] = true;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new UsageError(`--${name} needs a value`);
    if (kind === 'number') {
      if (!/^-?\d+$/.test(value)) throw new UsageError(`--${name} must be a whole number`);
      flags[name] = Number(value);
    } else flags[name] = value;
  }
  return { positionals, flags };
}
