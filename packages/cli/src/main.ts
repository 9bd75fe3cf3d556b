/**
 * The `tandem` command: dispatches to one module per sub-command (`commands/<name>.ts`, loaded lazily so
 * that `tandem drift` does not pay for the server's dependencies). Each command module exports
 * `run(argv, io): Promise<number>` and a one-line `summary`.
 */
export interface CommandIo {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

export interface CommandModule {
  readonly summary: string;
  run(argv: readonly string[], io: CommandIo): Promise<number>;
}

/** Sub-command name → module path. Add a command by adding its file and one line here. */
const COMMANDS: Readonly<Record<string, string>> = {
  drift: './commands/drift.ts',
  data: './commands/data.ts',
  plan: './commands/plan.ts',
  serve: './commands/serve.ts',
  audit: './commands/audit.ts',
  ferry: './commands/ferry.ts',
  drill: './commands/drill.ts',
  dialogues: './commands/dialogues.ts',
};

async function load(name: string): Promise<CommandModule | undefined> {
  const path = COMMANDS[name];
  if (path === undefined) return undefined;
  try {
    return (await import(path)) as CommandModule;
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_MODULE_NOT_FOUND' && String(err).includes(path.slice(2))) {
      return undefined;
    }
    throw err;
  }
}

export async function main(argv: readonly string[], io: CommandIo = process): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const lines = ['usage: tandem <command> [options]', '', 'commands:'];
    for (const cmd of Object.keys(COMMANDS)) {
      const mod = await load(cmd);
      if (mod) lines.push(`  ${cmd.padEnd(8)} ${mod.summary}`);
    }
    io.stdout.write(lines.join('\n') + '\n');
    return name === undefined ? 2 : 0;
  }
  const mod = await load(name);
  if (!mod) {
    io.stderr.write(`tandem: unknown command "${name}". Run "tandem --help" for the list.\n`);
    return 2;
  }
  return mod.run(rest, io);
}
