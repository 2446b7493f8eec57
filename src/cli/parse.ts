import { InvalidArgumentError, Option, type Command } from 'commander';
import type { BatchCommand, BatchOptions } from '../batch/run.js';
import { FILE_FORMATS } from '../export/index.js';
import { INPUTS_HELP, inputSize, MAX_INPUT_FLAGS, MAX_INPUT_HELP } from './options.js';

/** `taizhang parse`: each notice's ledger, in the format asked for. */
const PARSE: BatchCommand = {
  name: 'the ledger',
  perInput: 'ledger per input (or --jsonl)',
  formats: FILE_FORMATS,
  rendering: (format, options) => ({ renderer: 'ledger', format, options }),
};

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
    .action(async (args: string[], options: BatchOptions, command: Command) => {
      const { runBatch } = await import('../batch/run.js');
      process.exitCode = await runBatch(args, options, command.optsWithGlobals().debug === true, PARSE);
    });
}
