// The 任务分工表 a clerk receives, made from a gold ledger: one row per task, one column per role.
// Shared by the sheet and Word fixture scripts and the corpus measurement.

// No 完成时限 column: the gold's deadlines stand in the task texts, and the ledger would count a
// deadline written both there and in a column twice.
export const TASK_HEADER = ['序号', '类别', '工作任务', '具体内容', '牵头单位', '责任单位', '配合单位'];

const unitsOf = (task, role) => task.units.filter((unit) => unit.role === role).map((unit) => unit.name).join('、');

/** The table's rows (without the header), the category (the task's outermost heading) in column 2. */
export const taskRows = (gold) =>
  gold.tasks.map((task, i) => [String(i + 1), task.path[0] ?? '', task.title ?? '', task.text, unitsOf(task, 'lead'), unitsOf(task, 'responsible'), unitsOf(task, 'support')]);

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
