/**
 * Opens Tandem's database: PostgreSQL when a URL is given (`DATABASE_URL`), otherwise an embedded SQLite
 * file `tandem.sqlite` in the data folder (`TANDEM_DATA_DIR`, default `./tandem-data`). SQLite runs in WAL
 * mode with `synchronous=FULL`, so a commit the API has acknowledged survives a power cut or `kill -9`
 * (SQLite docs, "PRAGMA synchronous": FULL syncs the WAL on every commit). Migrations run on open.
 * ADR 0008 records the choice.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { NodeSqliteDialect } from './node-sqlite-dialect.ts';
import { migrateToLatest } from './migrations.ts';
import type { Dialect } from './migrations.ts';
import type { Schema } from './schema.ts';

/** int8 (bigint) columns hold epoch ms and sequence numbers, all far below 2^53: read them as numbers. */
pg.types.setTypeParser(20, (v: string) => Number(v));

export interface TandemDatabase {
  readonly db: Kysely<Schema>;
  readonly dialect: Dialect;
  /** File path or PostgreSQL URL without its password. */
  readonly location: string;
  /** The raw SQLite handle (integrity checks), absent on PostgreSQL. */
  readonly sqlite: DatabaseSync | undefined;
  /**
   * Folder for large job results beside an embedded database file (undefined on PostgreSQL and in memory):
   * `node:sqlite` writes synchronously, so a multi-megabyte row would stall the event loop (ADR 0010).
   */
  readonly resultDir: string | undefined;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** PostgreSQL connection URL; when set the embedded database is not used. */
  readonly databaseUrl?: string | undefined;
  /** Folder of the embedded database; created if missing. `:memory:` for a throw-away database. */
  readonly dataDir?: string | undefined;
  /** Pool size on PostgreSQL (default 10). */
  readonly poolSize?: number;
}

/** The data folder from the environment: `TANDEM_DATA_DIR` or `./tandem-data`. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env['TANDEM_DATA_DIR'] ?? 'tandem-data');
}

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<TandemDatabase> {
  if (options.databaseUrl !== undefined && options.databaseUrl !== '') {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
    await migrateToLatest(db as Kysely<unknown>, 'postgres');
    return {
      db,
      dialect: 'postgres',
      location: options.databaseUrl.replace(/:[^:@/]*@/, ':***@'),
      sqlite: undefined,
      resultDir: undefined,
      close: () => db.destroy(),
    };
  }
  const dir = options.dataDir ?? defaultDataDir();
  let file = ':memory:';
  if (dir !== ':memory:') {
    mkdirSync(dir, { recursive: true });
    file = join(dir, 'tandem.sqlite');
  }
  const sqlite = new DatabaseSync(file);
  sqlite.exec('PRAGMA journal_mode = WAL');
  sqlite.exec('PRAGMA synchronous = FULL');
  sqlite.exec('PRAGMA foreign_keys = ON');
  sqlite.exec('PRAGMA busy_timeout = 10000');
  const db = new Kysely<Schema>({ dialect: new NodeSqliteDialect(sqlite) });
  await migrateToLatest(db as Kysely<unknown>, 'sqlite');
  const resultDir = dir === ':memory:' ? undefined : join(dir, 'job-results');
  if (resultDir !== undefined) mkdirSync(resultDir, { recursive: true });
  return { db, dialect: 'sqlite', location: file, sqlite, resultDir, close: () => db.destroy() };
}
