import type { Command } from 'commander';
import { MATRIX_FILE_FORMATS, type MatrixFormat } from '../units/formats.js';
import { INPUTS_HELP, withAliasTable } from './options.js';
import { addUnitCommandOptions } from './ledger.js';
import { parseFiles, type ParseOptions } from './parse.js';

interface UnitsOptions extends ParseOptions {
  aliases: string[];
}

async function writeMatrices(files: readonly string[], options: UnitsOptions, debug: boolean): Promise<number> {
  const { unitMatrix } = await import('../units/matrix.js');
  const { exportUnitMatrix } = await import('../units/export.js');
  return withAliasTable(options.aliases, debug, (table) =>
    parseFiles(files, options, debug, {
      name: 'the unit matrix',
      formats: MATRIX_FILE_FORMATS,
      // planOutput lets through only these formats and the terminal.
      render: (ledger, format, exportOptions) => exportUnitMatrix(unitMatrix(ledger, table), format as MatrixFormat, exportOptions),
    }),
  );
}

/** `taizhang units FILE...`: every unit the notice names, and how many tasks it carries in each role. */
export function registerUnits(program: Command): void {
  const command = program
    .command('units')
    .description('print the responsibility matrix: every unit, its names, and its counts of tasks by role')
    .argument('<inputs...>', INPUTS_HELP);
  // Listed here, not imported from units/export.js, so that start-up does not load that module.
  addUnitCommandOptions(command, MATRIX_FILE_FORMATS).action(async (files: string[], options: UnitsOptions, self: Command) => {
    process.exitCode = await writeMatrices(files, options, self.optsWithGlobals().debug === true);
  });
}
