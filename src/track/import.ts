// Rows of a returned sheet → progress entries: matched to their task by the hidden key, or, when
// the key column is lost, by 编号 and text; recorded without ever overwriting an entry.
import type { Database } from 'sql.js';
import { InputError } from '../errors.js';
import { type AliasTable, canonicalUnit } from '../unit-names/aliases.js';
import { lastId, type StoredPlan, type StoredTask, unitId } from './plans.js';
import { type Status, STATUSES } from './schema.js';
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
 * The uids of the plans the sheets' filled rows name by their keys; undefined when a row has no
 * key, and all plans are needed to match it by 编号 and text.
 */
export function keyedPlans(sheets: readonly ReturnedSheet[]): string[] | undefined {
  const uids = new Set<string>();
  for (const { rows: sheetRows } of sheets) {
    for (const { cells } of sheetRows) {
      if (!FILLED_COLUMNS.some((column) => cells[column] !== undefined)) continue;
      const key = readRowKey(cells.key ?? '');
      if (key === null) return undefined;
      uids.add(key.planUid);
    }
  }
  return [...uids];
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

/**
 * Records the entries of one returned sheet as of the date; an entry that differs from one
 * already there for that date is a conflict, left out.
 */
export function recordProgress(db: Database, source: string, entries: readonly ProgressRow[], date: string): RecordOutcome {
  const outcome: RecordOutcome = { recorded: 0, unchanged: 0, already: 0, conflicts: [] };
  const fields = 'status, text, person, evidence, note';
  const unitIds = new Map<string, number>();
  // Prepared once: sql.js parses a statement anew on every run() otherwise.
  const lastEntry = db.prepare(
    `SELECT progress.date, ${fields}, source FROM progress JOIN imports ON imports.id = import_id
      WHERE task_id = ? AND unit_id = ? AND progress.date <= ? ORDER BY progress.date DESC LIMIT 1`,
  );
  const insertEntry = db.prepare(`INSERT INTO progress (task_id, unit_id, date, ${fields}, import_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const updateLatest = db.prepare('INSERT INTO latest (task_id, unit_id, date) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET date = max(date, excluded.date)');
  let importId: number | undefined;
  try {
    for (const entry of entries) {
      let unit = unitIds.get(entry.unit);
      if (unit === undefined) unitIds.set(entry.unit, (unit = unitId(db, entry.unit)));
      // The unit's entry for that date, or else its last one before.
      lastEntry.bind([entry.taskRowId, unit, date]);
      const last = lastEntry.step() ? (lastEntry.getAsObject() as unknown as Report & { date: string; source: string }) : undefined;
      lastEntry.reset();
      if (last?.date === date) {
        if (sameReport(last, entry)) outcome.already++;
        else outcome.conflicts.push({ row: entry, existing: last });
        continue;
      }
      if (last !== undefined && sameReport(last, entry)) {
        outcome.unchanged++;
        continue;
      }
      if (importId === undefined) {
        db.run('INSERT INTO imports (source, date) VALUES (?, ?)', [source, date]);
        importId = lastId(db);
      }
      insertEntry.run([entry.taskRowId, unit, date, entry.status, entry.text, entry.person, entry.evidence, entry.note, importId]);
      updateLatest.run([entry.taskRowId, unit, date]);
      outcome.recorded++;
    }
  } finally {
    for (const statement of [lastEntry, insertEntry, updateLatest]) statement.free();
  }
  return outcome;
}
