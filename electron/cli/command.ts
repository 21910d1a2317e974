import type { Backend } from '../backend/backend';
import type { FlagSpec, ParsedArgs } from '../host/args';

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
}

export interface CliContext {
  positionals: string[];
  flags: ParsedArgs['flags'];
  io: CliIO;
  /** The document named by --db / NTM_DB / the default, opened for this command. */
  backend(): Promise<Backend>;
}

export interface CliCommand {
  name: string;
  /** One usage line, without the `ntm` prefix. */
  usage: string;
  flags: FlagSpec;
  run(ctx: CliContext): Promise<number>;
}

/** Exit codes shared by every command (sysexits: 64 is a usage error). */
export const EXIT = { ok: 0, failed: 1, rejected: 2, usage: 64 } as const;
