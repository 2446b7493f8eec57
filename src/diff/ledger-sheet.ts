// Last year's 台账 as the office keeps it: the .csv or .xlsx sheet `taizhang parse` wrote, read
// back into a ledger by the columns it writes (export/columns.ts), headed in Chinese or English.
import { csvRows } from '../read/sheet/csv.js';
import { InputError } from '../errors.js';
import { columnHeader, TASK_COLUMNS, type CellValue } from '../export/columns.js';
import { SHEET_NAMES, SOURCE_LABELS } from '../export/xlsx.js';
import type { Deadline, Ledger, Meta, Role, Task, Unit } from '../model.js';

type ColumnKey = 'seq' | 'id' | 'section1' | 'section2' | 'section3' | 'title' | 'text' | Role | 'deadline' | 'deadlineDate';

// How the export joins several values in one cell.
const UNIT_SEPARATOR = '、';
const DEADLINE_SEPARATOR = '；';
const DEEP_SECTIONS = ' / ';
const ROLES: readonly Role[] = ['lead', 'responsible', 'support'];

/** Which column each key is in, by the header row in either language. */
function columnsOf(header: readonly string[]): Map<ColumnKey, number> {
  const columns = new Map<ColumnKey, number>();
  for (const column of TASK_COLUMNS) {
    const index = header.findIndex((title) => title === columnHeader(column, 'zh') || title === columnHeader(column, 'en'));
    if (index !== -1) columns.set(column.key as ColumnKey, index);
  }
  return columns;
}

function split(cell: string, separator: string): string[] {
  return cell === '' ? [] : cell.split(separator).map((part) => part.trim()).filter((part) => part !== '');
}

/** The tasks of the sheet's rows; rows without a task text (blank rows at the end) are skipped. */
function tasksOf(header: readonly string[], rows: readonly string[][]): Task[] {
  const columns = columnsOf(header);
  if (!columns.has('text')) {
    throw new InputError('not a taizhang sheet: no 工作任务 (text) column in its first row');
  }
  const tasks: Task[] = [];
  for (const row of rows) {
    const cell = (key: ColumnKey): string => {
      const column = columns.get(key);
      return column === undefined ? '' : (row[column] ?? '').trim();
    };
    if (cell('text') === '') continue;
    const units: Unit[] = ROLES.flatMap((role) => split(cell(role), UNIT_SEPARATOR).map((name) => ({ name, role })));
    const texts = split(cell('deadline'), DEADLINE_SEPARATOR);
    const dates = split(cell('deadlineDate'), DEADLINE_SEPARATOR);
    // Dates are written only for the deadlines that have one: they line up only when all do.
    const deadlines: Deadline[] = texts.map((text, index) => ({ text, date: dates.length === texts.length ? (dates[index] ?? null) : null }));
    const seq = tasks.length + 1;
    tasks.push({
      id: cell('id') || String(seq),
      seq,
      path: [cell('section1'), cell('section2'), ...split(cell('section3'), DEEP_SECTIONS)].filter((title) => title !== ''),
      title: cell('title') || null,
      text: withTitle(cell('title'), cell('text')),
      units,
      deadlines,
      line: null,
    });
  }
  return tasks;
}

/** The xlsx sheet shows a task's text without the title beside it (任务标题): put it back. */
function withTitle(title: string, text: string): string {
  return title && !text.startsWith(title) ? `${title}\n${text}` : text;
}

function emptyMeta(): Meta {
  return { title: null, noticeTitle: null, issuer: null, docNumber: null, date: null, year: null, region: null, recipients: [] };
}

function ledgerOf(name: string, tasks: Task[], meta: Meta): Ledger {
  return {
    schema: 'taizhang/1',
    source: { name, format: 'text', encoding: 'utf-8', script: 'simplified' },
    meta,
    sections: [],
    tasks,
    warnings: [],
  };
}


/** A ledger from the .csv sheet taizhang wrote. The sheet has no meta: the file name stands for the title. */
export function ledgerFromCsv(text: string, name: string): Ledger {
  const [header = [], ...rows] = csvRows(text.replace(/^\uFEFF/, ''), ',');
  return ledgerOf(name, tasksOf(header, rows), emptyMeta());
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    // Rich text, formulas and hyperlinks: the text as shown.
    const { richText, result, text } = value as { richText?: { text: string }[]; result?: unknown; text?: unknown };
    if (richText !== undefined) return richText.map((run) => run.text).join('');
    if (result !== undefined) return cellText(result);
    if (text !== undefined) return cellText(text);
  }
  return String(value);
}

/** The meta the source sheet names (title, year, region), in either language. */
function metaOf(rows: readonly string[][]): Meta {
  const meta = emptyMeta();
  const value = (field: 'title' | 'year' | 'region'): string | undefined =>
    rows.find(([label]) => label === SOURCE_LABELS.zh[field] || label === SOURCE_LABELS.en[field])?.[1]?.trim() || undefined;
  meta.title = value('title') ?? null;
  meta.region = value('region') ?? null;
  const year = Number(value('year'));
  meta.year = Number.isInteger(year) && year > 0 ? year : null;
  return meta;
}

/** A ledger from the .xlsx workbook taizhang wrote: its 台账 sheet, and the meta of its 来源 sheet. */
export async function ledgerFromXlsx(bytes: Uint8Array, name: string): Promise<Ledger> {
  // exceljs is large: loaded only for a workbook.
  const { Workbook } = (await import('exceljs')).default;
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new InputError('not an Excel workbook (.xlsx) that can be read');
  }
  const rowsOf = (sheetName: readonly string[]): string[][] => {
    const sheet = workbook.worksheets.find((candidate) => sheetName.includes(candidate.name)) ?? undefined;
    if (sheet === undefined) return [];
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => {
      const values = row.values as CellValue[];
      rows.push(values.slice(1).map(cellText));
    });
    return rows;
  };
  const ledgerRows = rowsOf(Object.values(SHEET_NAMES.ledger));
  const [header = [], ...rows] = ledgerRows.length > 0 ? ledgerRows : rowsOf([workbook.worksheets[0]?.name ?? '']);
  return ledgerOf(name, tasksOf(header, rows), metaOf(rowsOf(Object.values(SHEET_NAMES.source))));
}
