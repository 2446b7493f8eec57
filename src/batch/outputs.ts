// Where a batch's outputs go: the plan the options make (stdout, a file, a folder of files, one
// JSON Lines stream, one file of all the inputs together), and the sink each output is put into.

import { once } from 'node:events';
import { stat } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';
import { InputError } from '../errors.js';
import {
  BINARY_FORMATS,
  type Exported,
  type ExportOptions,
  FILE_EXTENSIONS,
  type FileFormat,
  type Format,
  formatFromPath,
  type HeaderLanguage,
} from '../export/index.js';
import type { AtomicFile } from '../export/write.js';
import type { InputFile } from './expand.js';
import { STDIN } from './input.js';
import type { BatchCommand } from './run.js';

/** The options that decide where the outputs go. */
export interface OutputOptions {
  format?: FileFormat;
  output?: string;
  /** One ledger per line, onto stdout or into the -o file. */
  jsonl?: boolean;
  /** Print what became of every line of each input. */
  explain?: boolean;
}

/** Where the ledgers go. */
export type OutputPlan =
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
export async function planOutput(inputs: readonly InputFile[], batch: boolean, options: OutputOptions, command: BatchCommand): Promise<OutputPlan> {
  const { formats } = command;
  const writable = (fileFormat: FileFormat): FileFormat => {
    if (!formats.includes(fileFormat)) throw new InputError(`${command.name} is written as ${formats.join(', ')}, not ${fileFormat}`);
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
    if (!toDirectory && togetherFormat !== undefined && command.together?.formats.includes(togetherFormat) === true) {
      return { to: 'together', path: output, format: togetherFormat };
    }
    // `a.txt b.txt -o all.json` is far likelier a wish for one merged file than for a folder named all.json.
    if (!toDirectory && formatFromPath(output) !== undefined) {
      throw new InputError(`${output}: several inputs need a directory for -o, one ${command.perInput}`);
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
export async function exportOptionsFor(plan: OutputPlan, header: HeaderLanguage): Promise<ExportOptions> {
  // Colour and width matter only to the outline on screen, and finding them out loads chalk.
  if (plan.to !== 'stdout' || plan.format !== 'terminal') return { header };
  const { stdoutColorLevel, stdoutWidth } = await import('../export/stdout.js');
  return { header, colorLevel: stdoutColorLevel(), width: stdoutWidth() };
}

/** Writes to stdout, waiting when the pipe is full, so that a batch does not pile up in memory. */
export async function print(text: Exported): Promise<void> {
  if (!process.stdout.write(text)) await once(process.stdout, 'drain');
}

/** Where each input's output goes. */
export interface Sink {
  put(index: number, output: Exported): Promise<void>;
  /** What a failed put is reported about. */
  subject(index: number): string;
  /** One file for the whole batch: once a write to it fails, nothing more can go into it. */
  whole?: AtomicFile;
  /** Outputs are files of their own, which can be written side by side, in any order. */
  sideBySide?: boolean;
}

/** How many output files of a batch are written at once. */
export const FILES_WRITTEN_AT_ONCE = 8;

/** Output for the terminal: several are printed one after another, a blank line between. */
function stdoutSink(): Sink {
  let printed = 0;
  return { put: (_index, text) => print(printed++ === 0 ? text : `\n${text}`), subject: () => 'stdout' };
}

export async function openSink(plan: OutputPlan, inputs: readonly InputFile[], guarded: readonly string[]): Promise<Sink> {
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
      // One file for each input, by the input's index.
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
