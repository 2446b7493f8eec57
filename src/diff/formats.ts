import { extname } from 'node:path';

// Kept apart from the renderers, so that the command line can list the formats without loading them.

/** Formats of the diff report that can be written to a file. */
export const DIFF_FILE_FORMATS = ['md', 'json', 'html', 'xlsx'] as const;
export type DiffFileFormat = (typeof DIFF_FILE_FORMATS)[number];
/** Every format; `terminal` is the coloured report for reading on screen. */
export type DiffFormat = DiffFileFormat | 'terminal';
/** The formats that are text; xlsx is a workbook's bytes. */
export type DiffTextFormat = Exclude<DiffFormat, 'xlsx'>;

const FORMAT_BY_EXTENSION = new Map<string, DiffFileFormat>([
  ['.md', 'md'],
  ['.markdown', 'md'],
  ['.json', 'json'],
  ['.html', 'html'],
  ['.htm', 'html'],
  ['.xlsx', 'xlsx'],
]);

/** The format a file name asks for by its extension, if it is one of the report's. */
export function diffFormatFromPath(path: string): DiffFileFormat | undefined {
  return FORMAT_BY_EXTENSION.get(extname(path).toLowerCase());
}
