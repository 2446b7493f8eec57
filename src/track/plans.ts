// Plans in the database, read back as ledgers.
import type { Database } from 'sql.js';
import type { Ledger, Meta, Role, Section, Task } from '../model.js';
import { jsonRows, rows } from './store.js';

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

type PlanRow = [id: number, uid: string, name: string, source: string, meta: Meta, sections: Section[]];
type TaskRow = [planId: number, seq: number, id: number, number: string, path: string[], title: string | null, text: string];
type RoleRow = [taskId: number, position: number, role: Role, named: string, unitId: number];
type DeadlineRow = [taskId: number, position: number, text: string, date: string | null];

/** Rows by their first two numbers: sorted here rather than by SQLite, which is slower at it in WebAssembly. */
const byFirstTwo = (a: readonly unknown[], b: readonly unknown[]) => (a[0] as number) - (b[0] as number) || (a[1] as number) - (b[1] as number);

/**
 * The plans (or those of the uids asked for) with their current tasks (not retired), as ledgers,
 * in the order they were added. `withUnits: false` leaves out the tasks' units and deadlines,
 * which matching a returned sheet does not need; `rows` keeps only the tasks of these row ids
 * (an import whose rows all have their keys needs no others).
 */
export function loadPlans(db: Database, uids?: readonly string[], { withUnits = true, rows: rowIds }: { withUnits?: boolean; rows?: readonly number[] } = {}): StoredPlan[] {
  if (uids?.length === 0) return [];
  // Named, so that a query binds those it uses.
  const params = { $uids: JSON.stringify(uids ?? []), $rows: JSON.stringify(rowIds ?? []) };
  const somePlans = uids === undefined ? '' : ' AND plan_id IN (SELECT id FROM plans WHERE uid IN (SELECT value FROM json_each($uids)))';
  const someRows = rowIds === undefined ? '' : ' AND id IN (SELECT value FROM json_each($rows))';
  const current = `FROM tasks WHERE retired = 0${somePlans}${someRows}`;
  // All tasks' units and deadlines are read whole, those of retired tasks skipped below.
  const ofCurrent = uids === undefined && rowIds === undefined ? '' : ` WHERE task_id IN (SELECT id ${current})`;
  const tasksOf = new Map<number, StoredTask[]>();
  const byRow = new Map<number, StoredTask>();
  const taskRows = jsonRows<TaskRow>(db, `SELECT json_group_array(json_array(plan_id, seq, id, number, json(path), title, text)) ${current}`, params);
  for (const [planId, seq, rowId, number, path, title, text] of taskRows.sort(byFirstTwo)) {
    const task: StoredTask = { rowId, id: number, seq, path, title, text, units: [], canonical: [], deadlines: [], line: null };
    byRow.set(rowId, task);
    const planTasks = tasksOf.get(planId) ?? [];
    if (planTasks.length === 0) tasksOf.set(planId, planTasks);
    planTasks.push(task);
  }
  if (withUnits) {
    const units = new Map(jsonRows<[number, string]>(db, 'SELECT json_group_array(json_array(id, name)) FROM units'));
    for (const [taskId, , role, named, unitId] of jsonRows<RoleRow>(db, `SELECT json_group_array(json_array(task_id, position, role, named, unit_id)) FROM task_roles${ofCurrent}`, params).sort(byFirstTwo)) {
      const task = byRow.get(taskId);
      task?.units.push({ name: named, role });
      task?.canonical.push(units.get(unitId)!);
    }
    const deadlines = `SELECT json_group_array(json_array(task_id, position, text, date)) FROM deadlines${ofCurrent}`;
    for (const [taskId, , text, date] of jsonRows<DeadlineRow>(db, deadlines, params).sort(byFirstTwo)) byRow.get(taskId)?.deadlines.push({ text, date });
  }
  const plans = `SELECT json_group_array(json_array(id, uid, name, source, json(meta), json(sections)) ORDER BY id) FROM plans
    ${uids === undefined ? '' : 'WHERE uid IN (SELECT value FROM json_each($uids))'}`;
  return jsonRows<PlanRow>(db, plans, params).map(([id, uid, name, source, meta, sections]) => ({
    id,
    uid,
    name,
    ledger: {
      schema: 'taizhang/1',
      source: { name: source, format: 'text', encoding: 'utf-8', script: 'simplified' },
      meta,
      sections,
      tasks: tasksOf.get(id) ?? [],
      warnings: [],
    },
  }));
}
