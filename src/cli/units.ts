import type { Command } from 'commander';
import { InputError } from '../errors.js';
import { withAliasTable } from './options.js';
import { addUnitCommandOptions } from './ledger.js';
import { parseFiles, type ParseOptions } from './parse.js';

interface UnitsOptions extends ParseOptions {
  aliases: string[];
}

async function writeMatrices(files: readonly string[], options: UnitsOptions, debug: boolean): Promise<number> {
  const { unitMatrix } = await import('../units/matrix.js');
  const { exportUnitMatrix, isMatrixFormat, MATRIX_FILE_FORMATS } = await import('../units/export.js');
  return withAliasTable(options.aliases, debug, (table) =>
    parseFiles(files, options, debug, async (ledger, format, exportOptions) => {
      // --format is limited to these; an -o name may still ask for another.
      if (!isMatrixFormat(format)) throw new InputError(`the unit matrix is written as ${MATRIX_FILE_FORMATS.join(', ')}, not ${format}`);
      return exportUnitMatrix(unitMatrix(ledger, table), format, exportOptions);
    }),
  );
}

/** `taizhang units FILE...`: every unit the notice names, and how many tasks it carries in each role. */
export function registerUnits(program: Command): void {
  const command = program
    .command('units')
    .description('print the responsibility matrix: every unit, its names, and its counts of tasks by role')
    .argument('<files...>', 'notice files (text, html, docx), or - for standard input');
  // Listed here, not imported from units/export.js, so that start-up does not load that module.
  addUnitCommandOptions(command, ['json', 'csv', 'xlsx']).action(async (files: string[], options: UnitsOptions, self: Command) => {
    process.exitCode = await writeMatrices(files, options, self.optsWithGlobals().debug === true);
  });
}
