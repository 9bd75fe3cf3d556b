/**
 * `tandem audit verify`: recomputes the audit log's SHA-256 hash chain in the database and reports any
 * edited, inserted or deleted entry. Exit status 0 when intact, 1 when tampered with.
 */
import { parseArgs } from 'node:util';
import { openDatabase, verifyAuditChain } from '@tandem/server';
import type { CommandIo } from '../main.ts';

export const summary = 'verify the audit log hash chain (detects edits and deletions)';

const USAGE = `usage: tandem audit verify [--data-dir DIR] [--database-url URL]
  --data-dir DIR    embedded database folder (default $TANDEM_DATA_DIR or ./tandem-data)
  --database-url U  PostgreSQL URL (default $DATABASE_URL)
`;

export async function run(argv: readonly string[], io: CommandIo): Promise<number> {
  const [verb, ...rest] = argv;
  if (verb !== 'verify') {
    io.stderr.write(verb === undefined ? USAGE : `tandem audit: unknown action "${verb}"\n${USAGE}`);
    return 2;
  }
  let values;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: { 'data-dir': { type: 'string' }, 'database-url': { type: 'string' } },
      strict: true,
    }));
  } catch (err) {
    io.stderr.write(`tandem audit verify: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const database = await openDatabase({
    databaseUrl: values['database-url'] ?? process.env['DATABASE_URL'],
    dataDir: values['data-dir'],
  });
  try {
    const result = await verifyAuditChain(database.db);
    if (result.ok) {
      io.stdout.write(`audit log intact: ${result.entries} entries verified (${database.location})\n`);
      return 0;
    }
    io.stdout.write(`AUDIT LOG TAMPERED (${database.location}):\n${result.problems.map((p) => `  ${p}`).join('\n')}\n`);
    return 1;
  } finally {
    await database.close();
  }
}
