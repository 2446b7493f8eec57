// Where each task stands on a date: the latest progress entries, its status, its deadline and the
// supervisors' traffic light. due, status and the sheets all read the database through here.
import type { Database } from 'sql.js';
import { deadlineDates } from '../export/fields.js';
import { type AliasTable, belongsTo, identifyUnit, type UnitIdentity } from '../unit-names/aliases.js';
import { UnitNotFound, unitLedger } from '../responsibility/unit-ledger.js';
import { addDays } from './dates.js';
import { loadPlans, type StoredPlan, type StoredTask } from './plans.js';
import type { Status } from './schema.js';
import { dayNumber, isoDate, STATUSES } from './schema.js';
import { jsonRows } from './store.js';

/** 红 overdue, 黄 due within the window, 绿 on track or done. */
export type Light = '红' | '黄' | '绿';

/** A unit's progress entry. */
export interface Entry {
  unit: string;
  date: string;
  status: Status;
  text: string;
  person: string;
  evidence: string;
  note: string;
}

export interface TaskState {
  plan: StoredPlan;
  task: StoredTask;
  /** The final dated deadline (ISO), if any. */
  deadline: string | null;
  /** Each unit's latest entry on or before the date, by canonical unit name. */
  entries: Map<string, Entry>;
  /** The latest of them: the task's own state. */
  latest: Entry | null;
}

export interface Tracking {
  asOf: string;
  /** Days ahead that count as due soon. */
  within: number;
  /** The last day that counts as due soon. */
  until: string;
  plans: StoredPlan[];
  tasks: TaskState[];
}

type EntryRow = [taskId: number, unit: string, day: number, status: number, text: string, person: string, evidence: string, note: string];

/** Later first; on one date the further status first (已完成 over 推进中). */
function isNewer(entry: Entry, than: Entry | null): boolean {
  if (than === null || entry.date !== than.date) return than === null || entry.date > than.date;
  return STATUSES.indexOf(entry.status) > STATUSES.indexOf(than.status);
}

export function loadTracking(db: Database, asOf: string, within: number): Tracking {
  const plans = loadPlans(db);
  const states = new Map<number, TaskState>();
  for (const plan of plans) {
    for (const task of plan.ledger.tasks) {
      states.set(task.rowId, { plan, task, deadline: deadlineDates(task).sort().at(-1) ?? null, entries: new Map(), latest: null });
    }
  }
  // Each task and unit's latest entry up to the date: the latest of all, unless it is later.
  const latest = `SELECT json_group_array(json_array(l.task_id, units.name, p.date, status, text, person, evidence, note))
    FROM latest l JOIN units ON units.id = l.unit_id
    JOIN progress p ON p.task_id = l.task_id AND p.unit_id = l.unit_id AND p.date = CASE WHEN l.date <= ?1 THEN l.date
      ELSE (SELECT max(date) FROM progress q WHERE q.task_id = l.task_id AND q.unit_id = l.unit_id AND q.date <= ?1) END`;
  for (const [taskId, unit, day, code, text, person, evidence, note] of jsonRows<EntryRow>(db, latest, [dayNumber(asOf)])) {
    const state = states.get(taskId);
    if (state === undefined) continue;
    const entry: Entry = { unit, date: isoDate(day), status: STATUSES[code]!, text, person, evidence, note };
    state.entries.set(unit, entry);
    if (isNewer(entry, state.latest)) state.latest = entry;
  }
  return { asOf, within, until: addDays(asOf, within), plans, tasks: [...states.values()] };
}

/** The task's status for a unit: the unit's own latest entry, else the task's. */
export function statusOf(state: TaskState, unit?: string): Status {
  return (unit === undefined ? undefined : state.entries.get(unit))?.status ?? state.latest?.status ?? '未启动';
}

/** A standing task (长期推进) and a done one are on track whatever the deadline. */
export function isOpen(status: Status): boolean {
  return status === '未启动' || status === '推进中';
}

export function lightOf(status: Status, deadline: string | null, tracking: Pick<Tracking, 'asOf' | 'until'>): Light {
  if (!isOpen(status) || deadline === null) return '绿';
  if (deadline < tracking.asOf) return '红';
  return deadline <= tracking.until ? '黄' : '绿';
}

/** A unit's tasks: those it is named on, and those of the groups it belongs to (市直各单位). */
export interface UnitTasks {
  /** The unit's canonical name. */
  unit: string;
  tasks: TaskState[];
}

/** The tasks of the unit asked for, by any of its names; null when no plan names it. */
export function tasksOfUnit(tracking: Tracking, name: string, table: AliasTable): UnitTasks | null {
  const byRow = new Map(tracking.tasks.map((state) => [state.task.rowId, state]));
  let unit: string | undefined;
  const tasks: TaskState[] = [];
  for (const plan of tracking.plans) {
    let own: ReturnType<typeof unitLedger>;
    try {
      own = unitLedger(plan.ledger, [name], table);
    } catch (error) {
      // Plans that do not name the unit have no tasks of it; no plan at all is told below.
      if (error instanceof UnitNotFound) continue;
      throw error;
    }
    unit ??= own.query.units[0]!.canonical;
    // unitLedger's tasks are copies of the stored ones, row id included.
    for (const task of own.tasks) tasks.push(byRow.get((task as unknown as StoredTask).rowId)!);
  }
  return unit === undefined || tasks.length === 0 ? null : { unit, tasks };
}

/**
 * Every unit named on a task, by canonical name, with its tasks in order: those naming it, and,
 * for a unit that is not itself a group, those of the groups it belongs to (as tasksOfUnit).
 */
export function tasksByUnit(tracking: Tracking, table: AliasTable): UnitTasks[] {
  const identities = new Map<string, UnitIdentity>();
  const identify = (name: string, region: string | null) => {
    const key = `${region ?? ''}|${name}`;
    let identity = identities.get(key);
    if (identity === undefined) identities.set(key, (identity = identifyUnit(name, table, region)));
    return identity;
  };
  const units = new Map<string, { identity: UnitIdentity; tasks: TaskState[] }>();
  for (const state of tracking.tasks) {
    for (const unit of state.task.canonical) if (!units.has(unit)) units.set(unit, { identity: identify(unit, null), tasks: [] });
  }
  // Which units each group of a plan's region includes: a few groups, computed once each.
  const members = new Map<string, string[]>();
  const membersOf = (group: string, region: string | null) => {
    const key = `${region ?? ''}|${group}`;
    let list = members.get(key);
    if (list === undefined) {
      const identity = identify(group, region);
      list = identity.kind !== 'group' ? [] : [...units].filter(([, unit]) => belongsTo(unit.identity, identity)).map(([name]) => name);
      members.set(key, list);
    }
    return list;
  };
  for (const state of tracking.tasks) {
    const region = state.plan.ledger.meta.region;
    const named = new Set(state.task.canonical);
    const reached = new Set([...named, ...state.task.units.flatMap((unit) => membersOf(unit.name, region))]);
    for (const unit of reached) units.get(unit)!.tasks.push(state);
  }
  return [...units].map(([unit, { tasks }]) => ({ unit, tasks }));
}
