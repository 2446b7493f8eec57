import { stat } from 'node:fs/promises';
import { basename, extname, join, sep } from 'node:path';
import { Option, type Command } from 'commander';
import { InputError } from '../errors.js';
import {
  BINARY_FORMATS,
  type Exported,
  exportLedger,
  FILE_EXTENSIONS,
  FILE_FORMATS,
  formatFromPath,
  type ExportOptions,
  type FileFormat,
  type Format,
  type HeaderLanguage,
} from '../export/index.js';
import { writeFileAtomic } from '../export/write.js';
import type { Ledger } from '../model.js';
import { loadInput } from '../read/load.js';
import { inputLabel, sourceName, STDIN } from './input.js';
import { EXIT, reportFailure, worseExitCode } from './report.js';

export interface ParseOptions {
  format?: FileFormat;
  output?: string;
  encoding?: string;
  header: HeaderLanguage;
}

/** Where the ledgers go. */
type OutputPlan =
  | { to: 'stdout'; format: Format }
  | { to: 'file'; path: string; format: FileFormat }
  | { to: 'directory'; path: string; format: FileFormat };

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** `<input basename>.<ext>`: the name an input's ledger gets in an output directory. */
function outputName(file: string, format: FileFormat): string {
  const stem = file === STDIN ? 'stdin' : basename(file, extname(file));
  return stem + FILE_EXTENSIONS[format];
}

function refuseSharedOutputNames(files: readonly string[], directory: string, format: FileFormat): void {
  const fileByName = new Map<string, string>();
  for (const file of files) {
    const name = outputName(file, format);
    // Lower case: two names that differ only in case are one file on macOS and Windows.
    const earlier = fileByName.get(name.toLowerCase());
    if (earlier !== undefined) {
      throw new InputError(`${earlier} and ${file} would both be written to ${join(directory, name)}`);
    }
    fileByName.set(name.toLowerCase(), file);
  }
}

/** Decides where the ledgers go; throws InputError when the options do not add up. */
async function planOutput(files: readonly string[], { format, output }: ParseOptions): Promise<OutputPlan> {
  if (files.filter((file) => file === STDIN).length > 1) {
    throw new InputError('standard input (-) can only be read once');
  }
  if (output === undefined) {
    if (format !== undefined && BINARY_FORMATS.has(format)) {
      throw new InputError(`--format ${format} makes a binary file: name it with -o FILE${FILE_EXTENSIONS[format]}`);
    }
    // Several json or csv documents one after another on stdout would not be one valid file.
    if (files.length > 1 && format !== undefined) {
      throw new InputError(`several inputs with --format ${format} need -o DIR`);
    }
    return { to: 'stdout', format: format ?? 'terminal' };
  }
  const namesDirectory = output.endsWith('/') || output.endsWith(sep) || (await isDirectory(output));
  if (namesDirectory || files.length > 1) {
    // `a.txt b.txt -o all.json` is far likelier a wish for one merged file than for a folder named all.json.
    if (!namesDirectory && formatFromPath(output) !== undefined) {
      throw new InputError(`${output}: several inputs need a directory for -o, one ledger per input`);
    }
    const directoryFormat = format ?? 'json';
    refuseSharedOutputNames(files, output, directoryFormat);
    return { to: 'directory', path: output, format: directoryFormat };
  }
  const fileFormat = format ?? formatFromPath(output);
  if (fileFormat === undefined) {
    throw new InputError(`${output}: cannot tell the format from the file name; use --format ${FILE_FORMATS.join('|')}`);
  }
  return { to: 'file', path: output, format: fileFormat };
}

/** Export options for the plan's output. */
async function exportOptionsFor(plan: OutputPlan, header: HeaderLanguage): Promise<ExportOptions> {
  // Colour and width matter only to the outline on screen, and finding them out loads chalk.
  if (plan.format !== 'terminal') return { header };
  const { stdoutColorLevel, stdoutWidth } = await import('./stdout.js');
  return { header, colorLevel: stdoutColorLevel(), width: stdoutWidth() };
}

/** The file a ledger is written to, or undefined for stdout. */
function targetOf(plan: OutputPlan, file: string): string | undefined {
  switch (plan.to) {
    case 'stdout':
      return undefined;
    case 'file':
      return plan.path;
    case 'directory':
      return join(plan.path, outputName(file, plan.format));
  }
}

/** How a command turns an input's ledger into its output (parse: the ledger itself). */
export type RenderLedger = (ledger: Ledger, format: Format, options: ExportOptions) => Promise<Exported>;

/** Parses each input and writes what `render` makes of its ledger; returns the exit code. */
export async function parseFiles(
  files: readonly string[],
  options: ParseOptions,
  debug: boolean,
  render: RenderLedger = exportLedger,
): Promise<number> {
  let plan: OutputPlan;
  try {
    plan = await planOutput(files, options);
  } catch (error) {
    return reportFailure(undefined, error, debug);
  }
  // The pipeline is the heavy part of start-up; --help and other commands do without it.
  const { parseBytes } = await import('../pipeline.js');
  const exportOptions = await exportOptionsFor(plan, options.header);
  const inputs = files.filter((file) => file !== STDIN);
  let exitCode: number = EXIT.ok;
  let printed = 0;
  for (const file of files) {
    let ledger: Ledger;
    try {
      const input = await loadInput(file);
      ledger = await parseBytes(input.bytes, { name: sourceName(file), encoding: options.encoding, contentType: input.contentType });
    } catch (error) {
      exitCode = worseExitCode(exitCode, reportFailure(inputLabel(file), error, debug));
      continue;
    }
    const target = targetOf(plan, file);
    try {
      const text = await render(ledger, plan.format, exportOptions);
      if (target === undefined) {
        // A blank line between the outlines of several inputs.
        process.stdout.write(printed++ === 0 ? text : `\n${text}`);
      } else {
        await writeFileAtomic(target, text, { inputs });
      }
    } catch (error) {
      exitCode = worseExitCode(exitCode, reportFailure(target ?? 'stdout', error, debug));
    }
  }
  return exitCode;
}

export function registerParse(program: Command): void {
  program
    .command('parse')
    .description('read work-plan notices and print or write their task ledgers')
    .argument('<files...>', 'notice files (text, html, docx), or - for standard input')
    .addOption(
      new Option('--format <format>', 'output format (default: an outline on the terminal, or the -o extension)').choices(
        FILE_FORMATS,
      ),
    )
    .option('-o, --output <path>', 'write to this file, or into this directory (one ledger per input)')
    .option('--encoding <name>', 'read the inputs in this encoding instead of detecting it')
    .addOption(new Option('--header <language>', 'column headers of csv and md tables').choices(['zh', 'en']).default('zh'))
    .action(async (files: string[], options: ParseOptions, command: Command) => {
      process.exitCode = await parseFiles(files, options, command.optsWithGlobals().debug === true);
    });
}
