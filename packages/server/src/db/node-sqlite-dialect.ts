/**
 * A Kysely dialect over Node's built-in `node:sqlite` (`DatabaseSync`), so the embedded database needs no
 * native build. Kysely's own `SqliteDialect` expects a better-sqlite3-like handle; `DatabaseSync` differs in
 * three ways this adapter bridges: parameters are spread rather than passed as one array, a statement has
 * no `reader` flag (we ask `columns()`), and booleans are not bindable (we bind 0/1).
 * Transactions start with `BEGIN IMMEDIATE` so that a second process writing the same file (a job worker)
 * waits on `busy_timeout` instead of failing with SQLITE_BUSY half way through a transaction.
 */
import type { DatabaseSync, StatementSync, SQLInputValue } from 'node:sqlite';
import { CompiledQuery, SqliteDialect, SqliteDriver } from 'kysely';
import type { DatabaseConnection, Driver, SqliteDatabase, SqliteStatement } from 'kysely';

/** Prepared statements kept per SQL text; the route set issues a few dozen distinct statements. */
const STATEMENT_CACHE_LIMIT = 256;

function bindable(parameters: readonly unknown[]): SQLInputValue[] {
  return parameters.map((p) => (typeof p === 'boolean' ? (p ? 1 : 0) : p === undefined ? null : (p as SQLInputValue)));
}

/** Wraps a `DatabaseSync` in the narrow interface Kysely's SQLite driver calls. */
export function adaptDatabaseSync(db: DatabaseSync): SqliteDatabase {
  const cache = new Map<string, { stmt: StatementSync; reader: boolean }>();
  const prepare = (sql: string): { stmt: StatementSync; reader: boolean } => {
    let hit = cache.get(sql);
    if (hit === undefined) {
      const stmt = db.prepare(sql);
      hit = { stmt, reader: stmt.columns().length > 0 };
      if (cache.size >= STATEMENT_CACHE_LIMIT) cache.clear();
      cache.set(sql, hit);
    }
    return hit;
  };
  return {
    close: () => db.close(),
    prepare(sql: string): SqliteStatement {
      const { stmt, reader } = prepare(sql);
      return {
        reader,
        all: (parameters) => stmt.all(...bindable(parameters)),
        run: (parameters) => stmt.run(...bindable(parameters)),
        iterate: (parameters) => stmt.iterate(...bindable(parameters)) as IterableIterator<unknown>,
      };
    },
  };
}

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

/** Kysely dialect for a `node:sqlite` database (see the file comment). */
export class NodeSqliteDialect extends SqliteDialect {
  readonly #db: DatabaseSync;
  constructor(db: DatabaseSync) {
    super({ database: adaptDatabaseSync(db) });
    this.#db = db;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver({ database: adaptDatabaseSync(this.#db) });
  }
}
