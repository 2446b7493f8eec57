import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { scoreLedger, shortfalls } from '../../src/eval/score.js';
import type { Ledger } from '../../src/model.js';
import { parseBytes } from '../../src/pipeline.js';
import { csvRows } from '../../src/read/sheet/csv.js';
import { expectParseRefused } from '../support/cli.js';
import { temporaryFolder } from '../support/folder.js';

// A 任务分工表 made from the yancheng-2016 gold ledger (scripts/make-sheet-fixtures.mjs): a title
// row, one column per role, the category merged down over its tasks, a sheet of notes after it.
const SHEETS = 'fixtures/sheet';
const gold = JSON.parse(readFileSync('fixtures/gold/yancheng-2016.json', 'utf8')) as Ledger;
const parse = (bytes: Uint8Array, name: string) => parseBytes(bytes, { name });

/** The gold's tasks, units, paths, titles and deadlines: a sheet carries no issuer, number or date. */
function expectGold(ledger: Ledger): void {
  const { figures } = scoreLedger(gold, ledger);
  expect(shortfalls({ ...figures, meta: 1 })).toEqual([]);
  expect(ledger.meta.title).toBe(gold.meta.title);
}

describe('a 分工表 workbook', () => {
  it('parses to its gold: merged categories as rowspans, units by their column', async () => {
    const ledger = await parse(new Uint8Array(readFileSync(join(SHEETS, 'yancheng-2016.xlsx'))), 'yancheng-2016.xlsx');
    expect(ledger.source.format).toBe('xlsx');
    expectGold(ledger);
    expect(ledger.tasks.map((task) => task.path)).toEqual(gold.tasks.map((task) => task.path));
  });

  it('skips the sheet with no task header and says so', async () => {
    const ledger = await parse(new Uint8Array(readFileSync(join(SHEETS, 'yancheng-2016.xlsx'))), 'yancheng-2016.xlsx');
    expect(ledger.warnings.filter((w) => w.code === 'sheet-skipped').map((w) => w.message)).toEqual([expect.stringContaining('填表说明')]);
  });
});

describe('a 分工表 as CSV', () => {
  const csv = readFileSync(join(SHEETS, 'yancheng-2016.csv'));

  it('parses to its gold from UTF-8 with a byte-order mark', async () => {
    const ledger = await parse(new Uint8Array(csv), 'yancheng-2016.csv');
    expect([ledger.source.format, ledger.source.encoding]).toEqual(['csv', 'utf-8']);
    expectGold(ledger);
  });

  it('parses to its gold from GBK, without a .csv name', async () => {
    const gbk = iconv.encode(csv.toString('utf8').replace(/^\ufeff/, ''), 'gbk');
    const ledger = await parse(new Uint8Array(gbk), 'download');
    expect([ledger.source.format, ledger.source.encoding]).toEqual(['csv', 'gbk']);
    expectGold(ledger);
  });

  it('splits quoted fields with separators, quotes and line breaks', () => {
    expect(csvRows('a,"b,""c""\nd",e\r\n1,2,3', ',')).toEqual([['a', 'b,"c"\nd', 'e'], ['1', '2', '3']]);
  });

  it('reads the edges of CSV as RFC 4180 readers do: quotes inside a field, empty fields, lone CR', () => {
    // A quote after a field's first character is text; what follows a closing quote stays in the field.
    expect(csvRows('a"b,"c"d', ',')).toEqual([['a"b', 'cd']]);
    expect(csvRows('a,,\rb\t', ',')).toEqual([['a', '', ''], ['b\t']]);
    expect(csvRows('a\tb\n\n', '\t')).toEqual([['a', 'b'], ['']]);
    // An unclosed quote runs to the end; a last line of one empty field is no row.
    expect(csvRows('"a\nb', ',')).toEqual([['a\nb']]);
    expect(csvRows('a\n""', ',')).toEqual([['a']]);
  });
});

describe('a 分工表 pasted from a spreadsheet into a .txt, tabs between its cells', () => {
  const tsv = (...rows: string[]) => new TextEncoder().encode(rows.join('\r\n'));

  it('reads it as a table of tasks without a title row, a row whose only cell is a heading a section', async () => {
    const ledger = await parse(
      tsv('序号\t工作任务\t牵头单位\t配合单位\t完成时限', '一、推进决策公开\t\t\t\t', '1\t公开决策事项目录\t县司法局\t各乡镇\t6月底前', '2\t做好政策解读\t县政府办\t\t持续推进', '二、强化平台建设', '3\t优化政府网站栏目\t县数据局\t\t年底前'),
      'made-up.txt',
    );
    expect(ledger.source.format).toBe('csv');
    expect(ledger.tasks.map((t) => [t.path, t.text, t.units.map((u) => `${u.name}:${u.role}`), t.deadlines.map((d) => d.text)])).toEqual([
      [['推进决策公开'], '公开决策事项目录', ['县司法局:lead', '各乡镇:support'], ['6月底前']],
      [['推进决策公开'], '做好政策解读', ['县政府办:lead'], ['持续推进']],
      [['强化平台建设'], '优化政府网站栏目', ['县数据局:lead'], ['年底前']],
    ]);
  });

  it('keeps a lone cell outside the first column a task’s own, the cells beside it merged from above', async () => {
    const ledger = await parse(tsv('序号\t工作任务\t具体要求\t责任单位', '1\t公开决策事项目录\t公布目录\t县司法局', '\t\t听取公众意见\t'), 'made-up.txt');
    expect(ledger.sections).toEqual([]);
  });

  it('reads a first line of prose with half-width commas as text, however long it runs', async () => {
    // A sentence is no header row: the sniff passes over it in one look, not in a search that backtracks.
    const prose = `${'各地区各部门要加强统筹,'.repeat(30000)}确保落实。\n一、推进决策公开\n（一）公开决策事项目录。（县司法局负责）`;
    const ledger = await parse(new Uint8Array(Buffer.from(prose)), 'made-up.txt');
    expect(ledger.source.format).toBe('text');
    expect(ledger.tasks.map((t) => t.units.map((u) => u.name))).toEqual([['县司法局']]);
  });

  it('does not read prose with a few tabs as a table', async () => {
    const ledger = await parse(tsv('橙溪县2023年政务公开工作要点\t\t', '一、\t推进决策公开', '（一）\t公开决策事项目录。\t（县司法局负责）', '（二）\t做好政策解读。\t（县政府办负责）'), 'made-up.txt');
    expect(ledger.source.format).toBe('text');
    expect(ledger.tasks.map((t) => [t.id, t.text, t.units.map((u) => u.name)])).toEqual([
      ['1.1', '公开决策事项目录。', ['县司法局']],
      ['1.2', '做好政策解读。', ['县政府办']],
    ]);
  });
});

describe('bad workbooks', () => {
  const scratch = temporaryFolder('taizhang-sheet-');

  const refused = (name: string, bytes: Uint8Array, message: RegExp) => expectParseRefused(scratch.path, name, bytes, message);

  /** A workbook zip of these parts, with the content types and relations exceljs needs. */
  async function workbookOf(sheetXml: string): Promise<Uint8Array> {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>');
    zip.file('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>');
    zip.file('xl/workbook.xml', '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>');
    zip.file('xl/_rels/workbook.xml.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>');
    zip.file('xl/worksheets/sheet1.xml', sheetXml);
    return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  }

  it('refuses a workbook of a million empty rows before reading it', async () => {
    const rows = Array.from({ length: 1_000_000 }, (_, i) => `<row r="${i + 1}"/>`).join('');
    const xml = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
    await refused('million.xlsx', await workbookOf(xml), /no task table is that large/);
  }, 30_000);

  it('refuses a workbook without a task header', async () => {
    const xml = '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>说明</t></is></c></row></sheetData></worksheet>';
    await refused('notes.xlsx', await workbookOf(xml), /no task header/);
  });

  it('refuses a truncated workbook', async () => {
    const whole = readFileSync(join(SHEETS, 'yancheng-2016.xlsx'));
    await refused('truncated.xlsx', whole.subarray(0, whole.length / 2), /damaged Excel workbook|zip archive that is neither/);
  });

  it('refuses an encrypted Office file and an .xls, telling to save as .xlsx', async () => {
    const ole = (stream: string) => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from(stream, 'utf16le')]);
    await refused('old.xls', ole('Workbook'), /\.xls workbook.*save it as \.xlsx/);
    await refused('locked.xlsx', ole('EncryptedPackage'), /encrypted Office file/);
  });
});
