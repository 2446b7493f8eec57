import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { registerDiff } from './diff.js';
import { registerEval } from './eval.js';
import { registerLedger } from './ledger.js';
import { registerParse } from './parse.js';
import { EXIT, reportFailure } from './report.js';
import { registerUnits } from './units.js';

// Each command lives in its own file and adds itself to the program.
const COMMANDS: readonly ((program: Command) => void)[] = [registerParse, registerEval, registerDiff, registerLedger, registerUnits];

function packageVersion(): string {
  const manifest: unknown = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  return (manifest as { version: string }).version;
}

export function buildProgram(): Command {
  const program = new Command('taizhang')
    .description('Turn Chinese government work-plan notices into task ledgers (工作台账).')
    .version(packageVersion())
    .option('--debug', 'print the stack trace of errors')
    // Throw instead of exiting, so that run() decides the exit code; subcommands inherit both settings.
    .exitOverride()
    .configureOutput({ outputError: (message, write) => write(`taizhang: ${message.replace(/^error: /, '')}`) });
  for (const register of COMMANDS) register(program);
  return program;
}

/** Runs the command line; sets process.exitCode rather than exiting, so pending output is flushed. */
export async function run(argv: readonly string[]): Promise<void> {
  // `taizhang parse … | head` closes the pipe early: that is not an error worth a stack trace. Any
  // other failure to write (a full disk) loses the output: one line, and the exit code says so.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
    process.exit(reportFailure('stdout', error, false));
  });
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has printed the help, the version or the usage error already.
      process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
      return;
    }
    process.exitCode = reportFailure(undefined, error, program.opts().debug === true);
  }
}
