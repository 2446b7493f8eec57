// Rows of a returned sheet → progress entries: matched to their task by the hidden key, or, when
// the key column is lost, by 编号 and text; recorded without ever overwriting an entry.
import type { Database, SqlValue } from 'sql.js';
import { InputError } from '../errors.js';
import { type AliasTable, canonicalUnit } from '../unit-names/aliases.js';
import { lastId, type StoredPlan, type StoredTask, unitId } from './plans.js';
import { jsonRows } from './store.js';
import { dayNumber, type Status, STATUSES, statusCode } from './schema.js';
import { FILLED_COLUMNS, readRowKey, SHEET_COLUMNS } from './sheet.js';
import type { ReturnedSheet, SheetRow } from './sheet-in.js';

/** What a row reports: the fields a progress entry stores. */
interface Report {
  status: Status;
  text: string;
  person: string;
  evidence: string;
  note: string;
}

export interface ProgressRow extends Report {
  taskRowId: number;
  /** The unit's canonical name. */
  unit: string;
  /** Where it came from, for messages: file, sheet and row. */
  source: string;
  line: number;
  number: string;
}

export interface UnmatchedRow {
  source: string;
  line: number;
  number: string;
  text: string;
  reason: string;
}

export interface SheetMatch {
  entries: ProgressRow[];
  unmatched: UnmatchedRow[];
}

const comparable = (text: string) => text.replace(/\s+/g, '');

/** The plans, and their tasks by key: made once for all the sheets of an import. */
export interface PlanIndex {
  plans: readonly StoredPlan[];
  byUid: Map<string, StoredPlan>;
  byRow: Map<number, { plan: StoredPlan; task: StoredTask }>;
}

export function indexPlans(plans: readonly StoredPlan[]): PlanIndex {
  return {
    plans,
    byUid: new Map(plans.map((plan) => [plan.uid, plan])),
    byRow: new Map(plans.flatMap((plan) => plan.ledger.tasks.map((task) => [task.rowId, { plan, task }] as const))),
  };
}

/**
 * The uids of the plans and the task rows the sheets' filled rows name by their keys; undefined
 * when a row has no key, and all plans are needed to match it by 编号 and text, or when no row is
 * filled, and the sheet's title is checked against them all.
 */
export function keyedRows(sheets: readonly ReturnedSheet[]): { plans: string[]; tasks: number[] } | undefined {
  const plans = new Set<string>();
  const tasks = new Set<number>();
  for (const { rows: sheetRows } of sheets) {
    for (const { cells } of sheetRows) {
      if (!FILLED_COLUMNS.some((column) => cells[column] !== undefined)) continue;
      const key = readRowKey(cells.key ?? '');
      if (key === null) return undefined;
      plans.add(key.planUid);
      tasks.add(key.taskRowId);
    }
  }
  return plans.size === 0 ? undefined : { plans: [...plans], tasks: [...tasks] };
}

/** The task with this 编号 and text, else the one task with this text (renumbered). */
function findTask(plans: readonly StoredPlan[], number: string, text: string): { plan: StoredPlan; task: StoredTask } | undefined {
  const found = plans.flatMap((plan) => plan.ledger.tasks.filter((task) => comparable(task.text) === comparable(text)).map((task) => ({ plan, task })));
  return found.find(({ task }) => task.id === number) ?? (found.length === 1 ? found[0] : undefined);
}

function reportOf(cells: SheetRow['cells']): Report | string {
  const status = cells.status ?? '推进中';
  if (!(STATUSES as readonly string[]).includes(status)) return `${SHEET_COLUMNS.status} “${status}” is none of ${STATUSES.join('、')}`;
  return { status: status as Status, text: cells.progress ?? '', person: cells.person ?? '', evidence: cells.evidence ?? '', note: cells.note ?? '' };
}

/**
 * The entries of a returned sheet's filled rows, and the rows that match no task. Throws for a
 * sheet of a plan this database does not have, and for one whose unit cannot be told.
 */
export function matchSheet(sheet: ReturnedSheet, { plans, byUid, byRow }: PlanIndex, table: AliasTable, source: string, unitAsked?: string): SheetMatch {
  const planNamed = (name: string | null | undefined) => {
    if (name === null || name === undefined) return undefined;
    const plan = plans.find((candidate) => candidate.name === name);
    if (plan === undefined) throw new InputError(`a sheet of another plan (${name}), not in this database`);
    return plan;
  };
  const titlePlan = planNamed(sheet.title?.plan);
  const where = sheet.name === '' ? source : `${source} [${sheet.name}]`;
  const result: SheetMatch = { entries: [], unmatched: [] };
  for (const { line, cells } of sheet.rows) {
    if (!FILLED_COLUMNS.some((column) => cells[column] !== undefined)) continue;
    const number = cells.number ?? '';
    const unmatched = (reason: string) => result.unmatched.push({ source: where, line, number, text: cells.task ?? '', reason });
    const key = readRowKey(cells.key ?? '');
    let found: { plan: StoredPlan; task: StoredTask } | undefined;
    let unitName: string | undefined;
    if (key !== null) {
      if (!byUid.has(key.planUid)) throw new InputError(`a sheet of another plan: row ${line}'s key names a plan not in this database`);
      found = byRow.get(key.taskRowId);
      unitName = key.unit;
    } else {
      const plan = planNamed(cells.plan) ?? titlePlan;
      found = findTask(plan === undefined ? plans : [plan], number, cells.task ?? '');
      unitName = sheet.title?.unit ?? unitAsked;
      if (unitName === undefined) throw new InputError('cannot tell which unit filled it in (no key column, no title row): give --unit');
    }
    if (found === undefined) {
      unmatched(key === null ? 'matches no task by 编号 and text' : 'its task is no longer in the plan');
      continue;
    }
    const report = reportOf(cells);
    if (typeof report === 'string') {
      unmatched(report);
      continue;
    }
    const unit = canonicalUnit(unitName, table, found.plan.ledger.meta.region).canonical;
    result.entries.push({ ...report, taskRowId: found.task.rowId, unit, source: where, line, number: found.task.id });
  }
  if (result.entries.length === 0 && result.unmatched.length > 0 && result.unmatched.every((row) => row.reason.startsWith('matches no task'))) {
    throw new InputError('no row matches a task in this database: a sheet of another plan?');
  }
  return result;
}

export interface Conflict {
  row: ProgressRow;
  existing: Report & { source: string };
}

export interface RecordOutcome {
  recorded: number;
  /** The same as the unit's entry before: nothing new to record. */
  unchanged: number;
  /** Recorded already for that date (the same sheet imported again). */
  already: number;
  conflicts: Conflict[];
}

const sameReport = (a: Report, b: Report) =>
  a.status === b.status && a.text === b.text && a.person === b.person && a.evidence === b.evidence && a.note === b.note;

type LastRow = [index: number, day: number, status: number, text: string, person: string, evidence: string, note: string, source: string];

/**
 * Records the entries of one returned sheet as of the date; an entry that differs from one
 * already there for that date is a conflict, left out. One query for all the entries' last
 * entries, one insert and one update of `latest`: sql.js pays for every statement run.
 */
export function recordProgress(db: Database, source: string, entries: readonly ProgressRow[], date: string): RecordOutcome {
  const outcome: RecordOutcome = { recorded: 0, unchanged: 0, already: 0, conflicts: [] };
  const day = dayNumber(date);
  const unitIds = new Map<string, number>();
  for (const entry of entries) if (!unitIds.has(entry.unit)) unitIds.set(entry.unit, unitId(db, entry.unit));
  const asked = JSON.stringify(entries.map((entry) => [entry.taskRowId, unitIds.get(entry.unit)!]));
  // Each entry's task and unit's entry for that date, or else its last one before.
  const lastOf = new Map<number, Report & { date: number; source: string }>();
  const lastEntries = `SELECT json_group_array(json_array(asked.key, p.date, p.status, p.text, p.person, p.evidence, p.note, imports.source))
    FROM json_each(?1) asked JOIN progress p ON p.task_id = asked.value ->> 0 AND p.unit_id = asked.value ->> 1
      AND p.date = (SELECT max(date) FROM progress q WHERE q.task_id = p.task_id AND q.unit_id = p.unit_id AND q.date <= ?2)
    JOIN imports ON imports.id = p.import_id`;
  for (const [index, lastDay, code, text, person, evidence, note, lastSource] of jsonRows<LastRow>(db, lastEntries, [asked, day])) {
    lastOf.set(index, { date: lastDay, status: STATUSES[code]!, text, person, evidence, note, source: lastSource });
  }
  // What this sheet records, by task and unit: a second row of the same is checked against it.
  const recorded = new Map<string, Report & { date: number; source: string }>();
  const added: SqlValue[][] = [];
  entries.forEach((entry, index) => {
    const key = `${entry.taskRowId}:${entry.unit}`;
    const last = recorded.get(key) ?? lastOf.get(index);
    if (last?.date === day) {
      if (sameReport(last, entry)) outcome.already++;
      else outcome.conflicts.push({ row: entry, existing: last });
      return;
    }
    if (last !== undefined && sameReport(last, entry)) {
      outcome.unchanged++;
      return;
    }
    recorded.set(key, { ...entry, date: day, source });
    added.push([entry.taskRowId, unitIds.get(entry.unit)!, statusCode(entry.status), entry.text, entry.person, entry.evidence, entry.note]);
  });
  if (added.length > 0) {
    db.run('INSERT INTO imports (source, date) VALUES (?, ?)', [source, date]);
    const params = [JSON.stringify(added), day, lastId(db)];
    db.run(`INSERT INTO progress (task_id, unit_id, date, status, text, person, evidence, note, import_id)
      SELECT value ->> 0, value ->> 1, ?2, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, ?3 FROM json_each(?1)`, params);
    db.run(`INSERT INTO latest (task_id, unit_id, date) SELECT value ->> 0, value ->> 1, ?2 FROM json_each(?1) WHERE true
      ON CONFLICT DO UPDATE SET date = max(date, excluded.date)`, params.slice(0, 2));
  }
  outcome.recorded = added.length;
  return outcome;
}
