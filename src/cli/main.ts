import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { type Language, LANGUAGES, setLanguage } from '../i18n/index.js';
import { EXIT, reportFailure } from '../batch/report.js';

// Each command lives in its own file and adds itself to the program. Only the command run is
// loaded (every one for --help or a mistyped name): a cold start pays for no other.
const COMMANDS: Record<string, () => Promise<(program: Command) => void>> = {
  parse: async () => (await import('./parse.js')).registerParse,
  eval: async () => (await import('./eval.js')).registerEval,
  diff: async () => (await import('./diff.js')).registerDiff,
  ledger: async () => (await import('./ledger.js')).registerLedger,
  units: async () => (await import('./units.js')).registerUnits,
  track: async () => (await import('./track.js')).registerTrack,
  due: async () => (await import('./due.js')).registerDue,
  status: async () => (await import('./status.js')).registerStatus,
};

/** The commands to load for this command line: the one named, else all. */
function commandsFor(argv: readonly string[]): (() => Promise<(program: Command) => void>)[] {
  const named = argv.slice(2).find((arg) => !arg.startsWith('-'));
  const command = named !== undefined && Object.hasOwn(COMMANDS, named) ? COMMANDS[named] : undefined;
  return command !== undefined ? [command] : Object.values(COMMANDS);
}

function packageVersion(): string {
  const manifest: unknown = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  return (manifest as { version: string }).version;
}

export async function buildProgram(argv: readonly string[]): Promise<Command> {
  const program = new Command('taizhang')
    .description('Turn Chinese government work-plan notices into task ledgers (工作台账).')
    .version(packageVersion())
    .option('--debug', 'print the stack trace of errors')
    .addOption(new Option('--lang <language>', 'language of messages and warnings (default: zh, or en in an English locale)').choices(LANGUAGES))
    // Before any command runs, so that its messages and its worker threads speak it.
    .hook('preAction', (self) => {
      const chosen = self.opts().lang as Language | undefined;
      if (chosen !== undefined) setLanguage(chosen);
    })
    // Throw instead of exiting, so that run() decides the exit code; subcommands inherit both settings.
    .exitOverride()
    .configureOutput({ outputError: (message, write) => write(`taizhang: ${message.replace(/^error: /, '')}`) });
  for (const load of commandsFor(argv)) (await load())(program);
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
  const program = await buildProgram(argv);
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
