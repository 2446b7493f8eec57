import type { CellValue } from '../export/columns.js';
import { ROLE_LABELS } from '../export/fields.js';
import type { ExportOptions, HeaderLanguage } from '../export/types.js';
import { sourceSheet, tableSheet, workbookBytes } from '../export/xlsx.js';
import { MATRIX_COLUMNS, UNIT_LEDGER_COLUMNS } from './columns.js';
import { type UnitLedger, tasksOfUnit } from './match.js';
import type { UnitMatrix } from './matrix.js';

const LABELS: Record<HeaderLanguage, { unit: string; roles: string; rename: string; matrix: string }> = {
  zh: { unit: '查询单位', roles: '角色', rename: '更名', matrix: '单位' },
  en: { unit: 'unit', roles: 'roles', rename: 'renamed', matrix: 'Units' },
};

/** What was asked, and the renames met, for the source sheet. */
function queryFields(ledger: UnitLedger, language: HeaderLanguage): [string, CellValue][] {
  const labels = LABELS[language];
  const { units, roles } = ledger.query;
  return [
    ...units.map((unit): [string, CellValue] => [labels.unit, unit.name === unit.canonical ? unit.name : `${unit.name}（${unit.canonical}）`]),
    ...(roles === null ? [] : [[labels.roles, roles.map((role) => ROLE_LABELS[role]).join('、')] as [string, CellValue]]),
    ...ledger.renames.map((rename): [string, CellValue] => [labels.rename, `${rename.name} → ${rename.canonical}`]),
  ];
}

/** One sheet per unit asked for, named by it, then the sheet naming the notice. */
export function unitLedgerXlsx(ledger: UnitLedger, { header = 'zh' }: ExportOptions): Promise<Uint8Array> {
  const unitSheets = ledger.query.units.map((unit) => tableSheet(unit.name, tasksOfUnit(ledger, unit.name), UNIT_LEDGER_COLUMNS, header));
  return workbookBytes([...unitSheets, sourceSheet(ledger, header, queryFields(ledger, header))]);
}

export function matrixXlsx(matrix: UnitMatrix, { header = 'zh' }: ExportOptions): Promise<Uint8Array> {
  return workbookBytes([tableSheet(LABELS[header].matrix, matrix.units, MATRIX_COLUMNS, header), sourceSheet(matrix, header)]);
}
