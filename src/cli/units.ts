import type { Command } from 'commander';
import type { BatchOptions } from '../batch/run.js';
import { MATRIX_FILE_FORMATS, type MatrixFormat } from '../responsibility/formats.js';
import { INPUTS_HELP, withAliasTable } from './options.js';
import { addUnitCommandOptions } from './ledger.js';

interface UnitsOptions extends BatchOptions {
  aliases: string[];
}

async function writeMatrices(files: readonly string[], options: UnitsOptions, debug: boolean): Promise<number> {
  const { runBatch } = await import('../batch/run.js');
  // The alias tables are read here first, so that one that cannot be read is one failure, not one per notice.
  return withAliasTable(options.aliases, debug, () =>
    runBatch(files, options, debug, {
      name: 'the unit matrix',
      perInput: 'output per input',
      formats: MATRIX_FILE_FORMATS,
      // planOutput lets through only these formats and the terminal.
      rendering: (format, exportOptions) => ({ renderer: 'unit-matrix', format: format as MatrixFormat, options: exportOptions, aliases: options.aliases }),
    }),
  );
}

/** `taizhang units FILE...`: every unit the notice names, and how many tasks it carries in each role. */
export function registerUnits(program: Command): void {
  const command = program
    .command('units')
    .description('print the responsibility matrix: every unit, its names, and its counts of tasks by role')
    .argument('<inputs...>', INPUTS_HELP);
  // Listed here, not imported from responsibility/export.js, so that start-up does not load that module.
  addUnitCommandOptions(command, MATRIX_FILE_FORMATS).action(async (files: string[], options: UnitsOptions, self: Command) => {
    process.exitCode = await writeMatrices(files, options, self.optsWithGlobals().debug === true);
  });
}
