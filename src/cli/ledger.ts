import { InvalidArgumentError, Option, type Command } from 'commander';
import type { BatchOptions } from '../batch/run.js';
import { ROLE_LABELS, ROLES } from '../export/fields.js';
import { FILE_FORMATS } from '../export/index.js';
import { message } from '../i18n/index.js';
import type { Role } from '../model.js';
import type { UnitLedger } from '../responsibility/unit-ledger.js';
import { ALIASES_FLAGS, ALIASES_HELP, collect, INPUTS_HELP, inputSize, MAX_INPUT_FLAGS, MAX_INPUT_HELP, withAliasTable } from './options.js';

interface LedgerOptions extends BatchOptions {
  unit: string[];
  role?: Role[];
  aliases: string[];
}

/** A role as the outputs write it (牵头) or by its key (lead). */
function collectRole(value: string, previous: Role[] = []): Role[] {
  const role = ROLES.find((choice) => choice === value || ROLE_LABELS[choice] === value);
  if (role === undefined) throw new InvalidArgumentError(message('unit.badRole'));
  return [...previous, role];
}

const OUTPUT_HELP = 'write to this file, or into this directory (one file per input)';

/** The options every unit command shares with parse, plus --aliases. */
export function addUnitCommandOptions(command: Command, formats: readonly string[], outputHelp = OUTPUT_HELP): Command {
  return command
    .addOption(new Option('--format <format>', 'output format (default: on the terminal, or the -o extension)').choices(formats))
    .option('-o, --output <path>', outputHelp)
    .option(ALIASES_FLAGS, ALIASES_HELP, collect, [])
    .option('--encoding <name>', 'read the inputs in this encoding instead of detecting it')
    .option(MAX_INPUT_FLAGS, MAX_INPUT_HELP, inputSize)
    .addOption(new Option('--header <language>', 'column headers of the tables (csv, md, xlsx): Chinese or English keys').choices(['zh', 'en']).default('zh'))
    .option('-q, --quiet', 'no progress bar and no summary line (failures and warnings are still reported)');
}

async function writeUnitLedgers(files: readonly string[], options: LedgerOptions, debug: boolean): Promise<number> {
  const { runBatch } = await import('../batch/run.js');
  const query = { units: options.unit, roles: options.role ?? null, aliases: options.aliases };
  // The alias tables are read here first, so that one that cannot be read is one failure, not one per notice.
  return withAliasTable(options.aliases, debug, () =>
    runBatch(files, options, debug, {
      name: "a unit's ledger",
      perInput: 'output per input',
      formats: FILE_FORMATS,
      rendering: (format, exportOptions) => ({ renderer: 'unit-ledger', format, options: exportOptions, query }),
      // One department's tasks from several notices: one workbook, a sheet per notice.
      together: {
        formats: ['xlsx'],
        keptAs: 'json',
        write: async (kept, _format, exportOptions) => {
          const { unitLedgersXlsx } = await import('../responsibility/export.js');
          return unitLedgersXlsx(kept.map((json) => JSON.parse(String(json)) as UnitLedger), exportOptions);
        },
      },
    }),
  );
}

/** `taizhang ledger FILE... --unit NAME`: one department's 工作台账. */
export function registerLedger(program: Command): void {
  const command = program
    .command('ledger')
    .description(
      "list one unit's tasks: those it leads, carries or supports, and those of the groups it belongs to. " +
        'The unit is found among the units the notice names, by any of its names: with or without the level (省/市/区/县), ' +
        'short or full (人社厅, 人力资源和社会保障厅), old or new; a name the notice does not have is an error that lists the nearest. ' +
        'Several inputs with -o FILE.xlsx make one workbook, a sheet per notice',
    )
    .argument('<inputs...>', INPUTS_HELP)
    .requiredOption('--unit <name>', 'the unit, by any of its names (repeatable: one xlsx sheet per unit)', collect)
    .option('--role <role>', 'only tasks in this role: 牵头, 负责 or 配合 (lead, responsible, support; repeatable)', collectRole);
  addUnitCommandOptions(command, FILE_FORMATS, `${OUTPUT_HELP}; several inputs into one FILE.xlsx: a sheet per notice`).action(async (files: string[], options: LedgerOptions, self: Command) => {
    process.exitCode = await writeUnitLedgers(files, options, self.optsWithGlobals().debug === true);
  });
}
