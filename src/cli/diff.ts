import { InvalidArgumentError, Option, type Command } from 'commander';
import { DEFAULT_THRESHOLD } from '../diff/threshold.js';
import { DIFF_FILE_FORMATS, diffFormatFromPath, type DiffFileFormat, type DiffFormat } from '../diff/formats.js';
import { InputError } from '../errors.js';
import { writeFileAtomic } from '../export/write.js';
import type { Ledger } from '../model.js';
import { ALIASES_FLAGS, ALIASES_HELP, collect } from './options.js';
import { extname } from 'node:path';
import { inputLabel, readInput, readLedger, sourceName, STDIN } from '../batch/input.js';
import { EXIT, reportFailure } from '../batch/report.js';

interface DiffCommandOptions {
  format?: DiffFileFormat;
  output?: string;
  threshold: number;
  aliases?: string[];
}

function parseThreshold(value: string): number {
  const threshold = Number(value);
  if (value.trim() === '' || !(threshold >= 0 && threshold <= 1)) {
    throw new InvalidArgumentError('expected a number from 0 to 1');
  }
  return threshold;
}

/** The report's format: the one asked for, else the output file's, else the terminal's. */
function formatOf({ format, output }: DiffCommandOptions): DiffFormat {
  // As `parse` says: a workbook's bytes are no report for the terminal.
  if (format === 'xlsx' && output === undefined) throw new InputError('--format xlsx makes a binary file: name it with -o FILE.xlsx');
  if (format !== undefined) return format;
  if (output === undefined) return 'terminal';
  const inferred = diffFormatFromPath(output);
  if (inferred === undefined) {
    throw new InputError(`${output}: cannot tell the format from the file name; use --format ${DIFF_FILE_FORMATS.join('|')}`);
  }
  return inferred;
}

/**
 * A year to compare: a notice, a ledger (.json, checked for its shape), or the .csv or .xlsx sheet
 * of one; the ledger readers load only when such a file is given.
 */
async function readDiffInput(file: string): Promise<Ledger> {
  const extension = extname(file).toLowerCase();
  if (!['.json', '.csv', '.xlsx'].includes(extension)) return readLedger(file);
  const bytes = await readInput(file);
  const name = sourceName(file);
  if (extension === '.xlsx') return (await import('../diff/ledger-sheet.js')).ledgerFromXlsx(bytes, name);
  if (extension === '.csv') return (await import('../diff/ledger-sheet.js')).ledgerFromCsv(Buffer.from(bytes).toString('utf8'), name);
  return (await import('../read/ledger-json.js')).readLedgerJson(bytes);
}

async function diffFiles(oldFile: string, newFile: string, options: DiffCommandOptions, debug: boolean): Promise<number> {
  let format: DiffFormat;
  try {
    if (oldFile === STDIN && newFile === STDIN) throw new InputError('standard input (-) can only be read once');
    format = formatOf(options);
  } catch (error) {
    return reportFailure(undefined, error, debug);
  }
  // A ledger, or the exit code of the failure to read it.
  const read = async (file: string): Promise<Ledger | number> => {
    try {
      return await readDiffInput(file);
    } catch (error) {
      return reportFailure(inputLabel(file), error, debug);
    }
  };
  const oldLedger = await read(oldFile);
  if (typeof oldLedger === 'number') return oldLedger;
  const newLedger = await read(newFile);
  if (typeof newLedger === 'number') return newLedger;
  let rendered: string | Uint8Array;
  try {
    // The diff and its renderers load only when there are two ledgers to compare.
    const { diffLedgers, diffToXlsx, renderDiff } = await import('../diff/index.js');
    const report = diffLedgers(oldLedger, newLedger, { threshold: options.threshold, aliasFiles: options.aliases });
    const colorLevel = format === 'terminal' ? (await import('../export/stdout.js')).stdoutColorLevel() : 0;
    rendered = format === 'xlsx' ? await diffToXlsx(report) : renderDiff(report, format, { colorLevel });
  } catch (error) {
    // An alias file that cannot be read names itself in the message.
    return reportFailure(undefined, error, debug);
  }
  if (options.output === undefined) {
    process.stdout.write(rendered);
    return EXIT.ok;
  }
  try {
    await writeFileAtomic(options.output, rendered, { inputs: [oldFile, newFile].filter((file) => file !== STDIN) });
  } catch (error) {
    return reportFailure(options.output, error, debug);
  }
  return EXIT.ok;
}

/**
 * `taizhang diff OLD NEW`: what changed from one year's notice to the next, task by task — added,
 * removed, reworded, moved, units and deadlines changed — on the terminal or as md, json, html or xlsx.
 */
export function registerDiff(program: Command): void {
  program
    .command('diff')
    .description("show what changed, task by task, from one year's notice to the next")
    .argument('<old>', "last year's notice (text, html, docx), its ledger (.json) or sheet (.csv, .xlsx), or - for standard input")
    .argument('<new>', "this year's notice, likewise")
    .addOption(
      new Option('--format <format>', 'report format (default: a report on the terminal, or the -o extension)').choices(
        DIFF_FILE_FORMATS,
      ),
    )
    .option('-o, --output <file>', 'write the report to this file (.md, .json, .html or .xlsx)')
    .option(
      '--threshold <n>',
      'similarity (0–1) under which two tasks count as one removed and one added, not one changed',
      parseThreshold,
      DEFAULT_THRESHOLD,
    )
    .option(ALIASES_FLAGS, ALIASES_HELP, collect)
    .action(async (oldFile: string, newFile: string, options: DiffCommandOptions, command: Command) => {
      process.exitCode = await diffFiles(oldFile, newFile, options, command.optsWithGlobals().debug === true);
    });
}
