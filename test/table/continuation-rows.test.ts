import { describe, expect, it } from 'vitest';
import { recoverTables, type Block } from '../../src/table/index.js';
import { sourceLines } from '../support/models.js';

// A row of a numbered table that has no 序号 and opens nothing goes on with the row above: a cell
// wrapped onto a line of its own in a row of pipes, a unit cell's next paragraph in a table saved
// one cell to a line. Rows with work of their own stay rows.

/** Each row's line and its non-empty cells as kind=text, and where a joined cell ends. */
const rowsOf = (blocks: Block[]) =>
  blocks.flatMap((b) =>
    b.kind === 'row' ? [[b.row.line.line, ...b.row.cells.filter((c) => c.text).map((c) => `${c.kind}${c.role ? `:${c.role}` : ''}=${c.text}${c.line.lastLine ? `@${c.line.line}-${c.line.lastLine}` : ''}`)]] : [],
  );

describe('rows that go on with the row above', () => {
  it('pipe rows: a requirement and a unit list wrapped onto rows whose 序号 is empty', () => {
    const blocks = recoverTables(
      sourceLines(
        '| 序号 | 工作任务 | 责任单位 | 完成时限 |',
        '| 1 | 公开部门预算和决算，细化到功能分类项级 | 县财政局 | 年底前 |',
        '| | 科目，并公开绩效目标。 | | |',
        '| 2 | 做好政策解读。 | 县政府办、县发展 | 持续推进 |',
        '| | | 改革局 | |',
        '| 3 | 回应社会关切。 | 县委网信办 | 长期坚持 |',
        '| | 继续做好网络舆情监测。 | | |',
      ),
    );
    expect(rowsOf(blocks)).toEqual([
      [2, 'seq=1', 'task=公开部门预算和决算，细化到功能分类项级科目，并公开绩效目标。@2-3', 'units:responsible=县财政局', 'deadline=年底前'],
      [4, 'seq=2', 'task=做好政策解读。', 'units:responsible=县政府办、县发展改革局@4-5', 'deadline=持续推进'],
      [6, 'seq=3', 'task=回应社会关切。继续做好网络舆情监测。@6-7', 'units:responsible=县委网信办', 'deadline=长期坚持'],
    ]);
  });

  it('pipe rows: a limit wrapped where its rest is no limit of its own goes on in its cell', () => {
    const blocks = recoverTables(
      sourceLines('| 序号 | 工作任务 | 责任单位 | 完成时限 |', '| 1 | 公开重大决策事项目录， | 县司法局 | 2024年6月 |', '| | 征求意见不少于30日。 | | 底前 |', '| 2 | 做好政策解读。 | 县政府办 | 年底前 |'),
    );
    expect(rowsOf(blocks)).toEqual([
      [2, 'seq=1', 'task=公开重大决策事项目录，征求意见不少于30日。@2-3', 'units:responsible=县司法局', 'deadline=2024年6月底前@2-3'],
      [4, 'seq=2', 'task=做好政策解读。', 'units:responsible=县政府办', 'deadline=年底前'],
    ]);
  });

  it('a unit cell in two paragraphs, one a line, in a table saved one cell to a line', () => {
    const blocks = recoverTables(
      sourceLines(
        '序号', '工作任务', '责任单位', '完成时限',
        '一、深化财政公开',
        '1', '公开部门预算。', '县财政局', '6月底前',
        '2', '公开政府债务信息。', '县财政局', '县审计局', '9月底前',
        '二、加强政策解读',
        '3', '做好政策解读。', '县政府办', '年底前',
      ),
    );
    expect(rowsOf(blocks)).toEqual([
      [5, 'outside=一、深化财政公开', 'seq=1', 'task=公开部门预算。', 'units:responsible=县财政局', 'deadline=6月底前'],
      [10, 'seq=2', 'task=公开政府债务信息。', 'units:responsible=县财政局', 'units:responsible=县审计局', 'deadline=9月底前'],
      // The heading the stream put after the second unit line still heads the rows below.
      [15, 'outside=二、加强政策解读'],
      [16, 'seq=3', 'task=做好政策解读。', 'units:responsible=县政府办', 'deadline=年底前'],
    ]);
  });

  it('keeps rows of their own: units where the row above has some, a numbered cell, a table that numbers no rows, a line between', () => {
    const rows = (...lines: string[]) => rowsOf(recoverTables(sourceLines(...lines))).length;
    // Text with a unit cell of its own under a 序号 spanning two rows: two tasks.
    expect(rows('| 序号 | 工作任务 | 责任单位 |', '| 1 | 公开部门预算。 | 县财政局 |', '| | 公开部门决算。 | 县审计局 |')).toBe(2);
    // A numbered requirement is an item of its own.
    expect(rows('| 序号 | 工作任务 | 责任单位 |', '| 1 | 公开部门预算。 | 县财政局 |', '| | （二）公开部门决算。 | |')).toBe(2);
    // Without 序号 cells an empty unit cell is the rowspan of the one above: a task each row.
    expect(rows('| 工作任务 | 具体要求 | 责任单位 |', '| 财政公开 | 公开部门预算。 | 县财政局 |', '| | 公开部门决算。 | |')).toBe(2);
    // A line between the rows (a heading spanning the table) ends the row above.
    expect(rows('| 序号 | 工作任务 | 责任单位 |', '| 1 | 公开部门预算。 | 县财政局 |', '二、政策解读', '| | 做好政策解读。 | |')).toBe(2);
  });
});
