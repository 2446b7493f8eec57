import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';
import { scratchFolder } from '../support/track.js';

// The year of a plan end to end, through the real binary: add, export two units' sheets, fill
// them as departments do (re-ordered, saved as CSV, key column deleted), import, then due and status.

const PLAN = join(ROOT, 'fixtures', 'track', 'nanchang-2021.json');
const PLAN_NAME = '2021年南昌市政务公开工作方案';
const FINANCE = '市财政局';
const DATA = '市大数据管理局';
const COUNTIES = ['各县（区）人民政府', '开发区管委会', '湾里管理局', '市政府各部门'];

const scratch = scratchFolder('taizhang-track-');
const { run, json } = scratch;

/** The header row (row 2) and the data rows below it, as cell values by header. */
function dataRows(sheet: ExcelJS.Worksheet): { header: string[]; rows: ExcelJS.Row[] } {
  const header = (sheet.getRow(2).values as string[]).slice(1);
  const rows: ExcelJS.Row[] = [];
  sheet.eachRow((row, number) => number > 2 && rows.push(row));
  return { header, rows };
}

/** Fills the row of task `number`: 完成情况, 进展情况 and, when given, 责任人. */
function fill(sheet: ExcelJS.Worksheet, number: string, status: string, text: string, person?: string): void {
  const { header, rows } = dataRows(sheet);
  const row = rows.find((candidate) => candidate.getCell(header.indexOf('编号') + 1).value === number);
  if (row === undefined) throw new Error(`no row ${number}`);
  row.getCell(header.indexOf('完成情况') + 1).value = status;
  row.getCell(header.indexOf('进展情况') + 1).value = text;
  if (person !== undefined) row.getCell(header.indexOf('责任人') + 1).value = person;
}

async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** The sheet as CSV text, as Excel saves it: every row, quoted where needed, with a BOM. */
function csvOf(sheet: ExcelJS.Worksheet, extraRows: string[][] = []): string {
  const lines: string[] = [];
  const quote = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  sheet.eachRow((row) => {
    const cells = (row.values as unknown[]).slice(1).map((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value ?? '')));
    lines.push(cells.map(quote).join(','));
  });
  for (const row of extraRows) lines.push(row.map(quote).join(','));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

describe('a plan through the year', () => {
  it('stores the plan once: adding it again changes nothing', async () => {
    const added = await run('track', 'add', PLAN);
    expect(added).toMatchObject({ code: 0, stderr: '', stdout: `added ${PLAN_NAME}: 24 tasks\n` });
    const before = await readFile(scratch.db);
    const again = await run('track', 'add', PLAN);
    expect(again.stdout).toBe(`unchanged ${PLAN_NAME}: 24 tasks\n`);
    expect((await readFile(scratch.db)).equals(before)).toBe(true);
  });

  it("exports two units' sheets: their own and their groups' tasks, with the drop-down, dates, frozen header and print setup", async () => {
    for (const [unit, file, count] of [[FINANCE, 'finance.xlsx', 9], [DATA, 'data.xlsx', 10]] as const) {
      const result = await run('track', 'export', '--unit', unit, '-o', join(scratch.dir, file));
      expect(result.stdout).toBe(`wrote ${join(scratch.dir, file)}: ${count} tasks of ${unit}\n`);
    }
    const sheet = (await readWorkbook(join(scratch.dir, 'finance.xlsx'))).worksheets[0]!;
    const { header, rows } = dataRows(sheet);
    expect(header).toEqual(['编号', '工作任务', '牵头单位', '责任单位', '配合单位', '完成时限', '责任人', '完成情况', '进展情况', '佐证材料', '备注', '台账键']);
    expect(rows.map((row) => row.getCell(1).value)).toEqual(['1.4', '2.1', '2.2', '2.3', '3.2', '3.4-2', '4.1', '4.2', '4.3']);
    expect(sheet.getCell('A1').value).toBe(`${PLAN_NAME} 工作台账 · 填报单位：${FINANCE}`);
    expect(sheet.getColumn(12).hidden).toBe(true);
    expect(rows[4]!.getCell(6).value).toEqual(new Date('2021-08-31T00:00:00Z'));
    expect(rows[0]!.getCell(8).dataValidation).toMatchObject({ type: 'list', formulae: ['"未启动,推进中,已完成,长期推进"'] });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, printTitlesRow: '2:2' });
  });

  it('imports a sheet sent back with nothing filled in: nothing recorded, the database unchanged', async () => {
    const before = await readFile(scratch.db);
    const result = await run('track', 'import', join(scratch.dir, 'finance.xlsx'), '--as-of', '2021-06-30');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe(`${join(scratch.dir, 'finance.xlsx')}: 0 recorded, 0 unchanged, 0 already recorded, 0 conflicting, 0 unmatched (as of 2021-06-30)\n`);
    expect((await readFile(scratch.db)).equals(before)).toBe(true);
  });

  it('imports a re-ordered sheet with a column added, and a CSV; lists the row that matches no task', async () => {
    const finance = await readWorkbook(join(scratch.dir, 'finance.xlsx'));
    const sheet = finance.worksheets[0]!;
    fill(sheet, '1.4', '已完成', '预决算已全部公开', '张三');
    fill(sheet, '3.2', '推进中', '标准目录编制中');
    // Rows re-ordered (last first) and a column of the department's own inserted before 工作任务.
    const { rows } = dataRows(sheet);
    const values = rows.map((row) => (row.values as unknown[]).slice(1));
    values.reverse().forEach((cells, index) => (sheet.getRow(3 + index).values = cells as ExcelJS.CellValue[]));
    sheet.spliceColumns(2, 0, ['联系电话', ...rows.map(() => '0791-1234567')]);
    await finance.xlsx.writeFile(join(scratch.dir, 'finance-filled.xlsx'));

    const data = (await readWorkbook(join(scratch.dir, 'data.xlsx'))).worksheets[0]!;
    fill(data, '3.1', '已完成', '集约化平台已上线');
    fill(data, '4.1', '推进中', '法规文本更新中');
    await writeFile(join(scratch.dir, 'data-filled.csv'), csvOf(data, [['9.9', '不在计划中的任务', '', '', '', '', '', '已完成', '']]));

    const result = await run('track', 'import', 'finance-filled.xlsx', 'data-filled.csv', '--as-of', '2021-09-01');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      'finance-filled.xlsx: 2 recorded, 0 unchanged, 0 already recorded, 0 conflicting, 0 unmatched (as of 2021-09-01)\n' +
        'data-filled.csv: 2 recorded, 0 unchanged, 0 already recorded, 0 conflicting, 1 unmatched (as of 2021-09-01)\n',
    );
    expect(result.stderr).toBe(`taizhang: data-filled.csv: row ${3 + 10} (编号 9.9): matches no task by 编号 and text\n`);
  });

  it('reports a conflicting entry for the same task and date, and keeps the first', async () => {
    const data = (await readWorkbook(join(scratch.dir, 'data.xlsx'))).worksheets[0]!;
    fill(data, '3.1', '推进中', '平台建设中');
    await writeFile(join(scratch.dir, 'data-again.csv'), csvOf(data));
    const before = await readFile(scratch.db);
    const result = await run('track', 'import', 'data-again.csv', '--as-of', '2021-09-01');
    expect(result.stdout).toBe('data-again.csv: 0 recorded, 0 unchanged, 0 already recorded, 1 conflicting, 0 unmatched (as of 2021-09-01)\n');
    expect(result.stderr).toMatch(/^taizhang: data-again\.csv: row \d+ \(编号 3\.1\): conflicts with the entry of 2021-09-01 by 市大数据管理局 from data-filled\.csv .*kept that one\n$/);
    expect((await readFile(scratch.db)).equals(before)).toBe(true);
  });

  it('imports a later sheet whose key column and one row were deleted, by 编号 and text', async () => {
    await run('track', 'export', '--unit', '财政局', '-o', join(scratch.dir, 'finance-october.xlsx'), '--as-of', '2021-10-15');
    const workbook = await readWorkbook(join(scratch.dir, 'finance-october.xlsx'));
    const sheet = workbook.worksheets[0]!;
    // Prefilled with what the unit reported last.
    expect(dataRows(sheet).rows[0]!.getCell(8).value).toBe('已完成');
    fill(sheet, '3.2', '已完成', '标准目录已发布');
    sheet.spliceColumns(12, 1);
    sheet.spliceRows(4, 1);
    await workbook.xlsx.writeFile(join(scratch.dir, 'finance-october.xlsx'));
    const result = await run('track', 'import', 'finance-october.xlsx', '--as-of', '2021-10-15');
    expect(result).toMatchObject({
      code: 0,
      stderr: '',
      stdout: 'finance-october.xlsx: 1 recorded, 1 unchanged, 0 already recorded, 0 conflicting, 0 unmatched (as of 2021-10-15)\n',
    });
  });

  it('lists what is due, overdue first', async () => {
    expect(await json('due', '--as-of', '2021-09-15')).toEqual([
      { plan: PLAN_NAME, id: '3.2', text: expect.stringMatching(/^推行标准化规范化成果应用/), units: COUNTIES, deadline: '2021-08-31', status: '推进中', overdue: true, daysLeft: -15 },
    ]);
    expect(await json('due', '--as-of', '2021-10-20')).toEqual([
      { plan: PLAN_NAME, id: '4.1', text: expect.stringMatching(/^规范政务信息管理工作/), units: COUNTIES, deadline: '2021-10-31', status: '推进中', overdue: false, daysLeft: 11 },
    ]);
    expect(await json('due', '--as-of', '2021-10-20', '--within', '5d')).toEqual([]);
    const byUnit = await json('due', '--as-of', '2021-09-15', '--unit', '大数据局');
    expect(byUnit.map((task: { id: string }) => task.id)).toEqual(['3.2']);
    const terminal = await run('due', '--as-of', '2021-09-15');
    expect(terminal.stdout.split('\n').slice(0, 4)).toEqual(['截至 2021-09-15：逾期 1 项，30 天内到期 0 项', '', COUNTIES[0], expect.stringMatching(/^ {2}红 逾期15天 {2}2021-08-31 {2}推进中 {2}3\.2 /)]);
  });

  it('rolls up per unit and per section, with the latest progress and a light per task', async () => {
    const report = await json('status', '--as-of', '2021-10-20');
    const unit = (name: string) => report.units.find((row: { unit: string }) => row.unit === name);
    expect(unit(FINANCE)).toEqual({ unit: FINANCE, tasks: 9, done: 2, inProgress: 1, notStarted: 6, overdue: 0, rate: 0.222 });
    expect(unit(DATA)).toEqual({ unit: DATA, tasks: 10, done: 2, inProgress: 1, notStarted: 7, overdue: 0, rate: 0.2 });
    expect(report.sections.find((row: { section: string }) => row.section === '持续完善政务公开标准建设')).toEqual({
      plan: PLAN_NAME, section: '持续完善政务公开标准建设', tasks: 7, done: 2, inProgress: 0, notStarted: 5, overdue: 0, rate: 0.286,
    });
    const task = (id: string) => report.tasks.find((row: { id: string }) => row.id === id);
    expect(task('3.2')).toMatchObject({ status: '已完成', light: '绿', latest: { date: '2021-10-15', unit: FINANCE, status: '已完成', text: '标准目录已发布' } });
    expect(task('4.1')).toMatchObject({ status: '推进中', light: '黄', deadline: '2021-10-31' });
    const september = await json('status', '--as-of', '2021-09-15', '--unit', '财政局');
    expect(september.units).toEqual([{ unit: FINANCE, tasks: 9, done: 1, inProgress: 2, notStarted: 6, overdue: 1, rate: 0.111 }]);
    expect(september.tasks.find((row: { id: string }) => row.id === '3.2').light).toBe('红');
  });

  it('writes the status as a self-contained HTML page with a bar per unit, and as md and xlsx', async () => {
    const page = await run('status', '--as-of', '2021-10-20', '--format', 'html');
    expect(page.stdout).toMatch(/^<!DOCTYPE html>/);
    expect(page.stdout).not.toMatch(/<script|<link|src="http/);
    expect(page.stdout.match(/class="bar"/g)).toHaveLength((await json('status', '--as-of', '2021-10-20')).units.length);
    const md = await run('status', '--as-of', '2021-10-20', '--format', 'md');
    expect(md.stdout).toContain(`| ${FINANCE} | 9 | 2 | 1 | 6 | 0 | 22.2% |`);
    const xlsx = await run('status', '--as-of', '2021-10-20', '-o', join(scratch.dir, 'status.xlsx'));
    expect(xlsx.code).toBe(0);
    expect((await readWorkbook(join(scratch.dir, 'status.xlsx'))).worksheets.map((sheet) => sheet.name)).toEqual(['按单位', '按板块', '任务']);
  });

  it('keeps the progress of matching tasks when a corrected version of the plan is added', async () => {
    const ledger = JSON.parse(await readFile(PLAN, 'utf8'));
    ledger.tasks = ledger.tasks.filter((task: { id: string }) => task.id !== '1.4');
    ledger.tasks.find((task: { id: string }) => task.id === '3.2').text += '年底前完成复核。';
    await writeFile(join(scratch.dir, 'corrected.json'), JSON.stringify(ledger));
    const result = await run('track', 'add', 'corrected.json');
    expect(result.stdout).toMatch(new RegExp(`^updated ${PLAN_NAME}: 23 tasks, 23 matched a stored one and keep its progress\\n  no longer in the plan: 1\\.4 落实财政资金领域信息公开`));
    const report = await json('status', '--as-of', '2021-10-20', '--unit', FINANCE);
    expect(report.units[0]).toMatchObject({ tasks: 8, done: 1 });
    expect(report.tasks.find((row: { id: string }) => row.id === '3.2').latest).toMatchObject({ text: '标准目录已发布' });
  });

  it('lets two writers wait for each other', async () => {
    const other = join(scratch.dir, 'other.json');
    const ledger = JSON.parse(await readFile(PLAN, 'utf8'));
    await writeFile(other, JSON.stringify({ ...ledger, meta: { ...ledger.meta, title: '另一个计划' } }));
    const [a, b] = await Promise.all([run('track', 'add', other), run('track', 'import', 'finance-filled.xlsx', '--as-of', '2021-11-01')]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const list = await run('track', 'list');
    expect(list.stdout.split('\n').filter(Boolean).map((line) => line.split('\t')[0])).toEqual([PLAN_NAME, '另一个计划']);
    await expect(stat(`${scratch.db}.lock`)).rejects.toThrow();
  });

  it('exports a unit that one stored plan names and another does not', async () => {
    const ledger = JSON.parse(await readFile(PLAN, 'utf8'));
    const without = join(scratch.dir, 'plan-b.json');
    const named = join(scratch.dir, 'plan-c.json');
    await writeFile(without, JSON.stringify({ ...ledger, meta: { ...ledger.meta, title: '乙计划' } }));
    const tasks = ledger.tasks.map((task: object, i: number) => (i === 0 ? { ...task, units: [{ name: '市试点工作专班', role: 'lead' }] } : task));
    await writeFile(named, JSON.stringify({ ...ledger, meta: { ...ledger.meta, title: '丙计划' }, tasks }));
    expect((await run('track', 'add', without)).code).toBe(0);
    expect((await run('track', 'add', named)).code).toBe(0);
    const exported = await run('track', 'export', '--unit', '市试点工作专班', '-o', 'pilot.xlsx');
    expect([exported.code, exported.stderr]).toEqual([0, '']);
  });
});
