// `npm run serve -- [--db FILE] [--port N]`: the app in a browser, on loopback only.
import { Backend } from './backend/backend';
import { defaultDataDir, resolveDocumentPath } from './backend/paths';
import { parseArgs, UsageError } from './host/args';
import { rendererDir } from './host/static-dir';
import { startWebServer } from './host/web-server';

export async function serve(argv: readonly string[]): Promise<void> {
  const { flags } = parseArgs(argv, { db: 'string', port: 'number' });
  const dataDir = defaultDataDir();
  const backend = await Backend.start({ dataDir, documentPath: resolveDocumentPath(flags.db as string | undefined, dataDir) });
  const server = await startWebServer({ backend, staticDir: rendererDir(), port: flags.port as number | undefined });
  console.log(`NTM Planner: ${server.url}`);
  const stop = async () => {
    await server.close();
    await backend.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('web.ts')) {
  serve(process.argv.slice(2)).catch((error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`Cách dùng / usage: npm run serve -- [--db FILE] [--port N]\n${error.message}`);
      process.exit(64);
    }
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
