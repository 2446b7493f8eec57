import { describe, expect, it } from 'vitest';
import { buildLedger } from '../../src/ledger/index.js';
import { item, outlineOf } from '../support/models.js';

// Nothing is lost silently: every line the ledger stage is handed ends up as preamble, a section
// heading, part of a task, or a reported drop. (That every line of real notices is accounted for
// through all the stages: test/corpus/pipeline.test.ts.)

describe('every line of the outline is accounted for', () => {
  it('says what became of each line of a small plan', () => {
    const l = buildLedger(
      outlineOf({
        preamble: [{ text: '某县2023年政务公开工作要点', line: 2 }],
        items: [
          item('一、', '总体要求', '坚持以公开为常态、不公开为例外。'),
          item(
            '二、',
            '重点任务',
            item('（一）', '推进决策公开。（县司法局负责）'),
            // two lines of the text the outline stage joined
            item('（二）', { text: '推进结果公开，做好年度报告工作。（县政府办负责）', line: 7, lastLine: 8 }),
          ),
        ],
        closing: ['各乡镇、县直各部门要抓好落实。'],
        dropped: [
          { text: '您当前所在位置：首页>政务公开', reason: 'breadcrumb', line: 1 },
          { text: '某县人民政府办公室', reason: 'signature', line: 10 },
          { text: '2023年3月1日', reason: 'signature date', line: 11 },
        ],
      }),
    );
    expect(l.lines!.map((f) => [f.line, f.fate, f.id ?? f.reason ?? null])).toEqual([
      [1, 'dropped', 'breadcrumb'],
      [2, 'preamble', null],
      [3, 'preamble', 'aims section'],
      [4, 'preamble', 'aims section'],
      [5, 'heading', '2'],
      [6, 'task', '2.1'],
      [7, 'task', '2.2'],
      [8, 'task', '2.2'],
      [9, 'task', 'end'],
      [10, 'dropped', 'signature'],
      [11, 'dropped', 'signature date'],
    ]);
  });

  it('names every task of a line that holds several: split off its unit clauses, or run together', () => {
    const l = buildLedger(
      outlineOf({
        items: [
          item(
            '一、',
            { text: '重点任务', line: 1 },
            item('（一）', { text: '加强就业公开。一是公开补贴政策（县人社局负责）二是公开招聘信息（县人社局负责）', line: 2 }),
            item('（二）', { text: '加强教育公开。', line: 2 }),
          ),
        ],
      }),
    );
    expect(l.lines!.map((f) => [f.line, f.fate, f.id, f.reason])).toEqual([
      [1, 'heading', '1', undefined],
      [2, 'task', '1.1', 'also 1.1-2 1.2'],
    ]);
  });
});
