/**
 * Finds and reads the numbered SQL files in migrations/. The folder is located by walking up from this
 * module, because the same code runs from source (tsx, vitest: core/db) and bundled
 * (out/main, or app.asar/out/main in a package), at different depths.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppError } from '../../shared/errors';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const FILE_PATTERN = /^(\d{4})_([a-z0-9_]+)\.sql$/;

export function findMigrationsDir(startDir: string = __dirname): string {
  let dir = startDir;
  for (;;) {
    const candidate = join(dir, 'migrations');
    if (existsSync(join(candidate, '0001_init.sql'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new AppError('db-failed', `The migrations folder was not found above ${startDir}.`);
    dir = parent;
  }
}

export function loadMigrations(dir: string = findMigrationsDir()): Migration[] {
  const migrations = readdirSync(dir)
    .map((file) => ({ file, match: FILE_PATTERN.exec(file) }))
    .filter((entry): entry is { file: string; match: RegExpExecArray } => entry.match !== null)
    .map(({ file, match }) => ({
      version: Number(match[1]),
      name: match[2] ?? file,
      sql: readFileSync(join(dir, file), 'utf8'),
    }))
    .sort((a, b) => a.version - b.version);
  // Versions must run 1..n without gaps or repeats: a gap means a file was lost, and user_version would lie.
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new AppError('db-failed', `Migration numbering is broken at ${migration.version}_${migration.name}.sql (expected ${index + 1}).`);
    }
  });
  return migrations;
}
