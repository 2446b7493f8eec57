import { extname } from 'node:path';
import type { Ledger } from '../model.js';
import type { Exporter, ExportOptions } from './types.js';

export type { ExportOptions, HeaderLanguage } from './types.js';

/** Formats that can be written to a file. */
export const FILE_FORMATS = ['json', 'yaml', 'csv', 'md'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];
/** Every format; `terminal` is the coloured outline for reading on screen. */
export type Format = FileFormat | 'terminal';

export const FILE_EXTENSIONS: Record<FileFormat, string> = {
  json: '.json',
  yaml: '.yaml',
  csv: '.csv',
  md: '.md',
};

const FORMAT_BY_EXTENSION = new Map<string, FileFormat>([
  ...Object.entries(FILE_EXTENSIONS).map(([format, extension]) => [extension, format as FileFormat] as const),
  ['.yml', 'yaml'],
]);

/** The format a file name asks for by its extension, if it is one of ours. */
export function formatFromPath(path: string): FileFormat | undefined {
  return FORMAT_BY_EXTENSION.get(extname(path).toLowerCase());
}

// Exporters load on demand: yaml and csv-stringify cost start-up time that only their own format
// should pay.
const loadExporter: Record<Format, () => Promise<Exporter>> = {
  json: async () => (await import('./json.js')).toJson,
  yaml: async () => (await import('./yaml.js')).toYaml,
  csv: async () => (await import('./csv.js')).toCsv,
  md: async () => (await import('./md.js')).toMarkdown,
  terminal: async () => (await import('./terminal.js')).toTerminal,
};

export async function exportLedger(ledger: Ledger, format: Format, options: ExportOptions = {}): Promise<string> {
  const exporter = await loadExporter[format]();
  return exporter(ledger, options);
}
