// `taizhang diff --format xlsx`: the report as a workbook to filter, sort and print.
import ExcelJS from 'exceljs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffFixture, expectOneLineError, taizhang } from './helpers.js';

const OLD = diffFixture('15-fujian-2017-zwgk-task-breakdown-table-rowspan-thead.html');
const NEW = diffFixture('13-fujian-2018-zwgk-task-breakdown-table-colspan-pasted-fjgov.html');

let scratch: string;
let workbook: ExcelJS.Workbook;

async function readWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const read = new ExcelJS.Workbook();
  await read.xlsx.readFile(path);
  return read;
}

/** A sheet's rows as arrays of values, the header first. */
function rows(sheet: ExcelJS.Worksheet): unknown[][] {
  return sheet.getSheetValues().slice(1).map((row) => (row as unknown[]).slice(1));
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'taizhang-diff-xlsx-'));
  const target = join(scratch, 'report.data');
  const run = await taizhang(['diff', OLD, NEW, '--format', 'xlsx', '-o', target]);
  expect(run).toMatchObject({ code: 0, stdout: '', stderr: '' });
  workbook = await readWorkbook(target);
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('taizhang diff --format xlsx', () => {
  it('writes the pairs, the counts per section and both notices, in that order', () => {
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['对比', '按章节', '来源']);
  });

  it('gives a row per pair under a Chinese header, a known pair with its kinds, similarity and unit changes', async () => {
    const sheet = workbook.getWorksheet('对比')!;
    const [header, ...pairs] = rows(sheet);
    expect(header).toEqual(['变化', '旧编号', '旧任务', '新编号', '新任务', '相似度', '单位变化', '时限变化', '说明']);
    const json = JSON.parse((await taizhang(['diff', OLD, NEW, '--format', 'json'])).stdout);
    expect(pairs).toHaveLength(json.pairs.length);
    const pair = pairs.find((row) => row[1] === '2.4.25' && row[3] === '1.2.6')!;
    expect(pair[0]).toBe('修改、移动、单位');
    expect(pair[2]).toEqual(expect.any(String));
    expect(pair[4]).toEqual(expect.any(String));
    // A number to sort by, as the json report has it.
    expect(pair[5]).toBe(json.pairs.find((row: { old: string; new: string }) => row.old === '2.4.25' && row.new === '1.2.6').similarity);
    expect(pair[6]).toMatch(/^(牵头|负责|配合) /);
    // An added task: no old side and no similarity, blank cells rather than empty text.
    const added = pairs.find((row) => row[0] === '新增')!;
    expect(added[1] ?? null).toBeNull();
    expect(added[5] ?? null).toBeNull();
  });

  it('counts per section, then the whole report', () => {
    const [header, ...counts] = rows(workbook.getWorksheet('按章节')!);
    expect(header).toEqual(['年份', '章节', '新增', '删除', '修改', '未变', '移动', '单位', '时限', '拆分', '合并']);
    expect(counts[0]?.[0]).toBe('2018年');
    const total = counts.at(-1)!;
    expect(total[1]).toBe('合计');
    // Each kind's total is the sum over the sections, since a pair counts once under each of its kinds.
    for (let column = 2; column < header!.length; column++) {
      expect(counts.slice(0, -1).reduce((sum, row) => sum + Number(row[column]), 0)).toBe(total[column]);
    }
  });

  it('names both years in the 来源 sheet', () => {
    const fields = new Map(rows(workbook.getWorksheet('来源')!).map(([label, value]) => [label, value]));
    expect(fields.get('旧·标题')).toBe('2017年政务公开工作主要任务分解表');
    expect(fields.get('新·标题')).toBe('2018年政务公开工作主要任务分解表');
    expect(fields.get('旧·年度')).toBe(2017);
    expect(fields.get('新·年度')).toBe(2018);
  });

  it('sets every sheet up as the 台账 is: header frozen, columns wide enough, landscape and fit to the page width', () => {
    for (const sheet of workbook.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, printTitlesRow: '1:1' });
      expect(sheet.columns.every((column) => (column.width ?? 0) >= 6)).toBe(true);
    }
    // Task texts are long: their columns reach the widest allowed, and wrap.
    expect(workbook.getWorksheet('对比')!.getColumn(3).width).toBe(50);
  });

  it('chooses xlsx for -o FILE.xlsx without --format, and leaves no temporary file', async () => {
    const directory = join(scratch, 'by-extension');
    const run = await taizhang(['diff', OLD, NEW, '-o', join(directory, '对比.XLSX')]);
    expect(run).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(await readdir(directory)).toEqual(['对比.XLSX']);
    expect((await readWorkbook(join(directory, '对比.XLSX'))).worksheets.map((sheet) => sheet.name)).toEqual(['对比', '按章节', '来源']);
  });

  it('refuses --format xlsx without -o: a workbook is no report for the terminal', async () => {
    expectOneLineError(await taizhang(['diff', OLD, NEW, '--format', 'xlsx']), '--format xlsx', '-o FILE.xlsx');
  });
});
