import type { AliasTable } from '../units/aliases.js';
import { reportFailure } from './report.js';

// Options several commands share: repeatable values, and --aliases of the commands that name
// units (ledger, units, diff).

/** What the commands that read notices take. */
export const INPUTS_HELP =
  'notices (text, html, docx), folders of notices, patterns such as "notices/**/*.html", URLs, or - for standard input';

export const ALIASES_FLAGS = '--aliases <file>';
export const ALIASES_HELP = 'an alias table of unit names to read after the built-in one (repeatable)';

/** Gathers the values of a repeatable option. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/**
 * Runs `run` with the built-in alias table extended by `files`; when one cannot be read, reports
 * why and returns the exit code instead.
 */
export async function withAliasTable(files: readonly string[], debug: boolean, run: (table: AliasTable) => Promise<number>): Promise<number> {
  // Loaded here rather than at start-up, which `parse` and --help should not pay for.
  const { loadAliases } = await import('../units/aliases.js');
  let table: AliasTable;
  try {
    table = loadAliases(files);
  } catch (error) {
    return reportFailure(undefined, error, debug);
  }
  return run(table);
}
