import { describe, expect, it } from 'vitest';
import { recoverTables, type Block } from '../../src/table/index.js';
import { recoverGrids } from '../../src/table/recover.js';
import { isPlaceholderCell, shapeOf } from '../../src/table/cells.js';
import { ledgerOf } from '../../src/pipeline.js';
import { decoded } from '../support/models.js';
import { sourceLines } from '../support/models.js';

// Task tables as users paste them into a .txt: Markdown's marks, heading rows spanning the table,
// columns in any order, cells that say “none”.

/** Each block in line order: [line, 'row', …non-empty cells], [line, 'dropped', reason] or [line, 'line', text]. */
const summary = (blocks: Block[]) =>
  blocks.map((b) =>
    b.kind === 'row'
      ? [b.row.line.line, 'row', ...b.row.cells.filter((c) => c.text).map((c) => `${c.kind}${c.role ? `:${c.role}` : ''}=${c.text}`)]
      : b.kind === 'dropped'
        ? [b.line.line, 'dropped', b.line.reason]
        : [b.line.line, 'line', b.line.text],
  );

describe('Markdown tables', () => {
  it('takes dashes with alignment colons (written full-width by the clean stage) and short dashes for a rule', () => {
    for (const rule of ['|：---：|---|---|', '| ：--： | ：------ | --：|', '|:--|--:|--|']) {
      const pieces = recoverGrids(sourceLines('| 序号 | 工作任务 | 责任单位 |', rule, '| 1 | 做好政策解读 | 县政府办 |'));
      expect(pieces.map((p) => p.kind)).toEqual(['header', 'rule', 'row']);
    }
  });

  it('keeps a row whose cells are lone dashes a row: a dash alone says “none”', () => {
    const pieces = recoverGrids(sourceLines('| 序号 | 工作任务 | 责任单位 | 配合单位 |', '| 1 | 做好政策解读 | 县政府办 | - |', '| 2 | - | - | - |'));
    expect(pieces.map((p) => p.kind)).toEqual(['header', 'row', 'row']);
  });

  it('reads bold cells as their text, in the header and in the rows', () => {
    const blocks = recoverTables(sourceLines('| **序号** | **工作任务** | **责任单位** |', '| 1 | 公开**年度**预算 | 县财政局 |', '| 2 | 做好2*3个专栏 | 县政府办 |'));
    expect(summary(blocks)).toEqual([
      [1, 'dropped', 'table header'],
      [2, 'row', 'seq=1', 'task=公开年度预算', 'units:responsible=县财政局'],
      [3, 'row', 'seq=2', 'task=做好2*3个专栏', 'units:responsible=县政府办'],
    ]);
  });
});

describe('a heading row spanning the table', () => {
  it('reads a numbered heading alone under the 序号 column, its other cells empty, as a line of its own', () => {
    const blocks = recoverTables(
      sourceLines('| 序号 | 工作任务 | 责任单位 | 完成时限 |', '| **一、加强政策解读** ||||', '| 1 | 做好政策解读 | 县政府办 | 年底前 |', '| 二、回应社会关切 | | | |', '| 2 | 做好舆情回应 | | 持续推进 |'),
    );
    expect(summary(blocks)).toEqual([
      [1, 'dropped', 'table header'],
      [2, 'line', '一、加强政策解读'],
      [3, 'row', 'seq=1', 'task=做好政策解读', 'units:responsible=县政府办', 'deadline=年底前'],
      [4, 'line', '二、回应社会关切'],
      // The heading ends the rowspan: the unit above does not reach over it.
      [5, 'row', 'seq=2', 'task=做好舆情回应', 'deadline=持续推进'],
    ]);
  });

  it('keeps a row alone in its first cell a row where that column is not the 序号 one, or the cell is a 序号', () => {
    const blocks = recoverTables(sourceLines('| 工作任务 | 责任单位 | 完成时限 |', '| 1.做好政策解读 | 县政府办 | 年底前 |', '| 2.做好舆情回应 | | |'));
    expect(summary(blocks).map((b) => b[1])).toEqual(['dropped', 'row', 'row']);
    const numbered = recoverTables(sourceLines('| 序号 | 工作任务 | 责任单位 |', '| 1 | 做好政策解读 | 县政府办 |', '| 2 | | |', '| 3 | 做好舆情回应 | 县委网信办 |'));
    expect(summary(numbered).map((b) => b[1])).toEqual(['dropped', 'row', 'row', 'row']);
  });
});

describe('a 序号 column that is not the first', () => {
  it('keeps the cells before each row’s 序号 in that row', () => {
    const blocks = recoverTables(sourceLines('| 责任部门 | 完成时间 | 序号 | 工作重点 |', '| 区教育局 | 2024年8月底前 | 1 | 公开招生入学政策 |', '| 区卫健局 | 2024年第三季度 | 2 | 公开医疗服务价格 |'));
    expect(summary(blocks)).toEqual([
      [1, 'dropped', 'table header'],
      [2, 'row', 'units:responsible=区教育局', 'deadline=2024年8月底前', 'seq=1', 'task=公开招生入学政策'],
      [3, 'row', 'units:responsible=区卫健局', 'deadline=2024年第三季度', 'seq=2', 'task=公开医疗服务价格'],
    ]);
  });

  it('still joins a row without a 序号 to the row above', () => {
    const blocks = recoverTables(sourceLines('| 序号 | 工作任务 | 责任单位 |', '| 1 | 公开部门预算， | 县财政局 |', '| | 细化到项级科目。 | |'));
    expect(summary(blocks)).toEqual([
      [1, 'dropped', 'table header'],
      [2, 'row', 'seq=1', 'task=公开部门预算，细化到项级科目。', 'units:responsible=县财政局'],
    ]);
  });
});

describe('cells that say “none”', () => {
  it('tells a dash, a slash or 无 alone from text', () => {
    for (const cell of ['—', '——', '-', '／', '/', '无', '暂无']) {
      expect(isPlaceholderCell(cell)).toBe(true);
      expect(shapeOf(cell)).toBe('empty');
    }
    expect(isPlaceholderCell('无偿')).toBe(false);
    expect(isPlaceholderCell('1')).toBe(false);
    expect(shapeOf('— 2 —')).not.toBe('empty');
  });

  it('gives a task no limit, unit or note from such a cell', () => {
    const ledger = ledgerOf(
      decoded(['某县2024年政务公开任务分工', '', '| 序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限 | 备注 |', '| 1 | 公开政府债务限额 | 县财政局 | — | / | 无 |', '| 2 | 做好政策解读 | 县政府办 | 县委网信办 | 年底前 | |']),
    );
    expect(ledger.tasks.map((t) => [t.text, t.units.map((u) => `${u.name}:${u.role}`), t.deadlines.map((d) => d.text)])).toEqual([
      ['公开政府债务限额', ['县财政局:lead'], []],
      ['做好政策解读', ['县政府办:lead', '县委网信办:support'], ['年底前']],
    ]);
  });
});
