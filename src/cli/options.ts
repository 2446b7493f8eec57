import { InvalidArgumentError } from 'commander';
import { reportFailure } from '../batch/report.js';
import { DEFAULT_MAX_INPUT_BYTES, formatSize, parseSize } from '../limits.js';
import type { AliasTable } from '../unit-names/aliases.js';

// Options several commands share: repeatable values, --max-input of the commands that read
// notices, and --aliases of the commands that name units (ledger, units, diff).

/** What the commands that read notices take. */
export const INPUTS_HELP =
  'notices (text, html, docx), folders of notices, patterns such as "notices/**/*.html", URLs, or - for standard input';

export const ALIASES_FLAGS = '--aliases <file>';
export const ALIASES_HELP = 'an alias table of unit names to read after the built-in one (repeatable)';

/** --max-input SIZE: `100MB`, `1g`, `512k`, or bytes. */
export function inputSize(value: string): number {
  const bytes = parseSize(value);
  if (bytes === undefined) throw new InvalidArgumentError('Expected a size such as 100MB, 1GB or 512KB.');
  return bytes;
}

export const MAX_INPUT_FLAGS = '--max-input <size>';
export const MAX_INPUT_HELP = `read no input larger than this (default ${formatSize(DEFAULT_MAX_INPUT_BYTES)}; 100MB, 1GB, 512KB)`;

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
  const { loadAliases } = await import('../unit-names/aliases.js');
  let table: AliasTable;
  try {
    table = loadAliases(files);
  } catch (error) {
    return reportFailure(undefined, error, debug);
  }
  return run(table);
}
