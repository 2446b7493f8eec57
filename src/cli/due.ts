import { Option, type Command } from 'commander';
import { InputError } from '../errors.js';
import { DUE_FORMATS, type DueFormat, formatOf } from '../track/formats.js';
import { reportFailure } from '../batch/report.js';
import { addReportOptions, type TrackingOptions, withTracking, writeOutput } from './track.js';

interface DueOptions extends TrackingOptions {
  format?: DueFormat;
  output?: string;
}

/** `taizhang due`: what is overdue or due soon, by unit. */
export function registerDue(program: Command): void {
  const command = program
    .command('due')
    .description('list the tasks not done whose deadline has passed or falls within --within days, by unit, overdue first')
    .addOption(new Option('--format <format>', 'output format (default: on the terminal, or the -o extension)').choices(DUE_FORMATS))
    .option('-o, --output <file>', 'write to this file');
  addReportOptions(command, "only this unit's tasks (its own, and its groups'), by any of its names").action(
    async (options: DueOptions, self: Command) => {
      const debug = self.optsWithGlobals().debug === true;
      const format = formatOf(DUE_FORMATS, options.format, options.output);
      if (format === undefined) {
        process.exitCode = reportFailure(options.output, new InputError(`cannot tell the format from the file name; use --format ${DUE_FORMATS.join('|')}`), debug);
        return;
      }
      process.exitCode = await withTracking(options, debug, async ({ tracking, own }) => {
        const { dueTasks, renderDue } = await import('../track/due.js');
        const colorLevel = format === 'terminal' ? (await import('../export/stdout.js')).stdoutColorLevel() : 0;
        return writeOutput(renderDue(dueTasks(tracking, own), format, colorLevel), options.output, debug);
      });
    },
  );
}
