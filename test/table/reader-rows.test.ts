import { describe, expect, it } from 'vitest';
import type { ReaderRow, SourceLine } from '../../src/model.js';
import { recoverTables, type Block } from '../../src/table/index.js';
import { sourceLines } from '../support/models.js';

// Tables a reader found are handed on as rows, not as text to be recovered: every “|” of such a
// row is a border, every cell stands under its own column, and the reader says which cells a
// rowspan covers. A “|” anywhere else is prose until a run of lines makes a table of it. (The
// same tables read from a web page through to the ledger: test/corpus/pipeline.test.ts.)

/** The reader's rows of one table: the first is its header; `spanned` lists the cells a rowspan covers, by row. */
function readerRows(columns: number, rows: number, { spanned = {}, rebuilt = false }: { spanned?: Record<number, number[]>; rebuilt?: boolean } = {}) {
  const row = (index: number): ReaderRow => ({
    table: 1,
    header: index === 0,
    spanned: Array.from({ length: columns }, (_, cell) => spanned[index]?.includes(cell) ?? false),
    ...(rebuilt ? { rebuilt } : {}),
  });
  return (line: SourceLine) => (line.line <= rows ? row(line.line - 1) : undefined);
}

/** Each block: a row as its cells (kind=text, * for a cell a rowspan covers), a dropped line as its reason, a line as its text. */
const summary = (blocks: Block[]) =>
  blocks.map((b) =>
    b.kind === 'row'
      ? b.row.cells.map((c) => `${c.kind}${c.role ? `:${c.role}` : ''}=${c.text}${c.spanned ? '*' : ''}`)
      : b.kind === 'dropped'
        ? b.line.reason
        : b.line.text,
  );

describe('rows a reader found', () => {
  it('keeps pipes in the paragraphs of a page as prose', () => {
    const paragraphs = sourceLines('一、加强平台建设', '（一）在政策|解读栏目发布解读材料。（责任单位：市政府办公室）', '（二）在互动|交流栏目按时答复留言。（责任单位：市信访局）');
    expect(summary(recoverTables(paragraphs, () => undefined))).toEqual(paragraphs.map((line) => line.text));
  });

  it('keeps a cell’s text whole in its cell, whatever marks it holds', () => {
    const lines = sourceLines('序号|工作任务|责任单位|', '1 |在“政策｜解读”栏目发布材料|市发改委|', '2 |公开预决算|市财政局|');
    expect(summary(recoverTables(lines, readerRows(3, 3)))).toEqual([
      'table header',
      ['seq=1', 'task=在“政策｜解读”栏目发布材料', 'units:responsible=市发改委'],
      ['seq=2', 'task=公开预决算', 'units:responsible=市财政局'],
    ]);
  });

  it('reads each cell under its own column, however it looks', () => {
    // A units cell that reads like a sentence, a short requirement, an empty 配合 cell: a row
    // recovered from text would have to guess; the reader's row says.
    const lines = sourceLines('序号|具体要求|牵头单位|配合单位|完成时限|', '1 |公开预算|市财政局| | 6月底前|', '2 |做好政策解读工作，及时回应社会关切|市政府办公室|市直各单位|长期坚持|');
    expect(summary(recoverTables(lines, readerRows(5, 3)))).toEqual([
      'table header',
      ['seq=1', 'requirement=公开预算', 'units:lead=市财政局', 'units:support=', 'deadline=6月底前'],
      ['seq=2', 'requirement=做好政策解读工作，及时回应社会关切', 'units:lead=市政府办公室', 'units:support=市直各单位', 'deadline=长期坚持'],
    ]);
  });

  it('takes a task column whose cells span rows for categories', () => {
    const lines = sourceLines('工作任务|具体要求|责任单位|', '推进决策公开|公开重大决策草案|市发改委|', '推进决策公开|做好决策解读|市政府办公室|', '推进结果公开|公开年度目标完成情况|市统计局|');
    expect(summary(recoverTables(lines, readerRows(3, 4, { spanned: { 2: [0] } })))).toEqual([
      'table header',
      ['category=推进决策公开', 'requirement=公开重大决策草案', 'units:responsible=市发改委'],
      ['category=推进决策公开*', 'requirement=做好决策解读', 'units:responsible=市政府办公室'],
      ['category=推进结果公开', 'requirement=公开年度目标完成情况', 'units:responsible=市统计局'],
    ]);
  });

  it('realigns a row whose cells contradict their columns, where a lost cell shifted the rest left, rebuilt (a PDF, a .doc) or laid out (a page)', () => {
    const lines = sourceLines('序号|工作任务|具体要求|责任单位|完成时限|', '1 |推进决策公开|公开重大决策草案，广泛听取意见|市发改委| 6月底前|', '2 |做好政策解读工作|市政府办公室|长期坚持| |');
    const secondRow = (rebuilt: boolean) => summary(recoverTables(lines, readerRows(5, 3, { rebuilt })))[2];
    const realigned = ['seq=2', 'requirement=做好政策解读工作', 'units:responsible=市政府办公室', 'deadline=长期坚持', 'outside='];
    expect(secondRow(true)).toEqual(realigned);
    // On a page too: 长期坚持 under 责任单位 and a unit under 具体要求 say a cell was lost.
    expect(secondRow(false)).toEqual(realigned);
  });

  it('keeps a laid-out row whose cells contradict no column, however a reading by shapes would go', () => {
    const lines = sourceLines('一级指标|二级指标|三级指标|指标说明|', '一、医疗质量|（一）功能定位|1.门诊人次数与出院人次数比|计算方法：门诊患者人次数/同期出院患者人次数。指标来源：医院填报。|');
    expect(summary(recoverTables(lines, readerRows(4, 2)))[1]).toEqual([
      'category=一、医疗质量',
      'task=（一）功能定位',
      'requirement=1.门诊人次数与出院人次数比',
      'other=计算方法：门诊患者人次数/同期出院患者人次数。指标来源：医院填报。',
    ]);
  });

  it('keeps a laid-out row as it is when its cells fit their columns, and keeps a numbering style in its column', () => {
    const lines = sourceLines(
      '工作任务|具体要求|责任单位|',
      '一、做好财政信息公开|1.推进预算公开|市财政局|',
      '二、做好网站信息公开|2.更新网站概况信息|市政府办公室|',
      '3.及时反馈网民意见|市政府办公室| |',
    );
    expect(summary(recoverTables(lines, readerRows(3, 4))).slice(1)).toEqual([
      // A task column that a row skips holds categories spanning rows.
      ['category=一、做好财政信息公开', 'requirement=1.推进预算公开', 'units:responsible=市财政局'],
      ['category=二、做好网站信息公开', 'requirement=2.更新网站概况信息', 'units:responsible=市政府办公室'],
      // 1. was seen under 具体要求: the row lost its first cell, not its units.
      ['requirement=3.及时反馈网民意见', 'units:responsible=市政府办公室', 'outside='],
    ]);
  });
});
