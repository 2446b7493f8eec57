// Adding a plan: a new one, the same one again (nothing changes), or a corrected version matched
// onto the stored one by the diff, so that matching tasks keep their rows and their progress.
import { createHash } from 'node:crypto';
import type { Database, SqlValue } from 'sql.js';
import { diffLedgers } from '../diff/index.js';
import { ledgerTitle } from '../export/fields.js';
import type { Ledger, Task } from '../model.js';
import { type AliasTable, canonicalUnit } from '../unit-names/aliases.js';
import { lastId, loadPlans, unitId } from './plans.js';
import { rows } from './store.js';

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
  const storedUid = rows<{ uid: string }>(db, 'SELECT uid FROM plans WHERE name = ?', [name])[0]?.uid;
  const stored = storedUid === undefined ? undefined : loadPlans(db, [storedUid])[0];
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
    // A split or merged part points at a task already paired with another: it keeps no progress.
    if (pair.old === null || pair.new === null || pair.kinds.includes('split') || pair.kinds.includes('merged')) continue;
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
