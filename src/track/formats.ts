// The output formats of due and status, apart from their renderers so that start-up can list them.
import { extname } from 'node:path';

export const DUE_FORMATS = ['json', 'csv', 'md'] as const;
export type DueFormat = (typeof DUE_FORMATS)[number] | 'terminal';

export const STATUS_FORMATS = ['json', 'md', 'html', 'xlsx'] as const;
export type StatusFormat = (typeof STATUS_FORMATS)[number] | 'terminal';

/** The format asked for, else the output file's extension, else the terminal's. */
export function formatOf<F extends string>(formats: readonly F[], format: F | undefined, output: string | undefined): F | 'terminal' | undefined {
  if (format !== undefined) return format;
  if (output === undefined) return 'terminal';
  const extension = extname(output).slice(1).toLowerCase();
  return formats.find((candidate) => candidate === extension);
}
