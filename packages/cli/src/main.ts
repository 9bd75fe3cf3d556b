/** The `tandem` command: dispatch to sub-commands. */
export async function main(argv: readonly string[]): Promise<number> {
  process.stderr.write(`tandem: no command yet (${argv.join(' ')})\n`);
  return 2;
}
