import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ROOT, taizhang } from '../support/cli.js';
import { scratchFolder } from '../support/track.js';
import { realPage } from '../support/pages.js';

// The same year on a plan the tracking code was not written against: a real task breakdown table
// (平潭 2021, an HTML page), parsed by the pipeline. What each unit carries is taken from
// `taizhang ledger --unit`, which answers it by another road.

const NOTICE = join(ROOT, realPage('12-pingtan-2021-zwgk-task-breakdown-table-colspan-mso.html'));
const FINANCE = '区财政金融局';
const PERMITS = '区行政审批局';

const scratch = scratchFolder('taizhang-track-2-');
const { run, json } = scratch;

interface Task {
  id: string;
  text: string;
  deadlines: { date: string | null }[];
}

async function unitTasks(unit: string): Promise<Task[]> {
  const result = await taizhang(['ledger', NOTICE, '--unit', unit, '--format', 'json']);
  return JSON.parse(result.stdout).tasks;
}

/** Fills the rows of the given 编号 with a status and a text; returns the header. */
function fill(sheet: ExcelJS.Worksheet, entries: Record<string, string>): string[] {
  const header = (sheet.getRow(2).values as string[]).slice(1);
  sheet.eachRow((row, number) => {
    const status = entries[String(row.getCell(1).value)];
    if (number <= 2 || status === undefined) return;
    row.getCell(header.indexOf('完成情况') + 1).value = status;
    row.getCell(header.indexOf('进展情况') + 1).value = `${status}：${row.getCell(1).value}`;
  });
  return header;
}

describe('a second plan through the year', () => {
  let finance: Task[];
  let permits: Task[];

  it('adds the notice and exports the two units their own tasks', async () => {
    [finance, permits] = [await unitTasks(FINANCE), await unitTasks(PERMITS)];
    expect(finance.length).toBeGreaterThan(10);
    const added = await run('track', 'add', NOTICE);
    expect(added.stdout).toMatch(/^added .+: \d+ tasks\n$/);
    for (const [unit, tasks] of [[FINANCE, finance], [PERMITS, permits]] as const) {
      const file = join(scratch.dir, `${unit}.xlsx`);
      expect((await run('track', 'export', '--unit', unit, '-o', file)).stdout).toBe(`wrote ${file}: ${tasks.length} tasks of ${unit}\n`);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file);
      const ids: unknown[] = [];
      workbook.worksheets[0]!.eachRow((row, number) => number > 2 && ids.push(row.getCell(1).value));
      expect(ids).toEqual(tasks.map((task) => task.id));
    }
  });

  it('imports them filled: one saved as CSV, one re-ordered, a later one without its key column', async () => {
    const read = async (unit: string) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(join(scratch.dir, `${unit}.xlsx`));
      return workbook;
    };
    // Finance: the first three done, the fourth under way; saved as CSV (UTF-8, no BOM).
    const financeBook = await read(FINANCE);
    const [a, b, c, d] = finance.map((task) => task.id);
    fill(financeBook.worksheets[0]!, { [a!]: '已完成', [b!]: '已完成', [c!]: '已完成', [d!]: '推进中' });
    await financeBook.csv.writeFile(join(scratch.dir, 'finance.csv'));
    // Permits: every task with a deadline under way; rows re-ordered.
    const permitsBook = await read(PERMITS);
    const dated = permits.filter((task) => task.deadlines.some((deadline) => deadline.date !== null));
    expect(dated.length).toBeGreaterThan(0);
    fill(permitsBook.worksheets[0]!, Object.fromEntries(dated.map((task) => [task.id, '推进中'])));
    const sheet = permitsBook.worksheets[0]!;
    const rows: unknown[][] = [];
    sheet.eachRow((row, number) => number > 2 && rows.push((row.values as unknown[]).slice(1)));
    rows.reverse().forEach((cells, index) => (sheet.getRow(3 + index).values = cells as ExcelJS.CellValue[]));
    await permitsBook.xlsx.writeFile(join(scratch.dir, 'permits.xlsx'));

    const first = await run('track', 'import', 'finance.csv', 'permits.xlsx', '--as-of', '2021-09-30');
    expect(first.stderr).toBe('');
    expect(first.stdout).toBe(
      'finance.csv: 4 recorded, 0 unchanged, 0 already recorded, 0 conflicting, 0 unmatched (as of 2021-09-30)\n' +
        `permits.xlsx: ${dated.length} recorded, 0 unchanged, 0 already recorded, 0 conflicting, 0 unmatched (as of 2021-09-30)\n`,
    );

    // A month later, finance finishes the fourth, on a sheet whose key column was deleted.
    await run('track', 'export', '--unit', FINANCE, '-o', join(scratch.dir, 'finance-later.xlsx'), '--as-of', '2021-10-31');
    const later = new ExcelJS.Workbook();
    await later.xlsx.readFile(join(scratch.dir, 'finance-later.xlsx'));
    fill(later.worksheets[0]!, { [d!]: '已完成' });
    later.worksheets[0]!.spliceColumns(12, 1);
    await later.xlsx.writeFile(join(scratch.dir, 'finance-later.xlsx'));
    const second = await run('track', 'import', 'finance-later.xlsx', '--as-of', '2021-10-31');
    expect(second.stdout).toBe('finance-later.xlsx: 1 recorded, 3 unchanged, 0 already recorded, 0 conflicting, 0 unmatched (as of 2021-10-31)\n');
  });

  it('answers due and status as of a date', async () => {
    const asOf = '2021-11-15';
    const finalDeadline = (task: Task) => task.deadlines.flatMap((deadline) => deadline.date ?? []).sort().at(-1)!;
    const dated = permits.filter((task) => task.deadlines.some((deadline) => deadline.date !== null));
    const overdue = dated.filter((task) => finalDeadline(task) < asOf).map((task) => task.id);
    const due = await json('due', '--as-of', asOf, '--unit', PERMITS);
    expect(due.filter((task: { overdue: boolean }) => task.overdue).map((task: { id: string }) => task.id)).toEqual(overdue);
    expect(due.every((task: { status: string }) => task.status === '推进中')).toBe(true);

    const report = await json('status', '--as-of', asOf);
    const row = (unit: string) => report.units.find((candidate: { unit: string }) => candidate.unit === unit);
    // A unit that has not reported on a task shares the task's state: permits' entries count for finance too.
    const shared = dated.filter((task) => finance.slice(4).some((own) => own.id === task.id)).length;
    expect(row(FINANCE)).toMatchObject({ tasks: finance.length, done: 4, inProgress: shared, notStarted: finance.length - 4 - shared });
    const doneByFinance = finance.slice(0, 4).filter((task) => permits.some((own) => own.id === task.id) && !dated.some((own) => own.id === task.id)).length;
    expect(row(PERMITS)).toMatchObject({ tasks: permits.length, done: doneByFinance, inProgress: dated.length, overdue: overdue.length });
    const lights = Object.fromEntries(report.tasks.map((task: { id: string; light: string }) => [task.id, task.light]));
    for (const id of overdue) expect(lights[id]).toBe('红');
    expect(report.sections.reduce((sum: number, section: { tasks: number }) => sum + section.tasks, 0)).toBe(report.tasks.length);
  });
});
