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

// Version 2: smaller progress entries, for a province's year to stay well under 50 MB. A status is
// its code (statuses), a date the number yyyymmdd (20240131): 1 and 4 bytes rather than 9 and 10.
// The view entries shows them as text, for SQLite tools.
const VERSION_2 = `
CREATE TABLE statuses (code INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
INSERT INTO statuses (code, name) VALUES ${STATUSES.map((name, code) => `(${code}, '${name}')`).join(', ')};
CREATE TABLE progress_v2 (
  task_id INTEGER NOT NULL REFERENCES tasks(id),
  unit_id INTEGER NOT NULL REFERENCES units(id),
  date INTEGER NOT NULL,               -- as of: yyyymmdd
  status INTEGER NOT NULL REFERENCES statuses(code) CHECK (status BETWEEN 0 AND ${STATUSES.length - 1}),
  text TEXT NOT NULL,                  -- 进展情况
  person TEXT NOT NULL,                -- 责任人
  evidence TEXT NOT NULL,              -- 佐证材料
  note TEXT NOT NULL,                  -- 备注
  import_id INTEGER NOT NULL REFERENCES imports(id),
  PRIMARY KEY (task_id, unit_id, date) -- one entry per task, unit and date: a second one is a conflict
) WITHOUT ROWID;
INSERT INTO progress_v2 SELECT task_id, unit_id, CAST(replace(date, '-', '') AS INTEGER), (SELECT code FROM statuses WHERE name = status),
  text, person, evidence, note, import_id FROM progress ORDER BY task_id, unit_id, date;
DROP TABLE progress;
ALTER TABLE progress_v2 RENAME TO progress;
CREATE TABLE latest_v2 (task_id INTEGER NOT NULL, unit_id INTEGER NOT NULL, date INTEGER NOT NULL, PRIMARY KEY (task_id, unit_id)) WITHOUT ROWID;
INSERT INTO latest_v2 SELECT task_id, unit_id, CAST(replace(date, '-', '') AS INTEGER) FROM latest ORDER BY task_id, unit_id;
DROP TABLE latest;
ALTER TABLE latest_v2 RENAME TO latest;
CREATE VIEW entries AS
  SELECT plans.name AS plan, tasks.number, units.name AS unit, printf('%04d-%02d-%02d', p.date / 10000, p.date / 100 % 100, p.date % 100) AS date,
    statuses.name AS status, p.text, p.person, p.evidence, p.note, imports.source
  FROM progress p JOIN tasks ON tasks.id = p.task_id JOIN plans ON plans.id = tasks.plan_id JOIN units ON units.id = p.unit_id
    JOIN statuses ON statuses.code = p.status JOIN imports ON imports.id = p.import_id;
`;

/** MIGRATIONS[i] brings a database of version i to version i + 1. */
const MIGRATIONS: readonly string[] = [VERSION_1, VERSION_2];

export const SCHEMA_VERSION = MIGRATIONS.length;

export function schemaVersion(db: Database): number {
  return db.exec('PRAGMA user_version')[0]!.values[0]![0] as number;
}

/**
 * Brings the database to `target` (the current version but in tests), inside the caller's
 * transaction; returns the version it was of.
 */
export function migrate(db: Database, today: string, target = SCHEMA_VERSION): number {
  const from = schemaVersion(db);
  for (let version = from; version < target; version++) {
    db.exec(MIGRATIONS[version]!);
    db.run('INSERT INTO schema_version (version, applied) VALUES (?, ?)', [version + 1, today]);
    db.exec(`PRAGMA user_version = ${version + 1}`);
  }
  return from;
}

/** A status as stored: its code. */
export function statusCode(status: Status): number {
  return STATUSES.indexOf(status);
}

/** An ISO date as stored: the number yyyymmdd. */
export function dayNumber(isoDate: string): number {
  return Number(isoDate.replace(/-/g, ''));
}

export function isoDate(dayNumber: number): string {
  const digits = String(dayNumber).padStart(8, '0');
  return `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
}
