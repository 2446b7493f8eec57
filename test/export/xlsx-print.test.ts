// The workbooks are sheets to fill in and print, and take hostile text without breaking.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { exportLedger } from '../../src/export/index.js';
import { workbookBytes } from '../../src/export/xlsx.js';
import { loadAliases } from '../../src/unit-names/aliases.js';
import { exportUnitLedger } from '../../src/responsibility/export.js';
import { unitLedger } from '../../src/responsibility/unit-ledger.js';
import { goldLedger } from '../support/units-expected.js';
import { workbookOf } from '../support/workbook.js';

const readBack = (bytes: unknown): Promise<ExcelJS.Workbook> => workbookOf(bytes as Uint8Array);

const headerIndex = (sheet: ExcelJS.Worksheet, title: string) => (sheet.getRow(1).values as unknown[]).indexOf(title);

describe.each([
  ['parse', async () => exportLedger(goldLedger('000'), 'xlsx'), '台账'],
  ['ledger', async () => exportUnitLedger(unitLedger(goldLedger('000'), ['市财政局'], loadAliases()), 'xlsx', {}), '市财政局'],
])('%s -o x.xlsx', (_command, make, sheetName) => {
  it('leaves room to write in 进展情况 and 备注', async () => {
    const sheet = (await readBack(await make())).getWorksheet(sheetName)!;
    expect(sheet.getColumn(headerIndex(sheet, '进展情况')).width).toBe(40);
    expect(sheet.getColumn(headerIndex(sheet, '备注')).width).toBe(24);
  });

  it('prints landscape, one page wide, the header row on every page', async () => {
    const bytes = await make();
    const sheet = (await readBack(bytes)).getWorksheet(sheetName)!;
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 });
    const workbookXml = await (await JSZip.loadAsync(bytes as Uint8Array)).file('xl/workbook.xml')!.async('string');
    expect(workbookXml).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;${sheetName}&apos;!$1:$1</definedName>`);
  });

  it('draws thin borders around every cell, in a Chinese font', async () => {
    const sheet = (await readBack(await make())).getWorksheet(sheetName)!;
    const thin = { style: 'thin' };
    for (const cell of [sheet.getCell(1, 1), sheet.getCell(2, headerIndex(sheet, '备注')), sheet.getCell(sheet.rowCount, 3)]) {
      expect(cell.border, cell.address).toEqual({ top: thin, left: thin, bottom: thin, right: thin });
      expect(cell.font?.name, cell.address).toBe('宋体');
    }
    expect(sheet.getCell(1, 1).font?.bold).toBe(true);
  });
});

describe('hostile input', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('makes sheet names Excel and exceljs take: no []:*?/\\, no apostrophes that break references, at most 31 characters', async () => {
    const sheet = { header: ['a'], rows: [] };
    const names = ["'市财政局'", '省[财政]厅:预算*科?/\\', "市'财政'局", '一'.repeat(40), "''"];
    const workbook = await readBack(await workbookBytes(names.map((name) => ({ ...sheet, name }))));
    expect(workbook.worksheets.map((each) => each.name)).toEqual(['’市财政局’', '省_财政_厅_预算_科___', '市’财政’局', '一'.repeat(31), '’’']);
  });

  it('cuts a cell at Excel’s 32,767 characters, saying so on stderr', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const workbook = await readBack(await workbookBytes([{ name: '台账', header: ['工作任务'], rows: [['长'.repeat(40_000)]] }]));
    expect((workbook.getWorksheet('台账')!.getCell(2, 1).value as string).length).toBe(32_767);
    expect(stderr).toHaveBeenCalledWith(expect.stringMatching(/台账.*2.*工作任务.*32767/));
  });

  it('writes text that looks like a formula as text', async () => {
    const values = ['=1+1', '=HYPERLINK("http://example.com","x")', '+SUM(A1:A2)', '@cmd'];
    const workbook = await readBack(await workbookBytes([{ name: '台账', header: values.map((_, index) => String(index)), rows: [values] }]));
    const row = workbook.getWorksheet('台账')!.getRow(2);
    values.forEach((value, index) => {
      const cell = row.getCell(index + 1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(value);
    });
  });
});
