// The tracking database: an SQLite file read whole into sql.js (SQLite in WebAssembly, loaded
// only by the track, due and status commands) and written back whole, atomically, under a lock.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import initSqlJs, { type BindParams, type Database, type SqlJsStatic, type SqlValue } from 'sql.js';
import { InputError } from '../errors.js';
import { writeFileAtomic } from '../export/write.js';
import { today } from './dates.js';
import { acquireLock } from './lock.js';
import { migrate, SCHEMA_VERSION, schemaVersion } from './schema.js';

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

let engine: Promise<SqlJsStatic> | undefined;

/**
 * SQLite, once per process (the CLI's bundle holds sql.js's JavaScript, in its code cache; the
 * WebAssembly is read from the package). For a write, it is compiled by V8's baseline compiler only:
 * a write (an import, a plan added) touches little of the database, and optimising SQLite's hot
 * functions on the other core cost more than it gave back (a sheet's import 0.54 → 0.45 s on two
 * cores); status and due read all of it, and gain from the optimised code.
 */
function sqlJs({ forWrite }: { forWrite: boolean }): Promise<SqlJsStatic> {
  if (engine === undefined && forWrite) setFlagsFromString('--liftoff-only');
  // Its WebAssembly found through the package, wherever its JavaScript is (the CLI's bundle holds it).
  engine ??= initSqlJs({ locateFile: (file) => createRequire(import.meta.url).resolve(`sql.js/dist/${file}`) });
  return engine;
}

/** The database in the file, checked to be one of ours of a version this taizhang knows. */
async function load(path: string, { create }: { create: boolean }): Promise<Database> {
  // SQLite's WebAssembly is read and instantiated while the file is read (a failure of it is met
  // by the await below, or not at all when the file is refused first).
  const starting = sqlJs({ forWrite: create });
  starting.catch(() => undefined);
  let bytes: Buffer | undefined;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    if (!create) throw new InputError(`${path}: no such database (taizhang track add NOTICE creates it)`);
  }
  if (bytes !== undefined && !bytes.subarray(0, SQLITE_HEADER.length).equals(SQLITE_HEADER)) {
    throw new InputError(`${path}: not an SQLite database`);
  }
  const db = new (await starting).Database(bytes);
  // The file on disk is only ever replaced whole (updateStore): the copy in memory needs its
  // rollback journal and temporary tables in memory, not in sql.js's emulated files, which grow by
  // copying.
  db.exec('PRAGMA journal_mode = MEMORY; PRAGMA temp_store = MEMORY');
  try {
    const version = schemaVersion(db);
    if (version > SCHEMA_VERSION) {
      throw new InputError(`${path}: database of schema version ${version}, newer than this taizhang's ${SCHEMA_VERSION}: upgrade taizhang`);
    }
    if (version === 0 && rows(db, "SELECT 1 FROM sqlite_master WHERE type = 'table'").length > 0) {
      throw new InputError(`${path}: an SQLite database, but not taizhang's (no schema version)`);
    }
  } catch (error) {
    db.close();
    if (error instanceof InputError) throw error;
    throw new InputError(`${path}: not a readable SQLite database (${(error as Error).message})`);
  }
  return db;
}

/** The rows of a query as objects by column name (exec, not a statement stepped row by row: several times faster in sql.js). */
export function rows<Row = Record<string, SqlValue>>(db: Database, sql: string, params: SqlValue[] = []): Row[] {
  const result = db.exec(sql, params)[0];
  if (result === undefined) return [];
  const { columns, values } = result;
  return values.map((row) => {
    const object: Record<string, SqlValue> = {};
    columns.forEach((column, index) => (object[column] = row[index]!));
    return object as Row;
  });
}

/**
 * The rows of a query that aggregates them into one JSON array (json_group_array), parsed: one
 * string out of sql.js rather than one per cell, several times faster for thousands of rows.
 */
export function jsonRows<Row>(db: Database, sql: string, params: BindParams = []): Row[] {
  return JSON.parse(db.exec(sql, params)[0]!.values[0]![0] as string) as Row[];
}

/** The database for reading; an older version is brought up to date in memory only. */
export async function readStore(path: string): Promise<Database> {
  const db = await load(path, { create: false });
  if (schemaVersion(db) < SCHEMA_VERSION) migrate(db, today());
  return db;
}

/**
 * Runs `change` on the database in one transaction, under the lock, and writes the file back
 * only when the change changed something: whole or not at all, by a rename over it.
 */
export async function updateStore<T>(path: string, change: (db: Database) => T | Promise<T>): Promise<T> {
  const release = await acquireLock(path);
  try {
    const db = await load(path, { create: true });
    try {
      db.exec('BEGIN');
      let result: T;
      let migrated: boolean;
      try {
        const from = migrate(db, today());
        migrated = from > 0 && from < SCHEMA_VERSION;
        result = await change(db);
        db.exec('COMMIT');
      } catch (error) {
        db.exec('ROLLBACK');
        throw error;
      }
      // A migration rebuilds tables and leaves the old ones' pages free: compacted once, here, in
      // memory (VACUUM cannot run inside the transaction), before the one write.
      if (migrated) db.exec('VACUUM');
      const changes = db.exec('SELECT total_changes()')[0]!.values[0]![0] as number;
      if (changes > 0) await writeFileAtomic(path, db.export());
      return result;
    } finally {
      db.close();
    }
  } finally {
    await release();
  }
}
