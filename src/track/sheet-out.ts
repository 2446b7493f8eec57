// A unit's sheet as a workbook (exceljs, loaded only here): one worksheet of its tasks in every
// plan, with the 完成情况 drop-down, deadlines as dates, a frozen header repeated on every printed
// page, and a hidden key per row so that the sheet can come back.
import type { Worksheet } from 'exceljs';
import { dateValue } from '../export/columns.js';
import { unitNames } from '../export/fields.js';
import type { Role } from '../model.js';
import { STATUSES } from './schema.js';
import { rowKey, SHEET_COLUMNS, type SheetColumn, titleRow } from './sheet.js';
import type { TaskState, UnitTasks } from './state.js';

const WIDTHS: Record<SheetColumn, number> = {
  plan: 24, number: 7, task: 60, lead: 16, responsible: 16, support: 16, deadline: 12, person: 10, status: 11, progress: 40, evidence: 20, note: 14, key: 10,
};
const TITLE_ROW = 1;
const HEADER_ROW = 2;

function deadlineCell({ task, deadline }: TaskState): Date | string | null {
  if (deadline !== null) return dateValue(deadline);
  return task.deadlines.map((item) => item.text).join('；') || null;
}

function rowOf(state: TaskState, unit: string): Record<SheetColumn, Date | string | null> {
  const units = (role: Role) => unitNames(state.task, role).join('、') || null;
  const own = state.entries.get(unit);
  return {
    plan: state.plan.name,
    number: state.task.id,
    task: state.task.text,
    lead: units('lead'),
    responsible: units('responsible'),
    support: units('support'),
    deadline: deadlineCell(state),
    // What the unit reported last, to update rather than retype.
    person: own?.person || null,
    status: own?.status ?? null,
    progress: own?.text || null,
    evidence: own?.evidence || null,
    note: own?.note || null,
    key: rowKey(state.plan.uid, state.task.rowId, unit),
  };
}

function fillWorksheet(worksheet: Worksheet, own: UnitTasks): void {
  const plans = new Set(own.tasks.map((state) => state.plan.name));
  // The 计划 column only when the rows come from more than one plan.
  const columns = (Object.keys(SHEET_COLUMNS) as SheetColumn[]).filter((column) => column !== 'plan' || plans.size > 1);
  worksheet.columns = columns.map((column) => ({ key: column, width: WIDTHS[column], style: { alignment: { wrapText: true, vertical: 'top' } } }));
  worksheet.getColumn('key').hidden = true;
  worksheet.getCell(TITLE_ROW, 1).value = titleRow(plans.size === 1 ? [...plans][0]! : null, own.unit);
  worksheet.getCell(TITLE_ROW, 1).font = { bold: true, size: 14 };
  worksheet.mergeCells(TITLE_ROW, 1, TITLE_ROW, columns.length - 1);
  const header = worksheet.getRow(HEADER_ROW);
  header.values = columns.map((column) => SHEET_COLUMNS[column]);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } };
  for (const state of own.tasks) {
    const row = worksheet.addRow(rowOf(state, own.unit));
    row.getCell('deadline').numFmt = 'yyyy-mm-dd';
    row.getCell('status').dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [`"${STATUSES.join(',')}"`],
      showErrorMessage: true,
      errorTitle: SHEET_COLUMNS.status,
      error: `请选择：${STATUSES.join('、')}`,
    };
  }
  worksheet.views = [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW }];
  worksheet.pageSetup = {
    orientation: 'landscape',
    paperSize: 9, // A4
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
  };
}

/** The unit's workbook: one worksheet of its tasks. */
export async function unitWorkbook(own: UnitTasks): Promise<Uint8Array> {
  const { Workbook } = (await import('exceljs')).default;
  const workbook = new Workbook();
  workbook.creator = 'taizhang';
  fillWorksheet(workbook.addWorksheet('工作台账'), own);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
