import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { TASK_COLUMNS } from '../../src/export/columns.js';
import { exportLedger } from '../../src/export/index.js';
import { workbookBytes } from '../../src/export/xlsx.js';
import { loadAliases } from '../../src/unit-names/aliases.js';
import { exportUnitLedger, exportUnitMatrix } from '../../src/responsibility/export.js';
import { unitLedger } from '../../src/responsibility/unit-ledger.js';
import { unitMatrix } from '../../src/responsibility/matrix.js';
import { goldLedger } from '../support/units-expected.js';
import { workbookOf } from '../support/workbook.js';

const table = loadAliases();

async function readBack(bytes: unknown): Promise<ExcelJS.Workbook> {
  expect(bytes).toBeInstanceOf(Uint8Array);
  return workbookOf(bytes as Uint8Array);
}

function headerRow(sheet: ExcelJS.Worksheet): unknown[] {
  return (sheet.getRow(1).values as unknown[]).slice(1);
}

/** The column of a sheet whose header is `title`. */
function column(sheet: ExcelJS.Worksheet, title: string): ExcelJS.Column {
  const index = headerRow(sheet).indexOf(title);
  expect(index, title).toBeGreaterThanOrEqual(0);
  return sheet.getColumn(index + 1);
}

function expectFrozenHeader(sheet: ExcelJS.Worksheet): void {
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  expect(sheet.getRow(1).font?.bold).toBe(true);
}

describe('parse as xlsx', () => {
  it('writes the 台账 sheet and the source sheet, with a frozen header row', async () => {
    const ledger = goldLedger('000');
    const workbook = await readBack(await exportLedger(ledger, 'xlsx'));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['台账', '来源']);
    const sheet = workbook.getWorksheet('台账')!;
    expect(headerRow(sheet)).toEqual([...TASK_COLUMNS.map((each) => each.zh), '进展情况', '备注']);
    expect(sheet.rowCount).toBe(ledger.tasks.length + 1);
    expectFrozenHeader(sheet);
    expect(sheet.autoFilter).toBeTruthy();
  });

  it('writes numbers as numbers, dates as dates, and text as text', async () => {
    const ledger = goldLedger('000');
    const sheet = (await readBack(await exportLedger(ledger, 'xlsx'))).getWorksheet('台账')!;
    const task = ledger.tasks.findIndex((candidate) => candidate.id === '7.2');
    const row = sheet.getRow(task + 2);
    expect(row.getCell(column(sheet, '序号').number).value).toBe(ledger.tasks[task]!.seq);
    const date = row.getCell(column(sheet, '时限日期').number);
    expect(date.value).toBeInstanceOf(Date);
    expect((date.value as Date).toISOString()).toBe('2016-12-31T00:00:00.000Z');
    expect(date.numFmt).toBe('yyyy-mm-dd');
    // 工作任务 does not repeat the 任务标题 beside it.
    const { title, text } = ledger.tasks[task]!;
    expect(row.getCell(column(sheet, '任务标题').number).value).toBe(title);
    expect(row.getCell(column(sheet, '工作任务').number).value).toBe(text.slice(title!.length + 1));
    // Empty cells are blank, not empty strings.
    expect(row.getCell(column(sheet, '备注').number).value).toBeNull();
  });

  it('a task with several dated deadlines gets its last date', async () => {
    const ledger = goldLedger('000');
    const withDates = { ...ledger, tasks: [{ ...ledger.tasks[0]!, deadlines: [{ text: '年底前', date: '2016-12-31' }, { text: '6月底前', date: '2016-06-30' }] }] };
    const sheet = (await readBack(await exportLedger(withDates, 'xlsx'))).getWorksheet('台账')!;
    expect((sheet.getRow(2).getCell(column(sheet, '时限日期').number).value as Date).toISOString()).toBe('2016-12-31T00:00:00.000Z');
  });

  it('fits column widths to Chinese text, and wraps the long task text', async () => {
    const sheet = (await readBack(await exportLedger(goldLedger('000'), 'xlsx'))).getWorksheet('台账')!;
    // 序号 holds short numbers: as wide as its two-character header and a margin.
    expect(column(sheet, '序号').width).toBe(6);
    // 一级标题 is as wide as its longest title, two columns a character.
    const longestSection = Math.max(...goldLedger('000').tasks.map((task) => (task.path[0] ?? '').length));
    expect(column(sheet, '一级标题').width).toBe(longestSection * 2 + 2);
    // The task text is capped, and wraps.
    const text = column(sheet, '工作任务');
    expect(text.width).toBe(50);
    expect(sheet.getRow(2).getCell(text.number).alignment).toMatchObject({ wrapText: true, vertical: 'top' });
  });

  it('names the notice on the source sheet, its date a date', async () => {
    const ledger = goldLedger('001');
    const sheet = (await readBack(await exportLedger(ledger, 'xlsx'))).getWorksheet('来源')!;
    expectFrozenHeader(sheet);
    const fields = new Map(sheet.getSheetValues().slice(2).map((row) => [(row as unknown[])[1], (row as unknown[])[2]]));
    expect(fields.get('标题')).toBe(ledger.meta.title);
    expect(fields.get('发文字号')).toBe(ledger.meta.docNumber);
    expect(fields.get('成文日期')).toEqual(new Date('2019-10-26T00:00:00Z'));
    expect(fields.get('任务数')).toBe(ledger.tasks.length);
  });

  it('writes English headers and sheet names with --header en', async () => {
    const workbook = await readBack(await exportLedger(goldLedger('000'), 'xlsx', { header: 'en' }));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Ledger', 'Source']);
    expect(headerRow(workbook.getWorksheet('Ledger')!).slice(0, 2)).toEqual(['seq', 'id']);
  });
});

describe('ledger as xlsx', () => {
  it('writes one sheet per unit asked for, each with its own tasks and role columns', async () => {
    const gold = goldLedger('000');
    const ledger = unitLedger(gold, ['市财政局', '市人社局'], table);
    const workbook = await readBack(await exportUnitLedger(ledger, 'xlsx', {}));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['市财政局', '市人社局', '来源']);
    const sheet = workbook.getWorksheet('市人社局')!;
    expectFrozenHeader(sheet);
    expect(headerRow(sheet).slice(-5)).toEqual(['本单位', '角色', '集体任务', '进展情况', '备注']);
    const own = unitLedger(gold, ['市人社局'], table).tasks;
    expect(sheet.rowCount).toBe(own.length + 1);
    const ids = sheet.getColumn(column(sheet, '编号').number).values.slice(2);
    expect(ids).toEqual(own.map((task) => task.id));
    const roles = sheet.getColumn(column(sheet, '角色').number).values.slice(2);
    expect(roles).toContain('牵头');
    const source = workbook.getWorksheet('来源')!;
    expect(source.getSheetValues().map((row) => (row as unknown[] | undefined)?.[2])).toContain('市人社局（市人力资源和社会保障局）');
  });

  it('makes sheet names Excel takes: short, without : / ? * [ ], and unique', async () => {
    const sheet = { header: ['a'], rows: [] };
    const workbook = await readBack(
      await workbookBytes([
        { ...sheet, name: '市财政局/预算科' },
        { ...sheet, name: '市财政局?预算科' },
        { ...sheet, name: '涉及公共资源配置、重大建设项目批准和实施、公益事业建设等三个重点领域的相关单位' },
      ]),
    );
    const names = workbook.worksheets.map((each) => each.name);
    expect(names[0]).toBe('市财政局_预算科');
    expect(names[1]).toBe('市财政局_预算科(2)');
    expect(names[2]).toHaveLength(31);
  });
});

describe('units as xlsx', () => {
  it('writes the matrix with counts as numbers, and the source sheet', async () => {
    const gold = goldLedger('002');
    const matrix = unitMatrix(gold, table);
    const workbook = await readBack(await exportUnitMatrix(matrix, 'xlsx', {}));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['单位', '来源']);
    const sheet = workbook.getWorksheet('单位')!;
    expectFrozenHeader(sheet);
    expect(headerRow(sheet)).toEqual(['单位', '类别', '牵头', '负责', '配合', '合计', '集体任务', '写法', '现名', '可能同一单位']);
    expect(sheet.rowCount).toBe(matrix.units.length + 1);
    const row = sheet.getRow(2);
    expect(row.getCell(1).value).toBe(matrix.units[0]!.unit);
    expect(row.getCell(6).value).toBe(matrix.units[0]!.total);
    expect(typeof row.getCell(6).value).toBe('number');
    expect(column(sheet, '单位').width).toBe(Math.max(...matrix.units.map((unit) => unit.unit.length)) * 2 + 2);
  });
});
