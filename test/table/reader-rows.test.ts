import { describe, expect, it } from 'vitest';
import type { Ledger } from '../../src/model.js';
import { ledgerOf, parseBytes } from '../../src/pipeline.js';

// Tables a reader found are handed on as rows, not as text to be recovered: every “|” of such a
// row is a border, every cell stands under its own column, and the reader says which cells a
// rowspan covers. A “|” anywhere else is prose until a run of lines makes a table of it.

const page = (body: string) => Buffer.from(`<html><head><meta charset="utf-8"><title>某市政务公开工作要点</title></head><body><div class="article">${body}</div></body></html>`);
const parse = (body: string): Promise<Ledger> => parseBytes(page(body), { name: 'plan.html' });
const brief = (ledger: Ledger) => ledger.tasks.map((t) => [t.path.join('/'), t.text, t.units.map((u) => `${u.name}:${u.role}`).join('、')]);

describe('rows a reader found', () => {
  it('keeps pipes in the paragraphs of a page as prose', async () => {
    const ledger = await parse(
      '<p>一、加强平台建设</p><p>（一）在政策|解读栏目发布解读材料。（责任单位：市政府办公室）</p><p>（二）在互动|交流栏目按时答复留言。（责任单位：市信访局）</p>',
    );
    expect(brief(ledger)).toEqual([
      ['加强平台建设', '在政策|解读栏目发布解读材料。', '市政府办公室:responsible'],
      ['加强平台建设', '在互动|交流栏目按时答复留言。', '市信访局:responsible'],
    ]);
  });

  it('keeps a pipe inside a cell in its cell', async () => {
    const ledger = await parse(
      '<table><tr><td>序号</td><td>工作任务</td><td>责任单位</td></tr><tr><td>1</td><td>在“政策|解读”栏目发布材料</td><td>市发改委</td></tr><tr><td>2</td><td>公开预决算</td><td>市财政局</td></tr></table>',
    );
    expect(ledger.tasks.map((t) => t.units.map((u) => u.name).join())).toEqual(['市发改委', '市财政局']);
    expect(ledger.tasks[0]!.text).toMatch(/^在“政策.解读”栏目发布材料$/);
  });

  it('reads each cell under its own column, however it looks', async () => {
    // A units cell that reads like a sentence, a short requirement, an empty 配合 cell: a row
    // recovered from text would have to guess; the reader's row says.
    const ledger = await parse(
      '<table><tr><td>序号</td><td>具体要求</td><td>牵头单位</td><td>配合单位</td><td>完成时限</td></tr>' +
        '<tr><td>1</td><td>公开预算</td><td>市财政局</td><td></td><td>6月底前</td></tr>' +
        '<tr><td>2</td><td>做好政策解读工作，及时回应社会关切</td><td>市政府办公室</td><td>市直各单位</td><td>长期坚持</td></tr></table>',
    );
    expect(ledger.tasks.map((t) => [t.text, t.units.map((u) => `${u.name}:${u.role}`).join('、'), t.deadlines.map((d) => d.text).join()])).toEqual([
      ['公开预算', '市财政局:lead', '6月底前'],
      ['做好政策解读工作，及时回应社会关切', '市政府办公室:lead、市直各单位:support', '长期坚持'],
    ]);
  });

  it('takes a task column whose cells span rows for categories', async () => {
    const ledger = await parse(
      '<table><tr><td>工作任务</td><td>具体要求</td><td>责任单位</td></tr>' +
        '<tr><td rowspan="2">推进决策公开</td><td>公开重大决策草案</td><td>市发改委</td></tr>' +
        '<tr><td>做好决策解读</td><td>市政府办公室</td></tr>' +
        '<tr><td>推进结果公开</td><td>公开年度目标完成情况</td><td>市统计局</td></tr></table>',
    );
    expect(brief(ledger)).toEqual([
      ['推进决策公开', '公开重大决策草案', '市发改委:responsible'],
      ['推进决策公开', '做好决策解读', '市政府办公室:responsible'],
      ['推进结果公开', '公开年度目标完成情况', '市统计局:responsible'],
    ]);
  });

  it('realigns the rows of a table whose columns the reader rebuilt (a PDF, a .doc), where a lost cell shifts the rest left', () => {
    const lines = ['序号 | 工作任务 | 具体要求 | 责任单位 | 完成时限 |', '1 | 推进决策公开 | 公开重大决策草案，广泛听取意见 | 市发改委 | 6月底前 |', '2 | 做好政策解读工作 | 市政府办公室 | 长期坚持 |  |'];
    const row = (header: boolean, rebuilt: boolean) => ({ table: 1, header, spanned: [false, false, false, false, false], ...(rebuilt ? { rebuilt } : {}) });
    const ledger = (rebuilt: boolean) =>
      ledgerOf({
        name: 'plan.pdf',
        format: 'pdf',
        encoding: 'utf-8',
        text: lines.join('\n'),
        warnings: [],
        lineSources: lines.map((_, i) => ({ origin: { block: i + 1 }, row: row(i === 0, rebuilt) })),
      });
    const unitsAndLimits = (l: Ledger) => l.tasks.map((t) => [t.units.map((u) => u.name).join(), t.deadlines.map((d) => d.text).join()]);
    expect(unitsAndLimits(ledger(true))).toEqual([
      ['市发改委', '6月底前'],
      ['市政府办公室', '长期坚持'],
    ]);
    // A page's own table is taken as it is: the second row's units cell is 长期坚持's column.
    expect(unitsAndLimits(ledger(false))[1]).not.toEqual(['市政府办公室', '长期坚持']);
  });
});
