// The formats of a unit's ledger (`taizhang ledger`) and of the unit matrix (`taizhang units`).
import { TASK_COLUMNS } from '../export/columns.js';
import { type Exported, type ExporterLoaders, type ExportOptions, exportWith, type Format } from '../export/index.js';
import { MATCH_COLUMNS, MATRIX_COLUMNS, UNIT_LEDGER_COLUMNS } from './columns.js';
import type { UnitLedger } from './unit-ledger.js';
import type { MatrixFormat } from './formats.js';
import type { UnitMatrix } from './matrix.js';

// As for parse, each format's code loads only when it is asked for. json and yaml are the
// contract's own: a unit's ledger is a ledger whose tasks carry `match`.
const unitLedgerExporters: ExporterLoaders<UnitLedger> = {
  json: async () => (await import('../export/json.js')).toJson,
  yaml: async () => (await import('../export/yaml.js')).toYaml,
  csv: async () => {
    const { csvOf } = await import('../export/csv.js');
    return (ledger, { header = 'zh' }) => csvOf(ledger.tasks, UNIT_LEDGER_COLUMNS, header);
  },
  md: async () => {
    const { markdownOf } = await import('../export/md.js');
    return (ledger, options) => markdownOf(ledger, ledger.tasks, [...TASK_COLUMNS, ...MATCH_COLUMNS], options);
  },
  xlsx: async () => (await import('./xlsx.js')).unitLedgerXlsx,
  terminal: async () => (await import('./terminal.js')).unitLedgerOutline,
};

/** Several notices' ledgers of the units into one workbook. */
export async function unitLedgersXlsx(ledgers: readonly UnitLedger[], options: ExportOptions): Promise<Exported> {
  return (await import('./xlsx.js')).unitLedgersXlsx(ledgers, options);
}

export function exportUnitLedger(ledger: UnitLedger, format: Format, options: ExportOptions): Promise<Exported> {
  return exportWith(unitLedgerExporters, ledger, format, options);
}

const matrixExporters: ExporterLoaders<UnitMatrix, MatrixFormat> = {
  json: async () => (matrix) => `${JSON.stringify(matrix, null, 2)}\n`,
  csv: async () => {
    const { csvOf } = await import('../export/csv.js');
    return (matrix, { header = 'zh' }) => csvOf(matrix.units, MATRIX_COLUMNS, header);
  },
  md: async () => {
    const { markdownOf } = await import('../export/md.js');
    return (matrix, options) => markdownOf(matrix, matrix.units, MATRIX_COLUMNS, options);
  },
  xlsx: async () => (await import('./xlsx.js')).matrixXlsx,
  terminal: async () => (await import('./terminal.js')).matrixTable,
};

export function exportUnitMatrix(matrix: UnitMatrix, format: MatrixFormat, options: ExportOptions): Promise<Exported> {
  return exportWith(matrixExporters, matrix, format, options);
}
