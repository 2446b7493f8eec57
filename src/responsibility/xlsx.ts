import type { CellValue } from '../export/columns.js';
import { ledgerTitle, ROLE_LABELS } from '../export/fields.js';
import type { ExportOptions, HeaderLanguage } from '../export/types.js';
import { fieldSheet, printColumns, type Sheet, SHEET_NAMES, sheetNames, sourceSheet, tableSheet, workbookBytes } from '../export/xlsx.js';
import { askedLabel, MATRIX_COLUMNS, UNIT_LEDGER_COLUMNS } from './columns.js';
import { type UnitLedger, tasksOfUnit } from './unit-ledger.js';
import type { UnitMatrix } from './matrix.js';

const LABELS: Record<HeaderLanguage, { unit: string; roles: string; rename: string; matrix: string; notice: string }> = {
  zh: { unit: '查询单位', roles: '角色', rename: '更名', matrix: '单位', notice: '工作表' },
  en: { unit: 'unit', roles: 'roles', rename: 'renamed', matrix: 'Units', notice: 'sheet' },
};

/** What was asked, and the renames met, for the source sheet. */
function queryFields(ledger: UnitLedger, language: HeaderLanguage): [string, CellValue][] {
  const labels = LABELS[language];
  const { units, roles } = ledger.query;
  return [
    ...units.map((unit): [string, CellValue] => [labels.unit, askedLabel(unit)]),
    ...(roles === null ? [] : [[labels.roles, roles.map((role) => ROLE_LABELS[role]).join('、')] as [string, CellValue]]),
    ...ledger.renames.map((rename): [string, CellValue] => [labels.rename, `${rename.name} → ${rename.canonical}`]),
  ];
}

/** One sheet per unit asked for, named by `name` (the unit's name, or more). */
function unitSheets(ledger: UnitLedger, language: HeaderLanguage, name: (unit: string) => string): Sheet[] {
  return ledger.query.units.map((unit) => tableSheet(name(unit.name), tasksOfUnit(ledger, unit.name), printColumns(UNIT_LEDGER_COLUMNS), language));
}

/** One sheet per unit asked for, named by it, then the sheet naming the notice. */
export function unitLedgerXlsx(ledger: UnitLedger, { header = 'zh' }: ExportOptions): Promise<Uint8Array> {
  return workbookBytes([...unitSheets(ledger, header, (unit) => unit), sourceSheet(ledger, header, queryFields(ledger, header))]);
}

/**
 * One department's tasks from several notices in one workbook: a sheet per notice (and per unit
 * asked for, when more than one), named by the notice's title, then one source sheet telling for
 * each sheet its notice.
 */
export function unitLedgersXlsx(ledgers: readonly UnitLedger[], { header = 'zh' }: ExportOptions): Promise<Uint8Array> {
  const named = ledgers.flatMap((ledger) => {
    const title = ledgerTitle(ledger);
    return unitSheets(ledger, header, (unit) => (ledger.query.units.length === 1 ? title : `${unit} ${title}`));
  });
  // The names Excel will show, so that the source sheet can refer to them.
  const names = sheetNames(named);
  const sheets = named.map((sheet, index) => ({ ...sheet, name: names[index] ?? sheet.name }));
  const labels = LABELS[header];
  // Each ledger made one sheet per unit asked for, and all were asked the same units.
  const fields = ledgers.flatMap((ledger, index): [string, CellValue][] => [
    [labels.notice, sheets[index * ledger.query.units.length]!.name],
    ...sourceSheet(ledger, header, queryFields(ledger, header)).rows.map(([label, value]): [string, CellValue] => [String(label), value ?? null]),
  ]);
  return workbookBytes([...sheets, fieldSheet(SHEET_NAMES.source[header], fields, header)]);
}

export function matrixXlsx(matrix: UnitMatrix, { header = 'zh' }: ExportOptions): Promise<Uint8Array> {
  return workbookBytes([tableSheet(LABELS[header].matrix, matrix.units, MATRIX_COLUMNS, header), sourceSheet(matrix, header)]);
}
