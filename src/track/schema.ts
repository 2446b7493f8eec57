// The tracking database's schema (docs/track.md): the version is SQLite's user_version pragma, and
// each migration brings a database from the version before it to its own.
import type { Database } from 'sql.js';

/** Progress as the sheets' 完成情况 drop-down offers it. */
export const STATUSES = ['未启动', '推进中', '已完成', '长期推进'] as const;
export type Status = (typeof STATUSES)[number];

const VERSION_1 = `
CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied TEXT NOT NULL);
CREATE TABLE plans (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,            -- in every row key of the plan's sheets
  name TEXT NOT NULL UNIQUE,           -- the notice's title (or file name): a corrected version has the same
  year INTEGER,
  region TEXT,
  source TEXT NOT NULL,                -- the file it was last added from
  fingerprint TEXT NOT NULL,           -- of its tasks: adding the same notice again changes nothing
  meta TEXT NOT NULL,                  -- the ledger's meta, JSON
  sections TEXT NOT NULL,              -- the ledger's sections, JSON
  added TEXT NOT NULL
);
CREATE TABLE tasks (
  id INTEGER PRIMARY KEY,              -- kept by the matching task of a corrected version, with its progress
  plan_id INTEGER NOT NULL REFERENCES plans(id),
  number TEXT NOT NULL,                -- 编号 (the ledger's task id: 2.3)
  seq INTEGER NOT NULL,
  path TEXT NOT NULL,                  -- section titles from the top, JSON
  title TEXT,
  text TEXT NOT NULL,
  retired INTEGER NOT NULL DEFAULT 0   -- 1: gone from the plan's latest version, kept for its progress
);
CREATE INDEX tasks_by_plan ON tasks(plan_id, seq);
CREATE TABLE units (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE); -- canonical names (the alias table)
CREATE TABLE task_roles (
  task_id INTEGER NOT NULL REFERENCES tasks(id),
  unit_id INTEGER NOT NULL REFERENCES units(id),
  role TEXT NOT NULL CHECK (role IN ('lead', 'responsible', 'support')),
  named TEXT NOT NULL,                 -- the name as the notice writes it
  position INTEGER NOT NULL
);
CREATE INDEX task_roles_by_task ON task_roles(task_id);
CREATE TABLE deadlines (
  task_id INTEGER NOT NULL REFERENCES tasks(id),
  text TEXT NOT NULL,
  date TEXT,                           -- ISO date, when the text names one
  position INTEGER NOT NULL
);
CREATE INDEX deadlines_by_task ON deadlines(task_id);
CREATE TABLE imports (
  id INTEGER PRIMARY KEY,
  source TEXT NOT NULL,                -- the returned sheet's file name
  date TEXT NOT NULL                   -- the date its entries are as of
);
CREATE TABLE progress (
  task_id INTEGER NOT NULL REFERENCES tasks(id),
  unit_id INTEGER NOT NULL REFERENCES units(id),
  date TEXT NOT NULL,                  -- as of (ISO date)
  status TEXT NOT NULL CHECK (status IN ('未启动', '推进中', '已完成', '长期推进')),
  text TEXT NOT NULL,                  -- 进展情况
  person TEXT NOT NULL,                -- 责任人
  evidence TEXT NOT NULL,              -- 佐证材料
  note TEXT NOT NULL,                  -- 备注
  import_id INTEGER NOT NULL REFERENCES imports(id),
  PRIMARY KEY (task_id, unit_id, date) -- one entry per task, unit and date: a second one is a conflict
) WITHOUT ROWID;
-- The date of each task and unit's latest entry: status reads the latest entries through it
-- rather than scanning the whole history.
CREATE TABLE latest (
  task_id INTEGER NOT NULL,
  unit_id INTEGER NOT NULL,
  date TEXT NOT NULL,
  PRIMARY KEY (task_id, unit_id)
) WITHOUT ROWID;
`;

/** MIGRATIONS[i] brings a database of version i to version i + 1. */
const MIGRATIONS: readonly string[] = [VERSION_1];

export const SCHEMA_VERSION = MIGRATIONS.length;

export function schemaVersion(db: Database): number {
  return db.exec('PRAGMA user_version')[0]!.values[0]![0] as number;
}

/** Brings the database to SCHEMA_VERSION, inside the caller's transaction. */
export function migrate(db: Database, today: string): void {
  for (let version = schemaVersion(db); version < SCHEMA_VERSION; version++) {
    db.exec(MIGRATIONS[version]!);
    db.run('INSERT INTO schema_version (version, applied) VALUES (?, ?)', [version + 1, today]);
    db.exec(`PRAGMA user_version = ${version + 1}`);
  }
}
