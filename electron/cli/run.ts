import { Backend } from '../backend/backend';
import { AppError } from '../backend/errors';
import { defaultDataDir, resolveDocumentPath } from '../backend/paths';
import { parseArgs, UsageError } from '../host/args';
import { EXIT, type CliCommand, type CliIO } from './command';
import { exportCommand } from './commands/export';
import { narrativeCommand } from './commands/narrative';
import { printCommand } from './commands/print';
import { summaryCommand } from './commands/summary';
import { importCommand } from './commands/import';
import { validateCommand } from './commands/validate';

/** Every command of `ntm`; a new one is one entry here. */
export const commands: CliCommand[] = [summaryCommand, narrativeCommand, validateCommand, importCommand, exportCommand, printCommand];

export function usage(): string {
  return ['Cách dùng / usage: npm run ntm -- <lệnh/command> [tùy chọn/options]', ...commands.map((c) => `  ntm ${c.usage}`)].join('\n');
}

export async function runCli(argv: readonly string[], io: CliIO, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [name, ...rest] = argv;
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(name ? `Lệnh không hợp lệ / unknown command: ${name}\n${usage()}` : usage());
    return EXIT.usage;
  }
  let parsed;
  try {
    parsed = parseArgs(rest, command.flags);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`${error.message}\nCách dùng / usage: ntm ${command.usage}`);
    return EXIT.usage;
  }
  let opened: Backend | null = null;
  try {
    return await command.run({
      positionals: parsed.positionals,
      flags: parsed.flags,
      io,
      backend: async () => {
        if (!opened) {
          const dataDir = defaultDataDir(env);
          const documentPath = resolveDocumentPath(parsed.flags.db as string | undefined, dataDir, env);
          opened = await Backend.start({ dataDir, documentPath, backupIntervalMs: 0 });
        }
        return opened;
      },
    });
  } catch (error) {
    if (error instanceof AppError) {
      const shape = error.toShape();
      io.err(`Lỗi: ${shape.message}\nError: ${shape.messageEn}`);
      return EXIT.failed;
    }
    throw error;
  } finally {
    await (opened as Backend | null)?.close();
  }
}
