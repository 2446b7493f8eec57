import type { Role, Task } from '../model.js';
import { deadlineDates, unitNames } from './fields.js';
import type { HeaderLanguage } from './types.js';

/** What a spreadsheet cell may hold besides text. */
export type CellValue = string | number | Date | null;

/** A column of a table such as the 台账: its English key, its Chinese header, and its cell. */
export interface Column<Row = Task> {
  key: string;
  zh: string;
  cell: (row: Row) => string;
  /** The cell as a typed spreadsheet value (a number, a date), where it differs from the text. */
  value?: (row: Row) => CellValue;
}

/** A YYYY-MM-DD date as a spreadsheet date (midnight UTC, which is how xlsx writers read it). */
export function dateValue(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

/** The latest dated deadline: the date by which the whole task is due. */
function finalDeadline(task: Task): Date | null {
  const last = deadlineDates(task).sort().at(-1);
  return last === undefined ? null : dateValue(last);
}

const unitsColumn = (key: Role, zh: string): Column => ({
  key,
  zh,
  cell: (task) => unitNames(task, key).join('、'),
});

export const TASK_COLUMNS: readonly Column[] = [
  { key: 'seq', zh: '序号', cell: (task) => String(task.seq), value: (task) => task.seq },
  { key: 'id', zh: '编号', cell: (task) => task.id },
  { key: 'section1', zh: '一级标题', cell: (task) => task.path[0] ?? '' },
  { key: 'section2', zh: '二级标题', cell: (task) => task.path[1] ?? '' },
  // Levels below the third are rare: they share the last column rather than widen every table.
  { key: 'section3', zh: '三级标题', cell: (task) => task.path.slice(2).join(' / ') },
  { key: 'title', zh: '任务标题', cell: (task) => task.title ?? '' },
  { key: 'text', zh: '工作任务', cell: (task) => task.text },
  unitsColumn('lead', '牵头单位'),
  unitsColumn('responsible', '责任单位'),
  unitsColumn('support', '配合单位'),
  { key: 'deadline', zh: '完成时限', cell: (task) => task.deadlines.map((deadline) => deadline.text).join('；') },
  { key: 'deadlineDate', zh: '时限日期', cell: (task) => deadlineDates(task).join('；'), value: finalDeadline },
];

/** Columns left empty for whoever keeps the ledger up to date. */
export const FOLLOW_UP_COLUMNS: readonly Column[] = [
  { key: 'progress', zh: '进展情况', cell: () => '' },
  { key: 'remarks', zh: '备注', cell: () => '' },
];

export function columnHeader(column: Pick<Column, 'key' | 'zh'>, language: HeaderLanguage): string {
  return language === 'en' ? column.key : column.zh;
}
