/** The document Electron was asked to open: `--db FILE`, or a `.ntm` file passed by the OS (file association). */
export function documentFromArgv(argv: readonly string[]): string | undefined {
  const flag = argv.indexOf('--db');
  if (flag >= 0 && argv[flag + 1]) return argv[flag + 1];
  const inline = argv.find((a) => a.startsWith('--db='));
  if (inline) return inline.slice(5);
  return argv.find((a) => a.toLowerCase().endsWith('.ntm'));
}
