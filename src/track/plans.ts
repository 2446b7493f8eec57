// Plans in the database, read back as ledgers.
import type { Database } from 'sql.js';
import type { Ledger, Meta, Role, Section, Task } from '../model.js';
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

export function unitId(db: Database, name: string): number {
  db.run('INSERT OR IGNORE INTO units (name) VALUES (?)', [name]);
  return rows<{ id: number }>(db, 'SELECT id FROM units WHERE name = ?', [name])[0]!.id;
}

export function lastId(db: Database): number {
  return db.exec('SELECT last_insert_rowid()')[0]!.values[0]![0] as number;
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

/**
 * The plans (or those of the uids asked for) with their current tasks (not retired), as ledgers,
 * in the order they were added; `withUnits: false` leaves out the tasks' units and deadlines,
 * which matching a returned sheet does not need.
 */
export function loadPlans(db: Database, uids?: readonly string[], { withUnits = true }: { withUnits?: boolean } = {}): StoredPlan[] {
  if (uids?.length === 0) return [];
  const ids = uids === undefined ? undefined : rows<{ id: number }>(db, `SELECT id FROM plans WHERE uid IN (${uids.map(() => '?').join(', ')})`, [...uids]).map((row) => row.id);
  const onePlan = ids === undefined ? '' : ` AND plan_id IN (${ids.join(', ')})`;
  const tasksOf = new Map<number, StoredTask[]>();
  const byRow = new Map<number, StoredTask>();
  for (const row of rows<TaskRow>(db, `SELECT id, plan_id, number, seq, path, title, text FROM tasks WHERE retired = 0${onePlan} ORDER BY plan_id, seq`)) {
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
  const roles = `SELECT task_id, role, named, units.name AS unit FROM task_roles JOIN units ON units.id = unit_id
    WHERE task_id IN (SELECT id FROM tasks WHERE retired = 0${onePlan}) ORDER BY task_id, position`;
  for (const row of withUnits ? rows<{ task_id: number; role: Role; named: string; unit: string }>(db, roles) : []) {
    const task = byRow.get(row.task_id);
    task?.units.push({ name: row.named, role: row.role });
    task?.canonical.push(row.unit);
  }
  for (const row of !withUnits ? [] : rows<{ task_id: number; text: string; date: string | null }>(
    db,
    `SELECT task_id, text, date FROM deadlines WHERE task_id IN (SELECT id FROM tasks WHERE retired = 0${onePlan}) ORDER BY task_id, position`,
  )) {
    byRow.get(row.task_id)?.deadlines.push({ text: row.text, date: row.date });
  }
  return rows<PlanRow>(db, `SELECT id, uid, name, source, meta, sections FROM plans${ids === undefined ? '' : ` WHERE id IN (${ids.join(', ')})`} ORDER BY id`).map((plan) => ({
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
