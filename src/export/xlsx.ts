// The 台账 as an Excel workbook. exceljs is loaded only here, and this module only when xlsx is asked for.
import type { Worksheet } from 'exceljs';
import { message } from '../i18n/index.js';
import type { Ledger, Task } from '../model.js';
import { type CellValue, type Column, columnHeader, dateValue, FOLLOW_UP_COLUMNS, TASK_COLUMNS } from './columns.js';
import { warningText } from '../i18n/index.js';
import type { ExportOptions, HeaderLanguage } from './types.js';
import { displayWidth } from './width.js';

/** A sheet: a header row, then rows of cells. */
export interface Sheet {
  name: string;
  header: string[];
  rows: CellValue[][];
  /** Fixed widths of columns left to fill in (进展情况, 备注), by index; the others fit their text. */
  widths?: (number | undefined)[];
}

// Column widths in characters of the default font; a Chinese character counts two.
const MIN_WIDTH = 6;
const MAX_WIDTH = 50;
const DATE_FORMAT = 'yyyy-mm-dd';
// Excel refuses sheet names longer than 31 characters, holding any of : \ / ? * [ ], or starting
// or ending with an apostrophe; one inside would break the print titles' reference to the sheet,
// which exceljs does not escape: it becomes a typographic one.
const SHEET_NAME_LENGTH = 31;
const NOT_IN_SHEET_NAMES = /[:\\/?*[\]]/g;
const APOSTROPHE = /'/g;
// Excel's limit on the characters of a cell.
const CELL_LENGTH = 32_767;
/** Room to write by hand in the columns left to fill in, in characters of the default font. */
const FILL_WIDTHS: Record<string, number> = { progress: 40, remarks: 24 };
/** A font with Chinese glyphs on every Office install. */
const FONT = { name: '宋体', size: 11 };
const THIN = { style: 'thin' } as const;

export const SHEET_NAMES: Record<'ledger' | 'source', Record<HeaderLanguage, string>> = {
  ledger: { zh: '台账', en: 'Ledger' },
  source: { zh: '来源', en: 'Source' },
};

const FIELD_HEADER: Record<HeaderLanguage, string[]> = { zh: ['项目', '内容'], en: ['field', 'value'] };

/** A sheet of one row per item, in the given columns; a column's typed value wins over its text. */
export function tableSheet<Row>(name: string, rows: readonly Row[], columns: readonly Column<Row>[], language: HeaderLanguage): Sheet {
  return {
    name,
    header: columns.map((column) => columnHeader(column, language)),
    rows: rows.map((row) => columns.map((column) => (column.value ?? column.cell)(row))),
    widths: columns.map((column) => FILL_WIDTHS[column.key]),
  };
}

/** The task's text without its first sentence when that is its title, shown beside it (任务标题). */
function textAfterTitle(task: Task): string {
  const title = task.title;
  if (title === null || title === undefined || !task.text.startsWith(title)) return task.text;
  const rest = task.text.slice(title.length).replace(/^[。；：:.\s]+/, '');
  return rest === '' ? task.text : rest;
}

/** The 台账's columns for a sheet to print: 工作任务 does not repeat the 任务标题 beside it. */
export function printColumns<Row extends Task>(columns: readonly Column<Row>[]): Column<Row>[] {
  return columns.map((column) => (column.key === 'text' ? { ...column, cell: textAfterTitle } : column));
}

/** A sheet of label–value rows. */
export function fieldSheet(name: string, fields: readonly [label: string, value: CellValue][], language: HeaderLanguage): Sheet {
  return { name, header: FIELD_HEADER[language], rows: fields.map(([label, value]) => [label, value]) };
}

type SourceField = 'title' | 'noticeTitle' | 'issuer' | 'docNumber' | 'date' | 'year' | 'region' | 'recipients' | 'file' | 'format' | 'encoding' | 'tasks' | 'warnings';

export const SOURCE_LABELS: Record<HeaderLanguage, Record<SourceField, string>> = {
  zh: {
    title: '标题', noticeTitle: '通知', issuer: '发文机关', docNumber: '发文字号', date: '成文日期', year: '年度',
    region: '地区', recipients: '主送', file: '来源文件', format: '格式', encoding: '编码', tasks: '任务数', warnings: '警告',
  },
  en: {
    title: 'title', noticeTitle: 'noticeTitle', issuer: 'issuer', docNumber: 'docNumber', date: 'date', year: 'year',
    region: 'region', recipients: 'recipients', file: 'source', format: 'format', encoding: 'encoding', tasks: 'tasks', warnings: 'warnings',
  },
};

/** What the source sheet tells: the notice, and its tasks and warnings when the workbook lists them. */
export type SourceFacts = Pick<Ledger, 'source' | 'meta'> & Partial<Pick<Ledger, 'tasks' | 'warnings'>>;

/** The sheet naming the notice the workbook was made from, with `extra` rows after its facts. */
export function sourceSheet(facts: SourceFacts, language: HeaderLanguage, extra: readonly [string, CellValue][] = []): Sheet {
  const labels = SOURCE_LABELS[language];
  const { meta, source, tasks, warnings } = facts;
  const fields: [SourceField, CellValue][] = [
    ['title', meta.title],
    ['noticeTitle', meta.noticeTitle],
    ['issuer', meta.issuer],
    ['docNumber', meta.docNumber],
    ['date', meta.date === null ? null : dateValue(meta.date)],
    ['year', meta.year],
    ['region', meta.region],
    ['recipients', meta.recipients.join('，')],
    ['file', source.name],
    ['format', source.format],
    ['encoding', source.encoding],
  ];
  if (tasks !== undefined) fields.push(['tasks', tasks.length]);
  if (warnings !== undefined) fields.push(['warnings', warnings.map((warning) => warningText(warning, language)).join('\n')]);
  return fieldSheet(SHEET_NAMES.source[language], [...fields.map(([field, value]): [string, CellValue] => [labels[field], value]), ...extra], language);
}

/** Columns wide enough for their longest line, within bounds; longer text wraps. */
function widthOf(value: CellValue): number {
  if (value === null) return 0;
  if (value instanceof Date) return DATE_FORMAT.length;
  return Math.max(...String(value).split('\n').map(displayWidth));
}

function columnWidths(sheet: Sheet): number[] {
  return sheet.header.map((title, index) => {
    const fixed = sheet.widths?.[index];
    if (fixed !== undefined) return fixed;
    const widest = Math.max(displayWidth(title), ...sheet.rows.map((row) => widthOf(row[index] ?? null)));
    return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + 2));
  });
}

/** Sheet names as Excel takes them: short, without its reserved characters, and unique. */
export function sheetNames(sheets: readonly Sheet[]): string[] {
  const taken = new Set<string>();
  return sheets.map((sheet) => {
    const base = sheet.name.replace(NOT_IN_SHEET_NAMES, '_').replace(APOSTROPHE, '’').slice(0, SHEET_NAME_LENGTH) || 'Sheet';
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, SHEET_NAME_LENGTH - `(${n})`.length)}(${n})`;
    taken.add(name.toLowerCase());
    return name;
  });
}

/** Text longer than a cell holds is cut, with a warning on stderr. */
function cellValue(value: CellValue, worksheet: Worksheet, header: string, row: number): CellValue {
  // An empty cell, not an empty string, so that Excel's blanks filter and counts see it as blank.
  if (value === '') return null;
  if (typeof value !== 'string' || value.length <= CELL_LENGTH) return value;
  const where = { sheet: worksheet.name, row, column: header, limit: CELL_LENGTH };
  process.stderr.write(`taizhang: ${message('xlsx.cellCapped', where)}\n`);
  return value.slice(0, CELL_LENGTH);
}

/**
 * A sheet to fill in and print: thin borders, a Chinese font, the header repeated on every page,
 * landscape and as wide as the page. Text stays text: a cell reading =1+1 is no formula.
 */
function fillSheet(worksheet: Worksheet, sheet: Sheet): void {
  worksheet.columns = columnWidths(sheet).map((width) => ({ width, style: { font: FONT, alignment: { wrapText: true, vertical: 'top' } } }));
  const header = worksheet.addRow(sheet.header);
  header.font = { ...FONT, bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } };
  sheet.rows.forEach((cells, index) => {
    const row = worksheet.addRow(cells.map((value, column) => cellValue(value, worksheet, sheet.header[column] ?? '', index + 2)));
    row.eachCell((cell) => {
      if (cell.value instanceof Date) cell.numFmt = DATE_FORMAT;
    });
  });
  for (let row = 1; row <= sheet.rows.length + 1; row++) {
    for (let column = 1; column <= sheet.header.length; column++) {
      worksheet.getCell(row, column).border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
    }
  }
  // The header stays in sight while scrolling, and offers a filter on every column.
  worksheet.views = [{ state: 'frozen', xSplit: 0, ySplit: 1 }];
  worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.header.length } };
  worksheet.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    // As many pages down as the rows need.
    fitToHeight: 0,
    printTitlesRow: '1:1',
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
  };
}

/** The bytes of a workbook holding the sheets in order. */
export async function workbookBytes(sheets: readonly Sheet[]): Promise<Uint8Array> {
  const { Workbook } = (await import('exceljs')).default;
  const workbook = new Workbook();
  workbook.creator = 'taizhang';
  const names = sheetNames(sheets);
  sheets.forEach((sheet, index) => fillSheet(workbook.addWorksheet(names[index]), sheet));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The ledger as a workbook: the 台账 sheet, one row per task, and the sheet naming its notice. */
export function toXlsx(ledger: Ledger, { header = 'zh' }: ExportOptions): Promise<Uint8Array> {
  return workbookBytes([
    tableSheet(SHEET_NAMES.ledger[header], ledger.tasks, printColumns([...TASK_COLUMNS, ...FOLLOW_UP_COLUMNS]), header),
    sourceSheet(ledger, header),
  ]);
}
