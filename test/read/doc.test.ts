import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { scoreLedger, shortfalls } from '../../src/eval/score.js';
import type { Ledger } from '../../src/model.js';
import { parseBytes } from '../../src/pipeline.js';
import { read } from '../../src/read/index.js';
import { docBodyHtml, rowsByWidth } from '../../src/read/doc/index.js';
import { htmlToText } from '../../src/read/html/to-text.js';

// Word 97–2003 files saved by LibreOffice (scripts/make-doc-fixtures.mjs): the five seed pages'
// articles (taishan-2019 a table with merged cells), the yancheng-2016 分工表 as a Word table, and
// yancheng-2016 with Word's automatic list numbering.
const DOCS = 'fixtures/doc';
const seeds = readdirSync(DOCS).filter((f) => /^[a-z]+-\d{4}\.doc$/.test(f)).sort();
const gold = (name: string) => JSON.parse(readFileSync(join('fixtures/gold', `${name}.json`), 'utf8')) as Ledger;
const parseDoc = (file: string) => parseBytes(new Uint8Array(readFileSync(join(DOCS, file))), { name: file });
const textOf = async (file: string) => (await read(new Uint8Array(readFileSync(join(DOCS, file))), { name: file })).text;

describe('seed notices as Word 97–2003 files', () => {
  it('has the five seeds', () => expect(seeds).toHaveLength(5));

  for (const file of seeds.filter((f) => f !== 'taishan-2019.doc')) {
    const name = basename(file, '.doc');
    it(`${file} scores at or above every threshold against ${name}.json`, async () => {
      const ledger = await parseDoc(file);
      expect(ledger.source.format).toBe('doc');
      const { figures, metaMisses } = scoreLedger(gold(name), ledger);
      expect([shortfalls(figures), metaMisses]).toEqual([[], []]);
    });
  }

  it('taishan-2019.doc: its table row by row, the units of cells merged down taken from above', async () => {
    const ledger = await parseDoc('taishan-2019.doc');
    const { figures, metaMisses } = scoreLedger(gold('taishan-2019'), ledger);
    expect([shortfalls(figures), metaMisses]).toEqual([[], []]);
    // (二)(三) stand under the merged 责任单位 cell of (一): word-extractor gives them an empty cell,
    // and the table stage takes the responsible units from the row above, as for flattened text.
    const units = ledger.tasks.slice(0, 3).map((task) => task.units.map((unit) => unit.name));
    expect(units).toEqual([['各镇（街）', '市直各单位'], ['各镇（街）', '市直各单位'], ['各镇（街）', '市直各单位']]);
  });

  it('reads the 分工表 Word table (its row ends come out as tabs) to its gold', async () => {
    const ledger = await parseDoc('yancheng-2016.table.doc');
    const { figures } = scoreLedger(gold('yancheng-2016'), ledger);
    expect(shortfalls({ ...figures, meta: 1 })).toEqual([]);
    expect(ledger.tasks.map((task) => task.path)).toEqual(gold('yancheng-2016').tasks.map((task) => task.path));
  });

  it('hands on the disclosure block (索引号, 发布机构, 发文日期) as the meta a web page gives', async () => {
    const ledger = await parseDoc('disclosure.doc');
    expect([ledger.meta.title, ledger.meta.date]).toEqual(['某某市卫生健康委2021年政务公开工作要点', '2021-03-16']);
  });

  it('loses Word’s automatic list numbers: the numbered paragraphs come without them', async () => {
    const lines = (await textOf('yancheng-2016.numbered.doc')).split('\n');
    const typed = readFileSync('fixtures/notices/yancheng-2016.txt', 'utf8').split('\n');
    expect(typed.filter((line) => /^[一二三四五六七八九十]+、/.test(line)).length).toBeGreaterThan(5);
    expect(lines.filter((line) => /^[一二三四五六七八九十]+、|^（[一二三四五六七八九十]+）/.test(line))).toEqual([]);
    expect(lines).toContain('围绕深化改革推进公开');
  });
});

// What word-extractor gives, made by hand: paragraphs end with \n, table cells with \t; a row ends
// with \t\n, or with one more \t when the row's properties are stored out of line.
const linesOf = (body: string) => htmlToText(docBodyHtml(body), { kind: 'document' }).text.split('\n');

describe('.doc body text', () => {
  it('reads paragraphs and a task table as pipe rows', () => {
    const body = '关于印发工作要点的通知\n一、推进决策公开\n工作任务\t责任单位\t\n（一）推进重大决策预公开。\t市政府办\t\n（二）推进政策解读。\t市各部门\t\n落款\n';
    expect(linesOf(body)).toEqual(['关于印发工作要点的通知', '一、推进决策公开', '工作任务 | 责任单位 |', '（一）推进重大决策预公开。 | 市政府办 |', '（二）推进政策解读。 | 市各部门 |', '落款']);
  });

  it('keeps the paragraphs of a cell together (but for the first cell of a row: they read as text before the row)', () => {
    expect(linesOf('工作任务\t责任单位\t\n推进决策公开。\t市政府办\n市财政局\t\n')[1]).toBe('推进决策公开。 | 市政府办\u2029市财政局 |');
  });

  it('keeps an empty cell of a row that ends with a newline', () => {
    expect(linesOf('序号\t工作任务\t牵头单位\t配合单位\t\n1\t推进决策公开。\t\t市财政局\t\n')[1]).toBe('1 | 推进决策公开。 |  | 市财政局 |');
  });

  it('splits a table whose row ends are tabs by the width of its header', () => {
    const body = '分工表\n序号\t工作任务\t牵头单位\t配合单位\t\t1\t推进决策公开。\t市政府办\t\t\t2\t推进政策解读。\t\t市财政局\t\t3\t合并两列的一行\t\t\n说明\n';
    expect(linesOf(body)).toEqual(['分工表', '序号 | 工作任务 | 牵头单位 | 配合单位 |', '1 | 推进决策公开。 | 市政府办 |  |', '2 | 推进政策解读。 |  | 市财政局 |', '3 | 合并两列的一行 |  |', '说明']);
    // The last row has a cell fewer (two merged): written as short as it is, for the table stage to place.
  });

  it('finds no rows by width in cells without an empty one, or in one row', () => {
    expect(rowsByWidth(['序号', '工作任务', '牵头单位'])).toBeNull();
    expect(rowsByWidth(['序号', '工作任务', ''])).toBeNull();
  });

  it('refuses a damaged .doc in one line', async () => {
    const bytes = new Uint8Array(Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from('WordDocument', 'utf16le')]));
    const error = await read(bytes, { name: 'plan.doc' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/^a Word 97–2003 file that cannot be read/);
  });
});
