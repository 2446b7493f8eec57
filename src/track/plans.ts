// Plans in the database: added from a ledger, a corrected version matched onto the stored one,
// and read back as ledgers.
import { createHash } from 'node:crypto';
import type { Database, SqlValue } from 'sql.js';
import { diffLedgers } from '../diff/index.js';
import { ledgerTitle } from '../export/fields.js';
import type { Ledger, Meta, Role, Section, Task } from '../model.js';
import { type AliasTable, canonicalUnit } from '../units/aliases.js';
import { rows } from './store.js';

/** A task as stored: the ledger's task, with its row id and its units' canonical names. */
export interface StoredTask extends Task {
  rowId: number;
  /** Canonical names of its units, in the order of `units`. */
  canonical: string[];
}

export interface StoredPlan {
  id: number;
  uid: string;
  name: string;
  ledger: Omit<Ledger, 'tasks'> & { tasks: StoredTask[] };
}

export interface AddResult {
  plan: string;
  outcome: 'added' | 'unchanged' | 'updated';
  tasks: number;
  /** For an update: tasks of the new version matched to one stored, which keep their progress. */
  kept: number;
  /** For an update: stored tasks that match none of the new version (with progress, kept retired). */
  unmatched: Task[];
}

const hash = (text: string) => createHash('sha256').update(text).digest('hex');

function fingerprintOf(ledger: Ledger): string {
  const tasks = ledger.tasks.map(({ id, seq, path, title, text, units, deadlines }) => ({ id, seq, path, title, text, units, deadlines }));
  return hash(JSON.stringify({ meta: ledger.meta, sections: ledger.sections, tasks }));
}

export function unitId(db: Database, name: string): number {
  db.run('INSERT OR IGNORE INTO units (name) VALUES (?)', [name]);
  return rows<{ id: number }>(db, 'SELECT id FROM units WHERE name = ?', [name])[0]!.id;
}

function lastId(db: Database): number {
  return db.exec('SELECT last_insert_rowid()')[0]!.values[0]![0] as number;
}

/** Writes a task's fields, units and deadlines into its row (a new row when rowId is undefined). */
function writeTask(db: Database, planId: number, task: Task, rowId: number | undefined, unitOf: (name: string) => number): void {
  const fields: SqlValue[] = [task.id, task.seq, JSON.stringify(task.path), task.title, task.text];
  if (rowId === undefined) {
    db.run('INSERT INTO tasks (plan_id, number, seq, path, title, text) VALUES (?, ?, ?, ?, ?, ?)', [planId, ...fields]);
    rowId = lastId(db);
  } else {
    db.run('UPDATE tasks SET number = ?, seq = ?, path = ?, title = ?, text = ?, retired = 0 WHERE id = ?', [...fields, rowId]);
    db.run('DELETE FROM task_roles WHERE task_id = ?', [rowId]);
    db.run('DELETE FROM deadlines WHERE task_id = ?', [rowId]);
  }
  task.units.forEach((unit, position) => {
    db.run('INSERT INTO task_roles (task_id, unit_id, role, named, position) VALUES (?, ?, ?, ?, ?)', [rowId, unitOf(unit.name), unit.role, unit.name, position]);
  });
  task.deadlines.forEach((deadline, position) => {
    db.run('INSERT INTO deadlines (task_id, text, date, position) VALUES (?, ?, ?, ?)', [rowId, deadline.text, deadline.date, position]);
  });
}

/**
 * Stores a plan. The same plan again changes nothing; a new version of a stored plan (same
 * title) keeps the rows, and so the progress, of the tasks the diff matches to the stored ones.
 */
export function addPlan(db: Database, ledger: Ledger, table: AliasTable, today: string): AddResult {
  const name = ledgerTitle(ledger);
  const fingerprint = fingerprintOf(ledger);
  const unitOf = (unit: string) => unitId(db, canonicalUnit(unit, table, ledger.meta.region).canonical);
  const planFields: SqlValue[] = [ledger.meta.year, ledger.meta.region, ledger.source.name, fingerprint, JSON.stringify(ledger.meta), JSON.stringify(ledger.sections), today];
  const stored = loadPlans(db).find((plan) => plan.name === name);
  const result: AddResult = { plan: name, outcome: 'added', tasks: ledger.tasks.length, kept: 0, unmatched: [] };
  if (stored === undefined) {
    db.run('INSERT INTO plans (uid, name, year, region, source, fingerprint, meta, sections, added) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)', [
      hash(name).slice(0, 10),
      name,
      ...planFields,
    ]);
    const planId = lastId(db);
    for (const task of ledger.tasks) writeTask(db, planId, task, undefined, unitOf);
    return result;
  }
  if (rows(db, 'SELECT 1 FROM plans WHERE id = ? AND fingerprint = ?', [stored.id, fingerprint]).length > 0) {
    return { ...result, outcome: 'unchanged' };
  }
  db.run('UPDATE plans SET year = ?, region = ?, source = ?, fingerprint = ?, meta = ?, sections = ?, added = ? WHERE id = ?', [...planFields, stored.id]);
  const oldTasks = stored.ledger.tasks;
  const rowOfNew = new Map<number, number>();
  for (const pair of diffLedgers(stored.ledger, ledger).pairs) {
    if (pair.old === null || pair.new === null) continue;
    rowOfNew.set(pair.new.seq, oldTasks.find((task) => task.seq === pair.old!.seq)!.rowId);
  }
  for (const task of ledger.tasks) writeTask(db, stored.id, task, rowOfNew.get(task.seq), unitOf);
  const matched = new Set(rowOfNew.values());
  const unmatched = oldTasks.filter((task) => !matched.has(task.rowId));
  for (const task of unmatched) {
    // Progress is never thrown away: a task that has some stays, retired from the plan.
    if (rows(db, 'SELECT 1 FROM progress WHERE task_id = ? LIMIT 1', [task.rowId]).length > 0) {
      db.run('UPDATE tasks SET retired = 1 WHERE id = ?', [task.rowId]);
    } else {
      for (const sql of ['DELETE FROM task_roles WHERE task_id = ?', 'DELETE FROM deadlines WHERE task_id = ?', 'DELETE FROM tasks WHERE id = ?']) db.run(sql, [task.rowId]);
    }
  }
  return { ...result, outcome: 'updated', kept: matched.size, unmatched };
}

interface PlanRow {
  id: number;
  uid: string;
  name: string;
  source: string;
  meta: string;
  sections: string;
}

interface TaskRow {
  id: number;
  plan_id: number;
  number: string;
  seq: number;
  path: string;
  title: string | null;
  text: string;
}

/** The plans with their current tasks (not retired), as ledgers, in the order they were added. */
export function loadPlans(db: Database): StoredPlan[] {
  const tasksOf = new Map<number, StoredTask[]>();
  const byRow = new Map<number, StoredTask>();
  for (const row of rows<TaskRow>(db, 'SELECT id, plan_id, number, seq, path, title, text FROM tasks WHERE retired = 0 ORDER BY plan_id, seq')) {
    const task: StoredTask = {
      rowId: row.id,
      id: row.number,
      seq: row.seq,
      path: JSON.parse(row.path) as string[],
      title: row.title,
      text: row.text,
      units: [],
      canonical: [],
      deadlines: [],
      line: null,
    };
    byRow.set(row.id, task);
    const planTasks = tasksOf.get(row.plan_id) ?? [];
    if (planTasks.length === 0) tasksOf.set(row.plan_id, planTasks);
    planTasks.push(task);
  }
  const roles = 'SELECT task_id, role, named, units.name AS unit FROM task_roles JOIN units ON units.id = unit_id ORDER BY task_id, position';
  for (const row of rows<{ task_id: number; role: Role; named: string; unit: string }>(db, roles)) {
    const task = byRow.get(row.task_id);
    task?.units.push({ name: row.named, role: row.role });
    task?.canonical.push(row.unit);
  }
  for (const row of rows<{ task_id: number; text: string; date: string | null }>(db, 'SELECT task_id, text, date FROM deadlines ORDER BY task_id, position')) {
    byRow.get(row.task_id)?.deadlines.push({ text: row.text, date: row.date });
  }
  return rows<PlanRow>(db, 'SELECT id, uid, name, source, meta, sections FROM plans ORDER BY id').map((plan) => ({
    id: plan.id,
    uid: plan.uid,
    name: plan.name,
    ledger: {
      schema: 'taizhang/1',
      source: { name: plan.source, format: 'text', encoding: 'utf-8', script: 'simplified' },
      meta: JSON.parse(plan.meta) as Meta,
      sections: JSON.parse(plan.sections) as Section[],
      tasks: tasksOf.get(plan.id) ?? [],
      warnings: [],
    },
  }));
}
