import { InvalidArgumentError, Option, type Command } from 'commander';
import { ROLE_LABELS, ROLES } from '../export/fields.js';
import { FILE_FORMATS } from '../export/index.js';
import { message } from '../i18n/index.js';
import type { Role } from '../model.js';
import type { UnitLedger } from '../units/match.js';
import { quoteName } from './report.js';
import { ALIASES_FLAGS, ALIASES_HELP, collect, INPUTS_HELP, withAliasTable } from './options.js';
import { inputSize, MAX_INPUT_FLAGS, MAX_INPUT_HELP, parseFiles, type ParseOptions } from './parse.js';

interface LedgerOptions extends ParseOptions {
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

/** Says on stderr when the notice names a unit asked for only through its groups. */
function noteCollectiveOnly(ledger: UnitLedger, source: string, matchesOf: (task: UnitLedger['tasks'][number]) => { unit: string; named: string }[]): void {
  for (const unit of ledger.query.units) {
    if (unit.found.length > 0) continue;
    const groups = new Set(ledger.tasks.flatMap((task) => matchesOf(task).filter((match) => match.unit === unit.name).map((match) => match.named)));
    process.stderr.write(`taizhang: ${quoteName(source)}: ${message('unit.collectiveOnly', { unit: unit.name, groups: [...groups].join('、') })}\n`);
  }
}

async function writeUnitLedgers(files: readonly string[], options: LedgerOptions, debug: boolean): Promise<number> {
  // Loaded here rather than at start-up, which `parse` and --help should not pay for.
  const { matchesOf, unitLedger } = await import('../units/match.js');
  const { exportUnitLedger, unitLedgersXlsx } = await import('../units/export.js');
  return withAliasTable(options.aliases, debug, (table) => {
    const own = (ledger: Parameters<typeof unitLedger>[0]) => {
      const found = unitLedger(ledger, options.unit, table, options.role ?? null);
      noteCollectiveOnly(found, ledger.source.name, matchesOf);
      return found;
    };
    return parseFiles(files, options, debug, {
      name: "a unit's ledger",
      formats: FILE_FORMATS,
      render: (ledger, format, exportOptions) => exportUnitLedger(own(ledger), format, exportOptions),
      // One department's tasks from several notices: one workbook, a sheet per notice.
      together: { formats: ['xlsx'], keep: own, write: (kept, _format, exportOptions) => unitLedgersXlsx(kept as UnitLedger[], exportOptions) },
    });
  });
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
