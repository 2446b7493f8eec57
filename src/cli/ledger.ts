import { InvalidArgumentError, Option, type Command } from 'commander';
import { ROLES } from '../export/fields.js';
import { FILE_FORMATS } from '../export/index.js';
import type { Role } from '../model.js';
import { quoteName } from './report.js';
import { ALIASES_FLAGS, ALIASES_HELP, collect, withAliasTable } from './options.js';
import { inputSize, MAX_INPUT_FLAGS, MAX_INPUT_HELP, parseFiles, type ParseOptions } from './parse.js';

interface LedgerOptions extends ParseOptions {
  unit: string[];
  role?: Role[];
  aliases: string[];
}

function collectRole(value: string, previous: Role[] = []): Role[] {
  const role = ROLES.find((choice) => choice === value);
  if (role === undefined) throw new InvalidArgumentError(`Allowed choices are ${ROLES.join(', ')}.`);
  return [...previous, role];
}

/** The options every unit command shares with parse, plus --aliases. */
export function addUnitCommandOptions(command: Command, formats: readonly string[]): Command {
  return command
    .addOption(new Option('--format <format>', 'output format (default: on the terminal, or the -o extension)').choices(formats))
    .option('-o, --output <path>', 'write to this file, or into this directory (one file per input)')
    .option(ALIASES_FLAGS, ALIASES_HELP, collect, [])
    .option('--encoding <name>', 'read the inputs in this encoding instead of detecting it')
    .option(MAX_INPUT_FLAGS, MAX_INPUT_HELP, inputSize)
    .addOption(new Option('--header <language>', 'column headers of the tables (csv, md, xlsx): Chinese or English keys').choices(['zh', 'en']).default('zh'));
}

async function writeUnitLedgers(files: readonly string[], options: LedgerOptions, debug: boolean): Promise<number> {
  // Loaded here rather than at start-up, which `parse` and --help should not pay for.
  const { matchesOf, unitLedger } = await import('../units/match.js');
  const { exportUnitLedger } = await import('../units/export.js');
  return withAliasTable(options.aliases, debug, (table) =>
    parseFiles(files, options, debug, {
      name: "a unit's ledger",
      formats: FILE_FORMATS,
      render: (ledger, format, exportOptions) => {
        const own = unitLedger(ledger, options.unit, table, options.role ?? null);
        for (const unit of own.query.units) {
          if (!own.tasks.some((task) => matchesOf(task).some((match) => match.unit === unit.name))) {
            process.stderr.write(`taizhang: ${quoteName(ledger.source.name)}: no task for ${unit.name} (taizhang units lists the units the notice names)\n`);
          }
        }
        return exportUnitLedger(own, format, exportOptions);
      },
    }),
  );
}

/** `taizhang ledger FILE... --unit NAME`: one department's 工作台账. */
export function registerLedger(program: Command): void {
  const command = program
    .command('ledger')
    .description("list one unit's tasks: those it leads, carries or supports, and those of the groups it belongs to")
    .argument('<files...>', 'notice files (text, html, docx), or - for standard input')
    .requiredOption('--unit <name>', 'the unit, by any of its names (repeatable: one xlsx sheet per unit)', collect)
    .option('--role <role>', 'only tasks in this role: lead, responsible or support (repeatable)', collectRole);
  addUnitCommandOptions(command, FILE_FORMATS).action(async (files: string[], options: LedgerOptions, self: Command) => {
    process.exitCode = await writeUnitLedgers(files, options, self.optsWithGlobals().debug === true);
  });
}
