/**
 * Kysely's SQLite dialect with every transaction begun IMMEDIATE. The desktop app and the CLI may work on one
 * cache at the same time; a deferred transaction that reads and then writes fails at once with "database is
 * locked" (SQLITE_BUSY_SNAPSHOT) when the other process wrote in between, and no busy timeout can help it.
 * Taking the write lock at BEGIN makes the second writer wait (busy_timeout) and then see the first one's rows.
 */
import { CompiledQuery, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver } from 'kysely';

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

export class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: ConstructorParameters<typeof SqliteDialect>[0];

  constructor(config: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}
