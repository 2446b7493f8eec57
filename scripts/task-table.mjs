// The 任务分工表 a clerk receives, made from a gold ledger: one row per task, one column per role.
// Shared by the sheet and Word fixture scripts and the corpus measurement.

import ExcelJS from 'exceljs';

const unitsOf = (task, role) => task.units.filter((unit) => unit.role === role).map((unit) => unit.name).join('、');
const deadlineNotInText = (task) => task.deadlines.some((deadline) => !task.text.includes(deadline.text));

/**
 * The table: a header and one row per task. The category (column 2) is the task's outermost
 * heading (the table stage reads one category column: deeper headings are not written); a 完成时限
 * column only when a deadline is not written in its task's text (else the ledger would count it twice).
 */
export function taskTable(gold) {
  const deadlines = gold.tasks.some(deadlineNotInText);
  const header = ['序号', '类别', '工作任务', '具体内容', '牵头单位', '责任单位', '配合单位', ...(deadlines ? ['完成时限'] : [])];
  const rows = gold.tasks.map((task, i) => [
    String(i + 1),
    task.path[0] ?? '',
    task.title ?? '',
    task.text,
    unitsOf(task, 'lead'),
    unitsOf(task, 'responsible'),
    unitsOf(task, 'support'),
    ...(deadlines ? [deadlineNotInText(task) ? task.deadlines.map((deadline) => deadline.text).join('，') : ''] : []),
  ]);
  return { header, rows };
}

/** [first, last] row index of each run of rows with the same category: a cell merged down. */
export function categoryRuns(rows) {
  const runs = [];
  for (let start = 0; start < rows.length; ) {
    let end = start;
    while (end + 1 < rows.length && rows[end + 1][1] === rows[start][1]) end++;
    runs.push([start, end]);
    start = end + 1;
  }
  return runs;
}

/**
 * The table as a workbook: a title row merged across (when the gold has a title), the header, the
 * category merged down over its tasks (a rowspan), and a second sheet of notes without a task
 * header (skipped when read).
 */
export function taskWorkbook(gold) {
  const { header, rows } = taskTable(gold);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('分工表');
  if (gold.meta.title) {
    sheet.addRow([gold.meta.title]);
    sheet.mergeCells(1, 1, 1, header.length);
  }
  sheet.addRow(header);
  const first = sheet.rowCount + 1; // the sheet row of the first task
  for (const row of rows) sheet.addRow(row);
  // the category's text in the first cell of its run only
  for (const [start, end] of categoryRuns(rows)) {
    for (let r = start + 1; r <= end; r++) sheet.getCell(first + r, 2).value = null;
    if (end > start) sheet.mergeCells(first + start, 2, first + end, 2);
  }
  workbook.addWorksheet('填表说明').addRow(['请各单位于每季度末报送进展情况。']);
  return workbook;
}
