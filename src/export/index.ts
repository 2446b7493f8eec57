import { extname } from 'node:path';
import type { Ledger } from '../model.js';
import type { Exported, Exporter, ExportOptions } from './types.js';

export type { Exported, Exporter, ExportOptions, HeaderLanguage, LedgerOf } from './types.js';

/** Formats that can be written to a file. */
export const FILE_FORMATS = ['json', 'yaml', 'csv', 'md', 'xlsx'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];
/** Every format; `terminal` is the coloured outline for reading on screen. */
export type Format = FileFormat | 'terminal';

export const FILE_EXTENSIONS: Record<FileFormat, string> = {
  json: '.json',
  yaml: '.yaml',
  csv: '.csv',
  md: '.md',
  xlsx: '.xlsx',
};

/** Formats written as bytes, not text: they go to a file, never onto a terminal. */
export const BINARY_FORMATS: ReadonlySet<Format> = new Set<Format>(['xlsx']);

const FORMAT_BY_EXTENSION = new Map<string, FileFormat>([
  ...Object.entries(FILE_EXTENSIONS).map(([format, extension]) => [extension, format as FileFormat] as const),
  ['.yml', 'yaml'],
]);

/** The format a file name asks for by its extension, if it is one of ours. */
export function formatFromPath(path: string): FileFormat | undefined {
  return FORMAT_BY_EXTENSION.get(extname(path).toLowerCase());
}

/** Exporters by format, each loaded on first use. */
export type ExporterLoaders<Document, F extends string = Format> = Record<F, () => Promise<Exporter<Document>>>;

// Exporters load on demand: yaml, csv-stringify and exceljs cost start-up time that only their own
// format should pay.
const loadExporter: ExporterLoaders<Ledger> = {
  json: async () => (await import('./json.js')).toJson,
  yaml: async () => (await import('./yaml.js')).toYaml,
  csv: async () => (await import('./csv.js')).toCsv,
  md: async () => (await import('./md.js')).toMarkdown,
  xlsx: async () => (await import('./xlsx.js')).toXlsx,
  terminal: async () => (await import('./terminal.js')).toTerminal,
};

/** Renders a document in a format, with the exporter the format's loader brings in. */
export async function exportWith<Document, F extends string>(
  loaders: ExporterLoaders<Document, F>,
  document: Document,
  format: F,
  options: ExportOptions = {},
): Promise<Exported> {
  const exporter = await loaders[format]();
  return exporter(document, options);
}

export function exportLedger(ledger: Ledger, format: Format, options: ExportOptions = {}): Promise<Exported> {
  return exportWith(loadExporter, ledger, format, options);
}
