import { join } from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../errors.js';
import type { Ledger } from '../model.js';
import { parseDate, parseDays, today } from '../track/dates.js';
import type { ReturnedSheet } from '../track/sheet-in.js';
import type { Tracking, UnitTasks } from '../track/state.js';
import type { AliasTable } from '../unit-names/aliases.js';
import { inputLabel, readLedger } from '../batch/input.js';
import { ALIASES_FLAGS, ALIASES_HELP, collect, withAliasTable } from './options.js';
import { EXIT, reportFailure } from '../batch/report.js';

// `taizhang track …` keeps the plans and their progress in an SQLite file; `due` and `status`
// read it. The database code loads only when one of them runs.

export interface TrackingOptions {
  db: string;
  asOf?: string;
  within: number;
  unit?: string;
  aliases: string[];
}

const DEFAULT_WITHIN_DAYS = 30;

/** --db and --aliases, which every tracking command takes. */
export function addDatabaseOptions(command: Command): Command {
  return command.option('--db <path>', 'the tracking database', 'taizhang.db').option(ALIASES_FLAGS, ALIASES_HELP, collect, []);
}

/** --as-of, --within and --unit of the commands that report on the database. */
export function addReportOptions(command: Command, unitHelp: string): Command {
  return addDatabaseOptions(command)
    .option('--as-of <date>', 'the date to report on, YYYY-MM-DD (default: today)', parseDate)
    .option('--within <days>', 'days ahead that count as due soon (30d, 4w)', parseDays, DEFAULT_WITHIN_DAYS)
    .option('--unit <name>', unitHelp);
}

export interface OpenTracking {
  tracking: Tracking;
  table: AliasTable;
  /** The unit asked for with --unit, and its tasks. */
  own: UnitTasks | null;
}

/** The database read as of the date, with the unit asked for; or the exit code of why not. */
export async function withTracking(options: TrackingOptions, debug: boolean, run: (open: OpenTracking) => Promise<number>): Promise<number> {
  return withAliasTable(options.aliases, debug, async (table) => {
    const { readStore } = await import('../track/store.js');
    const { loadTracking, tasksOfUnit } = await import('../track/state.js');
    let open: OpenTracking;
    try {
      const db = await readStore(options.db);
      const tracking = loadTracking(db, options.asOf ?? today(), options.within);
      db.close();
      const own = options.unit === undefined ? null : tasksOfUnit(tracking, options.unit, table);
      if (options.unit !== undefined && own === null) throw new InputError(`${options.db}: no plan has a task for ${options.unit}`);
      open = { tracking, table, own };
    } catch (error) {
      return reportFailure(undefined, error, debug);
    }
    return run(open);
  });
}

/** Writes the output to the file (whole or not at all) or to standard output. */
export async function writeOutput(data: string | Uint8Array, output: string | undefined, debug: boolean): Promise<number> {
  if (output === undefined) {
    process.stdout.write(data);
    return EXIT.ok;
  }
  try {
    const { writeFileAtomic } = await import('../export/write.js');
    await writeFileAtomic(output, data);
  } catch (error) {
    return reportFailure(output, error, debug);
  }
  return EXIT.ok;
}

// ---- track add ----

async function addPlans(files: readonly string[], options: TrackingOptions, debug: boolean): Promise<number> {
  // Every input is read before the database is touched: one bad input, nothing written.
  const ledgers: Ledger[] = [];
  for (const file of files) {
    try {
      // A ledger .json is checked against the taizhang/1 shape as it is read.
      ledgers.push(await readLedger(file));
    } catch (error) {
      return reportFailure(inputLabel(file), error, debug);
    }
  }
  return withAliasTable(options.aliases, debug, async (table) => {
    const { updateStore } = await import('../track/store.js');
    const { addPlan } = await import('../track/add.js');
    try {
      const results = await updateStore(options.db, (db) => ledgers.map((ledger) => addPlan(db, ledger, table, today())));
      for (const result of results) {
        if (result.outcome === 'updated') {
          process.stdout.write(`updated ${result.plan}: ${result.tasks} tasks, ${result.kept} matched a stored one and keep its progress\n`);
          for (const task of result.unmatched) process.stdout.write(`  no longer in the plan: ${task.id} ${task.text.slice(0, 40)}\n`);
        } else {
          process.stdout.write(`${result.outcome} ${result.plan}: ${result.tasks} tasks\n`);
        }
      }
    } catch (error) {
      return reportFailure(undefined, error, debug);
    }
    return EXIT.ok;
  });
}

// ---- track export ----

interface ExportOptions extends TrackingOptions {
  all?: boolean;
  output: string;
}

async function exportSheets(options: ExportOptions, debug: boolean): Promise<number> {
  if ((options.unit === undefined) === (options.all !== true)) {
    return reportFailure(undefined, new InputError('give either --unit NAME -o FILE.xlsx or --all -o DIR'), debug);
  }
  const asked = options.unit;
  return withTracking({ ...options, unit: undefined }, debug, async ({ tracking, table }) => {
    const { tasksByUnit, tasksOfUnit } = await import('../track/state.js');
    const { identifyUnit } = await import('../unit-names/aliases.js');
    const { unitWorkbook } = await import('../track/sheet-out.js');
    // A group (市直各单位) gets no sheet of its own: its tasks are in each member's.
    const units = asked !== undefined ? [asked] : tasksByUnit(tracking, table).map(({ unit }) => unit).filter((unit) => identifyUnit(unit, table).kind !== 'group');
    for (const unit of units) {
      const own = tasksOfUnit(tracking, unit, table);
      if (own === null) return reportFailure(undefined, new InputError(`${options.db}: no plan has a task for ${unit}`), debug);
      const file = asked !== undefined ? options.output : join(options.output, `${own.unit.replace(/[\\/:*?"<>|]/g, '_')}.xlsx`);
      const code = await writeOutput(await unitWorkbook(own), file, debug);
      if (code !== EXIT.ok) return code;
      process.stdout.write(`wrote ${file}: ${own.tasks.length} tasks of ${own.unit}\n`);
    }
    return EXIT.ok;
  });
}

// ---- track import ----

interface ImportOptions extends TrackingOptions {
  unit?: string;
}

async function importSheets(files: readonly string[], options: ImportOptions, debug: boolean): Promise<number> {
  const { readReturnedSheets } = await import('../track/sheet-in.js');
  /** The sheets, read while the database file is (their parse and its read overlap), or the first that cannot be. */
  const reading = (async () => {
    const sheets: { file: string; sheets: ReturnedSheet[] }[] = [];
    for (const file of files) {
      try {
        sheets.push({ file, sheets: await readReturnedSheets(file) });
      } catch (error) {
        return { file, error };
      }
    }
    return sheets;
  })();
  return withAliasTable(options.aliases, debug, async (table) => {
    const { updateStore } = await import('../track/store.js');
    const { loadPlans } = await import('../track/plans.js');
    const { indexPlans, keyedRows, matchSheet, recordProgress } = await import('../track/import.js');
    const date = options.asOf ?? today();
    let failed: string | undefined;
    try {
      const results = await updateStore(options.db, async (db) => {
        // A sheet that cannot be read fails the whole import, before anything is recorded.
        const sheets = await reading;
        if (!Array.isArray(sheets)) {
          failed = sheets.file;
          throw sheets.error;
        }
        // Sheets whose rows all have their keys need only the plans and the tasks the keys name.
        const keyed = keyedRows(sheets.flatMap((file) => file.sheets));
        const plans = indexPlans(loadPlans(db, keyed?.plans, { withUnits: false, rows: keyed?.tasks }));
        return sheets.map(({ file, sheets: returned }) => {
          failed = file;
          const matches = returned.map((sheet) => matchSheet(sheet, plans, table, file, options.unit));
          failed = undefined;
          const entries = matches.flatMap((match) => match.entries);
          return { file, unmatched: matches.flatMap((match) => match.unmatched), outcome: recordProgress(db, file, entries, date) };
        });
      });
      for (const { file, unmatched, outcome } of results) {
        for (const row of unmatched) process.stderr.write(`taizhang: ${row.source}: row ${row.line} (编号 ${row.number || '—'}): ${row.reason}\n`);
        for (const { row, existing } of outcome.conflicts) {
          process.stderr.write(
            `taizhang: ${row.source}: row ${row.line} (编号 ${row.number}): conflicts with the entry of ${date} by ${row.unit} from ${existing.source} ` +
              `(${existing.status}：${existing.text.slice(0, 20)} ≠ ${row.status}：${row.text.slice(0, 20)}); kept that one\n`,
          );
        }
        process.stdout.write(
          `${file}: ${outcome.recorded} recorded, ${outcome.unchanged} unchanged, ${outcome.already} already recorded, ` +
            `${outcome.conflicts.length} conflicting, ${unmatched.length} unmatched (as of ${date})\n`,
        );
      }
    } catch (error) {
      return reportFailure(failed, error, debug);
    }
    return EXIT.ok;
  });
}

// ---- track list ----

async function listPlans(options: TrackingOptions, debug: boolean): Promise<number> {
  return withTracking(options, debug, async ({ tracking }) => {
    for (const plan of tracking.plans) {
      const states = tracking.tasks.filter((state) => state.plan === plan);
      const reported = states.filter((state) => state.latest !== null).length;
      process.stdout.write(`${plan.name}\t${plan.ledger.tasks.length} tasks\t${reported} with progress\t${plan.ledger.source.name}\n`);
    }
    return EXIT.ok;
  });
}

/** `taizhang track add|export|import|list`: the 台账 through the year. */
export function registerTrack(program: Command): void {
  const track = program.command('track').description('keep plans and their progress in an SQLite database (taizhang.db) all year');
  const debugOf = (command: Command) => command.optsWithGlobals().debug === true;
  addDatabaseOptions(
    track
      .command('add')
      .description('store plans: a notice in any readable format, or a ledger .json; a corrected version keeps the progress of matching tasks')
      .argument('<files...>', 'notices or ledger .json files'),
  ).action(async (files: string[], options: TrackingOptions, self: Command) => {
    process.exitCode = await addPlans(files, options, debugOf(self));
  });
  addDatabaseOptions(
    track
      .command('export')
      .description("write a unit's sheet to fill in (xlsx, one worksheet per plan), or one per unit")
      .option('--unit <name>', 'the unit, by any of its names')
      .option('--all', 'one sheet per unit, into the folder -o')
      .requiredOption('-o, --output <path>', 'the .xlsx file (--unit), or the folder (--all)')
      .option('--as-of <date>', 'prefill each row with the unit\'s entry as of this date (default: today)', parseDate),
  ).action(async (options: ExportOptions, self: Command) => {
    process.exitCode = await exportSheets({ ...options, within: 0 }, debugOf(self));
  });
  addDatabaseOptions(
    track
      .command('import')
      .description('record the filled rows of returned sheets (xlsx or csv) as progress entries')
      .argument('<files...>', 'returned sheets')
      .option('--as-of <date>', 'the date of the entries, YYYY-MM-DD (default: today)', parseDate)
      .option('--unit <name>', 'the unit that filled a sheet which no longer says (no key column, no title row)'),
  ).action(async (files: string[], options: ImportOptions, self: Command) => {
    process.exitCode = await importSheets(files, options, debugOf(self));
  });
  addDatabaseOptions(track.command('list').description('list the stored plans')).action(async (options: TrackingOptions, self: Command) => {
    process.exitCode = await listPlans({ ...options, within: 0 }, debugOf(self));
  });
}
