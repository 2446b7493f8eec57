// The batch runner behind `parse`, `ledger` and `units`: it expands the inputs, plans where the
// outputs go, parses the notices (on worker threads for a large batch), asks each ledger for the
// command's rendering, and writes the outputs, reporting each failure and going on.

import { statSync } from 'node:fs';
import { asError, InputError } from '../errors.js';
import type { Exported, ExportOptions, FileFormat, Format, HeaderLanguage } from '../export/index.js';
import { message, warningMessage, warningText } from '../i18n/index.js';
import { maxThreads, setMaxInputBytes } from '../limits.js';
import type { Warning } from '../model.js';
import { isUrl, loadInput } from '../read/load.js';
import type { InputFile } from './expand.js';
import { inputLabel, sourceName, STDIN } from './input.js';
import { errorFromSent } from './messages.js';
import { exportOptionsFor, FILES_WRITTEN_AT_ONCE, openSink, type OutputOptions, type OutputPlan, planOutput, print, type Sink } from './outputs.js';
import type { BatchInput, InputResult, ParsedInput, RenderingRequest } from './produce.js';
import type { Progress } from './progress.js';
import type { Rendering } from './renderers.js';
import { EXIT, reportFailure, worseExitCode } from './report.js';

export interface BatchOptions extends OutputOptions {
  encoding?: string;
  header: HeaderLanguage;
  /** Threads to parse on; 1 parses in this thread. Default: by the size of the batch. */
  threads?: number;
  /** No progress bar and no summary line. */
  quiet?: boolean;
  /** The largest input read, in bytes (--max-input). */
  maxInput?: number;
}

/** What a command makes of each ledger of a batch. */
export interface BatchCommand {
  /** What it writes, for messages: “the ledger”, “the unit matrix”. */
  name: string;
  /** What each input makes, for the message that several inputs need a folder: “ledger per input”. */
  perInput: string;
  /** The file formats it writes. */
  formats: readonly FileFormat[];
  /** Its rendering of a ledger in a format (made where the ledger is parsed). */
  rendering: (format: Format, options: ExportOptions) => Rendering;
  /**
   * Several inputs into one file, in these formats: each ledger's rendering in `keptAs` (which
   * may fail for one notice), written together by `write` once all are parsed.
   */
  together?: {
    formats: readonly FileFormat[];
    keptAs: Format;
    write: (kept: Exported[], format: FileFormat, options: ExportOptions) => Promise<Exported>;
  };
}

/**
 * The renderings of each ledger the plan needs, made where the ledger is parsed: the command's
 * output (kept for a file of all the inputs together), and the explanation for --explain.
 */
function renderingsFor(plan: OutputPlan, command: BatchCommand, exportOptions: ExportOptions, explainWidth: number | undefined): RenderingRequest {
  const renderings: Record<string, Rendering> = {};
  if (plan.to === 'jsonl') renderings.ledger = { renderer: 'ledger-line' };
  else if (plan.to === 'together') renderings.ledger = command.rendering(command.together?.keptAs ?? plan.format, exportOptions);
  else if (plan.to !== 'nowhere') renderings.ledger = command.rendering(plan.format, exportOptions);
  if (explainWidth !== undefined) renderings.explain = { renderer: 'explanation', width: explainWidth };
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
 * what the command makes of its ledger; goes on past inputs that fail; returns the exit code.
 */
export async function runBatch(args: readonly string[], options: BatchOptions, debug: boolean, command: BatchCommand): Promise<number> {
  if (options.maxInput !== undefined) setMaxInputBytes(options.maxInput);
  const { expandArguments } = await import('./expand.js');
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
    plan = await planOutput(inputs, searched || inputs.length > 1, options, command);
    sink = await openSink(plan, inputs, guarded);
  } catch (error) {
    return worseExitCode(exitCode, reportFailure(undefined, error, debug));
  }
  // The pipeline (through the pool) is the heavy part of start-up; --help and other commands do without it.
  const { parseMany, threadsFor } = await import('./pool.js');
  const exportOptions = await exportOptionsFor(plan, options.header);
  const explainWidth = options.explain === true ? ((await import('../export/stdout.js')).stdoutWidth() ?? 80) : undefined;
  const request = renderingsFor(plan, command, exportOptions, explainWidth);
  // More threads than cores only share the cores and multiply the memory.
  const threads = Math.min(options.threads ?? threadsFor(inputs.length, knownBytes(inputs)), inputs.length, maxThreads());
  if (inputs.length > 1 && process.stderr.isTTY && options.quiet !== true) {
    progress = (await import('./progress.js')).startProgress(inputs.length);
  }

  // Output on the terminal the bar is drawn on would run into it.
  const printsOnTerminal =
    process.stdout.isTTY && (plan.to === 'stdout' || (plan.to === 'jsonl' && plan.path === undefined) || options.explain === true);
  let parsed = 0;
  // The pool's indices are those of `inputs`.
  const labelOf = (index: number) => inputLabel(inputs[index]!.path);
  const kept: Exported[] = [];
  const put = async (index: number, result: ParsedInput) => {
    const made = result.outputs.ledger;
    if (made !== undefined && 'error' in made) {
      // What the command asks of this notice it does not have (a unit it does not name).
      fail(labelOf(index), errorFromSent(made.error));
      progress?.advance(true);
      return;
    }
    if (made?.notes !== undefined && made.notes.length > 0) {
      progress?.clear();
      for (const note of made.notes) process.stderr.write(`taizhang: ${note}\n`);
    }
    if (plan.to === 'together' && made !== undefined) kept[index] = made.output;
    try {
      if (made !== undefined) await sink.put(index, made.output);
      parsed++;
      progress?.advance(false);
    } catch (error) {
      fail(sink.subject(index), error);
      progress?.advance(true);
      if (sink.whole !== undefined) throw new OutputFailed();
    }
  };
  const writing = new Set<Promise<void>>();
  const onResult = async (index: number, result: InputResult) => {
    if (result instanceof Error) {
      fail(labelOf(index), result);
      progress?.advance(true);
      return;
    }
    if (printsOnTerminal) progress?.clear();
    const explanation = result.outputs.explain;
    if (explanation !== undefined && 'error' in explanation) {
      fail(labelOf(index), errorFromSent(explanation.error));
      progress?.advance(true);
      return;
    }
    if (explanation !== undefined) await print(explanation.output);
    // Something that is no notice is refused, whatever the output: one line, exit 2, nothing written.
    const notANotice = result.warnings.find((warning) => warning.code === NOT_A_NOTICE);
    if (notANotice !== undefined) {
      fail(labelOf(index), new InputError(warningMessage(notANotice)));
      progress?.advance(true);
      return;
    }
    // The outline on stdout lists them itself.
    if (!(plan.to === 'stdout' && plan.format === 'terminal')) reportWarnings(labelOf(index), result.warnings, progress);
    if (!sink.sideBySide) return put(index, result);
    // Writing a file (open, write, sync, rename) is done by the file system, off this thread:
    // several are written at a time while parsing goes on, instead of one after another.
    while (writing.size >= FILES_WRITTEN_AT_ONCE) await Promise.race(writing);
    const write = put(index, result).finally(() => writing.delete(write));
    writing.add(write);
  };
  try {
    await parseMany(readInputs(inputs, options.encoding), threads, onResult, request);
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
    // planOutput plans a file of all the inputs together only for a command that writes one.
    if (plan.to === 'together' && command.together !== undefined && together.length > 0) {
      const { writeFileAtomic } = await import('../export/write.js');
      await writeFileAtomic(plan.path, await command.together.write(together, plan.format, exportOptions), { inputs: guarded });
    }
  } catch (error) {
    fail(sink.subject(0), error);
    return exitCode;
  }
  summarize(parsed);
  return exitCode;
}

