import { Option, type Command } from 'commander';
import { InputError } from '../errors.js';
import { formatOf, STATUS_FORMATS, type StatusFormat } from '../track/formats.js';
import { reportFailure } from '../batch/report.js';
import { addReportOptions, type TrackingOptions, withTracking, writeOutput } from './track.js';

interface StatusOptions extends TrackingOptions {
  format?: StatusFormat;
  output?: string;
}

/** `taizhang status`: the roll-up per unit and per section, with each task's traffic light. */
export function registerStatus(program: Command): void {
  const command = program
    .command('status')
    .description('roll up progress per unit and per top-level section, with a traffic light (红/黄/绿) per task')
    .addOption(new Option('--format <format>', 'output format (default: on the terminal, or the -o extension)').choices(STATUS_FORMATS))
    .option('-o, --output <file>', 'write to this file');
  addReportOptions(command, 'only this unit, with its own tasks and status').action(async (options: StatusOptions, self: Command) => {
    const debug = self.optsWithGlobals().debug === true;
    const format = formatOf(STATUS_FORMATS, options.format, options.output);
    if (format === undefined || (format === 'xlsx' && options.output === undefined)) {
      const problem = format === undefined ? `cannot tell the format from the file name; use --format ${STATUS_FORMATS.join('|')}` : 'an xlsx report needs -o FILE.xlsx';
      process.exitCode = reportFailure(options.output, new InputError(problem), debug);
      return;
    }
    process.exitCode = await withTracking(options, debug, async ({ tracking, own, table }) => {
      const { renderStatus, statusReport } = await import('../track/status.js');
      const colorLevel = format === 'terminal' ? (await import('../export/stdout.js')).stdoutColorLevel() : 0;
      return writeOutput(await renderStatus(statusReport(tracking, own, table), format, colorLevel), options.output, debug);
    });
  });
}
