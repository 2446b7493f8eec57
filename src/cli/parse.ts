import { once } from 'node:events';
import { statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { InputFile } from '../batch/expand.js';
import type { BatchInput, Outcome, Product, Rendering } from '../batch/pool.js';
import { asError, InputError } from '../errors.js';
import {
  BINARY_FORMATS,
  type Exported,
  FILE_EXTENSIONS,
  FILE_FORMATS,
  formatFromPath,
  type ExportOptions,
  type FileFormat,
  type Format,
  type HeaderLanguage,
} from '../export/index.js';
import type { AtomicFile } from '../export/write.js';
import { message, warningMessage, warningText } from '../i18n/index.js';
import { DEFAULT_MAX_INPUT_BYTES, formatSize, maxThreads, parseSize, setMaxInputBytes } from '../limits.js';
import type { Ledger, Warning } from '../model.js';
import { isUrl, loadInput } from '../read/load.js';
import { inputLabel, sourceName, STDIN } from './input.js';
import { INPUTS_HELP } from './options.js';
import type { Progress } from './progress.js';
import { EXIT, reportFailure, worseExitCode } from './report.js';

export interface ParseOptions {
  format?: FileFormat;
  output?: string;
  encoding?: string;
  header: HeaderLanguage;
  /** One ledger per line, onto stdout or into the -o file. */
  jsonl?: boolean;
  /** Print what became of every line of each input. */
  explain?: boolean;
  /** Threads to parse on; 1 parses in this thread. Default: by the size of the batch. */
  threads?: number;
  /** No progress bar and no summary line. */
  quiet?: boolean;
  /** The largest input read, in bytes (--max-input). */
  maxInput?: number;
}

/** Where the ledgers go. */
type OutputPlan =
  | { to: 'stdout'; format: Format }
  | { to: 'file'; path: string; format: FileFormat }
  | { to: 'directory'; path: string; format: FileFormat }
  /** One ledger per line, into a file or onto stdout. */
  | { to: 'jsonl'; path?: string }
  /** Several inputs into one file, made by the command's own `together`. */
  | { to: 'together'; path: string; format: FileFormat }
  /** --explain alone: the explanation is all the output. */
  | { to: 'nowhere' };

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

const namesDirectory = async (output: string): Promise<boolean> =>
  output.endsWith('/') || output.endsWith(sep) || (await isDirectory(output));

/**
 * Each input's file in the output directory: its place (the path below the folder or pattern
 * that found it, else its name) with the format's extension. Two files named on the command line
 * may not share a name; a file found in a folder or by a pattern whose name is taken gets -2, -3….
 */
function outputNames(inputs: readonly InputFile[], directory: string, format: FileFormat): string[] {
  const extension = FILE_EXTENSIONS[format];
  // Lower case: two names that differ only in case are one file on macOS and Windows.
  const owners = new Map<string, InputFile>();
  return inputs.map((input) => {
    const stem = input.place.slice(0, input.place.length - extname(input.place).length);
    let name = stem + extension;
    const owner = owners.get(name.toLowerCase());
    if (owner !== undefined && owner.named && input.named) {
      throw new InputError(
        `${owner.path} and ${input.path} would both be written to ${join(directory, name)}; name their folder instead to keep its sub-folders apart`,
      );
    }
    for (let n = 2; owners.has(name.toLowerCase()); n++) name = `${stem}-${n}${extension}`;
    owners.set(name.toLowerCase(), input);
    return name;
  });
}

/** Decides where the ledgers go; throws InputError when the options do not add up. */
async function planOutput(inputs: readonly InputFile[], batch: boolean, options: ParseOptions, own?: OwnOutput): Promise<OutputPlan> {
  const formats = own?.formats ?? FILE_FORMATS;
  const writable = (fileFormat: FileFormat): FileFormat => {
    if (!formats.includes(fileFormat)) throw new InputError(`${own?.name ?? 'the ledger'} is written as ${formats.join(', ')}, not ${fileFormat}`);
    return fileFormat;
  };
  const { format, output, jsonl, explain } = options;
  if (inputs.filter((input) => input.path === STDIN).length > 1) {
    throw new InputError('standard input (-) can only be read once');
  }
  const explainNeedsOutput = (what: string) =>
    new InputError(`--explain prints on stdout, and so would ${what}: write the ledgers with -o`);
  if (jsonl === true) {
    if (output === undefined && explain === true) throw explainNeedsOutput('--jsonl');
    if (output !== undefined && (await namesDirectory(output))) {
      throw new InputError(`${output}: --jsonl writes all the ledgers into one file: name it with -o FILE.jsonl`);
    }
    return { to: 'jsonl', path: output };
  }
  if (output === undefined) {
    if (format !== undefined && BINARY_FORMATS.has(format)) {
      throw new InputError(`--format ${format} makes a binary file: name it with -o FILE${FILE_EXTENSIONS[format]}`);
    }
    if (explain === true) {
      if (format !== undefined) throw explainNeedsOutput(`--format ${format}`);
      return { to: 'nowhere' };
    }
    // Several json or csv documents one after another on stdout would not be one valid file.
    if (batch && format !== undefined) {
      throw new InputError(`several inputs with --format ${format} need -o DIR (or --jsonl: one ledger per line)`);
    }
    return { to: 'stdout', format: format ?? 'terminal' };
  }
  const toDirectory = await namesDirectory(output);
  if (toDirectory || batch) {
    const togetherFormat = format ?? formatFromPath(output);
    if (!toDirectory && togetherFormat !== undefined && own?.together?.formats.includes(togetherFormat) === true) {
      return { to: 'together', path: output, format: togetherFormat };
    }
    // `a.txt b.txt -o all.json` is far likelier a wish for one merged file than for a folder named all.json.
    if (!toDirectory && formatFromPath(output) !== undefined) {
      throw new InputError(`${output}: several inputs need a directory for -o, one ${own === undefined ? 'ledger per input (or --jsonl)' : 'output per input'}`);
    }
    return { to: 'directory', path: output, format: writable(format ?? 'json') };
  }
  const fileFormat = format ?? formatFromPath(output);
  if (fileFormat === undefined) {
    throw new InputError(`${output}: cannot tell the format from the file name; use --format ${formats.join('|')}`);
  }
  return { to: 'file', path: output, format: writable(fileFormat) };
}

/** Export options for the plan's output. */
async function exportOptionsFor(plan: OutputPlan, header: HeaderLanguage): Promise<ExportOptions> {
  // Colour and width matter only to the outline on screen, and finding them out loads chalk.
  if (plan.to !== 'stdout' || plan.format !== 'terminal') return { header };
  const { stdoutColorLevel, stdoutWidth } = await import('./stdout.js');
  return { header, colorLevel: stdoutColorLevel(), width: stdoutWidth() };
}

/** How a command other than parse makes its output of each ledger (the unit ledgers, the unit matrix). */
export interface OwnOutput {
  render: (ledger: Ledger, format: Format, options: ExportOptions) => Promise<Exported>;
  /** What it writes, for messages: “the unit matrix”. */
  name: string;
  /** The file formats it writes. */
  formats: readonly FileFormat[];
  /**
   * Several inputs into one file, in these formats: what `keep` makes of each ledger (it may
   * refuse one by throwing), written together by `write` once all are parsed.
   */
  together?: {
    formats: readonly FileFormat[];
    keep: (ledger: Ledger) => unknown;
    write: (kept: unknown[], format: FileFormat, options: ExportOptions) => Promise<Exported>;
  };
}

/** Writes to stdout, waiting when the pipe is full, so that a batch does not pile up in memory. */
async function print(text: Exported): Promise<void> {
  if (!process.stdout.write(text)) await once(process.stdout, 'drain');
}

/** Where each input's output goes. */
interface Sink {
  put(index: number, output: Exported): Promise<void>;
  /** What a failed put is reported about. */
  subject(index: number): string;
  /** One file for the whole batch: once a write to it fails, nothing more can go into it. */
  whole?: AtomicFile;
  /** Outputs are files of their own, which can be written side by side, in any order. */
  sideBySide?: boolean;
}

/** How many output files of a batch are written at once. */
const FILES_WRITTEN_AT_ONCE = 8;

/** Output for the terminal: several are printed one after another, a blank line between. */
function stdoutSink(): Sink {
  let printed = 0;
  return { put: (_index, text) => print(printed++ === 0 ? text : `\n${text}`), subject: () => 'stdout' };
}

async function openSink(plan: OutputPlan, inputs: readonly InputFile[], guarded: readonly string[]): Promise<Sink> {
  // Loaded for output files only: the outline on the terminal and JSON on stdout do without.
  const files = () => import('../export/write.js');
  switch (plan.to) {
    case 'stdout':
      return stdoutSink();
    case 'nowhere':
      return { put: async () => undefined, subject: () => 'stdout' };
    case 'together':
      return { put: async () => undefined, subject: () => plan.path };
    case 'file': {
      const { writeFileAtomic } = await files();
      return { put: (_index, data) => writeFileAtomic(plan.path, data, { inputs: guarded }), subject: () => plan.path };
    }
    case 'directory': {
      const targets = outputNames(inputs, plan.path, plan.format).map((name) => join(plan.path, name));
      const { writeFileAtomic } = await files();
      return {
        put: (index, data) => writeFileAtomic(targets[index]!, data, { inputs: guarded }),
        subject: (index) => targets[index]!,
        sideBySide: true,
      };
    }
    case 'jsonl': {
      if (plan.path === undefined) return { put: (_index, line) => print(line), subject: () => 'stdout' };
      const path = plan.path;
      const file = await (await files()).openFileAtomic(path, { inputs: guarded });
      return { put: (_index, line) => file.write(line), subject: () => path, whole: file };
    }
  }
}

/**
 * The renderings of each ledger the plan needs, made where the ledger is parsed: the output
 * (unless the command renders the ledger itself), and the explanation for --explain.
 */
function renderingsFor(
  plan: OutputPlan,
  rendersItself: boolean,
  exportOptions: ExportOptions,
  explainWidth: number | undefined,
): Record<string, Rendering> {
  const renderings: Record<string, Rendering> = {};
  if (plan.to === 'jsonl') renderings.ledger = { format: 'jsonl', options: {} };
  else if (plan.to !== 'nowhere' && !rendersItself) renderings.ledger = { format: plan.format, options: exportOptions };
  if (explainWidth !== undefined) renderings.explain = { format: 'explain', options: { width: explainWidth } };
  return renderings;
}

/** The inputs' bytes, read one at a time as the batch asks for them; an input that cannot be read is its error. */
async function* readInputs(inputs: readonly InputFile[], encoding: string | undefined): AsyncGenerator<BatchInput | Error> {
  for (const { path, raw } of inputs) {
    let next: BatchInput | Error;
    try {
      const { bytes, contentType } = await loadInput(raw ?? path);
      next = { name: sourceName(path), bytes, encoding, contentType };
    } catch (error) {
      next = asError(error);
    }
    yield next;
  }
}

/** The size of the inputs that are files; URLs and stdin are not known before they are read. */
function knownBytes(inputs: readonly InputFile[]): number {
  let bytes = 0;
  for (const { path, raw } of inputs) {
    if (path === STDIN || isUrl(path)) continue;
    try {
      bytes += statSync(raw ?? path).size;
    } catch {
      // Unreadable: reading it reports why.
    }
  }
  return bytes;
}

/** The warning of a ledger read from something that is no notice, which is refused. */
const NOT_A_NOTICE = 'no-numbered-items';

/** A ledger's warnings on stderr, one line each. */
function reportWarnings(subject: string, warnings: readonly Warning[], progress: Progress | undefined): void {
  if (warnings.length === 0) return;
  progress?.clear();
  for (const warning of warnings) process.stderr.write(`taizhang: ${subject}: ${message('warning.stderr', { warning: warningText(warning) })}\n`);
}

/** Thrown to stop a batch whose one output file failed; the failure is reported already. */
class OutputFailed extends Error {}

/**
 * Parses each input (a file, a folder of notices, a pattern, a URL, or - for stdin) and writes
 * its ledger (or what `own` makes of it); goes on past inputs that fail; returns the exit code.
 */
export async function parseFiles(
  args: readonly string[],
  options: ParseOptions,
  debug: boolean,
  own?: OwnOutput,
): Promise<number> {
  if (options.maxInput !== undefined) setMaxInputBytes(options.maxInput);
  const { expandArguments } = await import('../batch/expand.js');
  const { inputs, failures, searched } = await expandArguments(args);
  let exitCode: number = EXIT.ok;
  let failed = 0;
  let progress: Progress | undefined;
  const fail = (subject: string | undefined, error: unknown) => {
    progress?.clear();
    exitCode = worseExitCode(exitCode, reportFailure(subject, error, debug));
    failed++;
  };
  // A batch from folders or patterns ends with a count: it is the only word about its good inputs.
  const summarize = (parsed: number) => {
    if (searched && options.quiet !== true) process.stderr.write(`taizhang: ${message('batch.summary', { parsed, failed })}\n`);
  };
  for (const failure of failures) fail(failure.subject, failure.error);
  if (inputs.length === 0) {
    summarize(0);
    return exitCode;
  }

  let plan: OutputPlan;
  let sink: Sink;
  // Outputs must never overwrite these; the same list for every output, so it is checked once.
  const guarded = inputs.map((input) => input.path).filter((path) => path !== STDIN);
  try {
    plan = await planOutput(inputs, searched || inputs.length > 1, options, own);
    sink = await openSink(plan, inputs, guarded);
  } catch (error) {
    return worseExitCode(exitCode, reportFailure(undefined, error, debug));
  }
  // The pipeline (through the pool) is the heavy part of start-up; --help and other commands do without it.
  const { parseMany, threadsFor } = await import('../batch/pool.js');
  const exportOptions = await exportOptionsFor(plan, options.header);
  const explainWidth = options.explain === true ? ((await import('./stdout.js')).stdoutWidth() ?? 80) : undefined;
  // A command with its own rendering (the unit ledgers) gets the ledger back and renders it here.
  const ownFormat = own !== undefined && 'format' in plan ? plan.format : undefined;
  const order = {
    renderings: renderingsFor(plan, ownFormat !== undefined, exportOptions, explainWidth),
    ledger: ownFormat !== undefined,
  };
  // More threads than cores only share the cores and multiply the memory.
  const threads = Math.min(options.threads ?? threadsFor(inputs.length, knownBytes(inputs)), inputs.length, maxThreads());
  if (inputs.length > 1 && process.stderr.isTTY && options.quiet !== true) {
    progress = (await import('./progress.js')).startProgress(inputs.length);
  }

  // Output on the terminal the bar is drawn on would run into it.
  const printsOnTerminal =
    process.stdout.isTTY && (plan.to === 'stdout' || (plan.to === 'jsonl' && plan.path === undefined) || options.explain === true);
  let parsed = 0;
  const kept: unknown[] = [];
  const put = async (index: number, outcome: Product) => {
    let output: Exported | undefined;
    try {
      if (plan.to === 'together') kept[index] = own!.together!.keep(outcome.ledger!);
      else output = ownFormat === undefined ? outcome.outputs.ledger : await own!.render(outcome.ledger!, ownFormat, exportOptions);
    } catch (error) {
      // What the command asks of this notice it does not have (a unit it does not name).
      fail(inputLabel(inputs[index]!.path), error);
      progress?.advance(true);
      return;
    }
    try {
      if (plan.to !== 'nowhere') await sink.put(index, output!);
      parsed++;
      progress?.advance(false);
    } catch (error) {
      fail(sink.subject(index), error);
      progress?.advance(true);
      if (sink.whole !== undefined) throw new OutputFailed();
    }
  };
  const writing = new Set<Promise<void>>();
  const onResult = async (index: number, outcome: Outcome) => {
    if (outcome instanceof Error) {
      fail(inputLabel(inputs[index]!.path), outcome);
      progress?.advance(true);
      return;
    }
    if (printsOnTerminal) progress?.clear();
    if (outcome.outputs.explain !== undefined) await print(outcome.outputs.explain);
    // Something that is no notice is refused, whatever the output: one line, exit 2, nothing written.
    const notANotice = outcome.warnings.find((warning) => warning.code === NOT_A_NOTICE);
    if (notANotice !== undefined) {
      fail(inputLabel(inputs[index]!.path), new InputError(warningMessage(notANotice)));
      progress?.advance(true);
      return;
    }
    // The outline on stdout lists them itself.
    if (!(plan.to === 'stdout' && plan.format === 'terminal')) reportWarnings(inputLabel(inputs[index]!.path), outcome.warnings, progress);
    if (!sink.sideBySide) return put(index, outcome);
    // Writing a file (open, write, sync, rename) is done by the file system, off this thread:
    // several are written at a time while parsing goes on, instead of one after another.
    while (writing.size >= FILES_WRITTEN_AT_ONCE) await Promise.race(writing);
    const write = put(index, outcome).finally(() => writing.delete(write));
    writing.add(write);
  };
  try {
    await parseMany(readInputs(inputs, options.encoding), threads, onResult, order);
    await Promise.all(writing);
  } catch (error) {
    progress?.clear();
    await sink.whole?.abort();
    if (!(error instanceof OutputFailed)) fail(undefined, error);
    return exitCode;
  }
  try {
    await sink.whole?.commit();
    const together = kept.filter((item) => item !== undefined);
    if (plan.to === 'together' && together.length > 0) {
      const { writeFileAtomic } = await import('../export/write.js');
      await writeFileAtomic(plan.path, await own!.together!.write(together, plan.format, exportOptions), { inputs: guarded });
    }
  } catch (error) {
    fail(sink.subject(0), error);
    return exitCode;
  }
  summarize(parsed);
  return exitCode;
}

/** --max-input SIZE: `100MB`, `1g`, `512k`, or bytes. */
export function inputSize(value: string): number {
  const bytes = parseSize(value);
  if (bytes === undefined) throw new InvalidArgumentError('Expected a size such as 100MB, 1GB or 512KB.');
  return bytes;
}

export const MAX_INPUT_FLAGS = '--max-input <size>';
export const MAX_INPUT_HELP = `read no input larger than this (default ${formatSize(DEFAULT_MAX_INPUT_BYTES)}; 100MB, 1GB, 512KB)`;

function threadCount(value: string): number {
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1) throw new InvalidArgumentError('Expected a whole number, 1 or more.');
  return count;
}

export function registerParse(program: Command): void {
  program
    .command('parse')
    .description('read work-plan notices and print or write their task ledgers')
    .argument('<inputs...>', INPUTS_HELP)
    .addOption(
      new Option('--format <format>', 'output format (default: an outline on the terminal, or the -o extension)').choices(
        FILE_FORMATS,
      ),
    )
    .option('-o, --output <path>', 'write to this file, or into this directory (one ledger per input)')
    .addOption(new Option('--jsonl', 'write the ledgers as JSON Lines, one per line, onto stdout or into the -o file').conflicts('format'))
    .option('--explain', 'print what became of every line of each input (preamble, heading, task, dropped and why)')
    .option('--encoding <name>', 'read the inputs in this encoding instead of detecting it')
    .addOption(new Option('--header <language>', 'column headers of csv and md tables').choices(['zh', 'en']).default('zh'))
    .option('--threads <n>', 'parse on this many threads (default: one per core for a large batch; 1: no worker threads)', threadCount)
    .option(MAX_INPUT_FLAGS, MAX_INPUT_HELP, inputSize)
    .option('-q, --quiet', 'no progress bar and no summary line (failures are still reported)')
    .action(async (args: string[], options: ParseOptions, command: Command) => {
      process.exitCode = await parseFiles(args, options, command.optsWithGlobals().debug === true);
    });
}
