import { describe, expect, it } from 'vitest';
import { dropRunningLines } from '../../src/clean/running.js';
import type { SourceLine } from '../../src/model.js';

const numbered = (texts: string[]): SourceLine[] => texts.map((text, i) => ({ text, line: i + 1 }));
/** The lines kept, with the page numbers (already dropped as chrome) given by their text. */
function keep(texts: string[], pageNumber = /^— \d+ —$/) {
  const all = numbered(texts);
  const marks = all.filter((l) => pageNumber.test(l.text)).map((l) => l.line);
  const result = dropRunningLines(all.filter((l) => !marks.includes(l.line)), marks);
  return { kept: result.lines.map((l) => l.text), dropped: result.dropped.map((l) => `${l.reason}: ${l.text}`) };
}

describe('running headers and footers of a PDF copy', () => {
  it('drops a short title or office repeated beside the page numbers, keeping its copy as the title', () => {
    const { kept, dropped } = keep([
      '某县2023年政务公开工作要点', '一、加强政策解读', '（一）规范解读程序。政策文件与解读材料同步起草', '— 1 —',
      '某县人民政府办公室', '某县2023年政务公开工作要点', '同步审签。（县政府办公室负责）', '— 2 —',
      '某县人民政府办公室', '某县2023年政务公开工作要点', '（二）创新解读方式。（各部门负责）', '— 3 —',
    ]);
    expect(kept).toEqual(['某县2023年政务公开工作要点', '一、加强政策解读', '（一）规范解读程序。政策文件与解读材料同步起草', '同步审签。（县政府办公室负责）', '（二）创新解读方式。（各部门负责）']);
    expect(dropped.filter((d) => d.startsWith('running header'))).toHaveLength(4);
  });

  it('drops a footer that carries its page number, numbered on from page to page', () => {
    const { kept, dropped } = keep([
      '一、加强组织领导', '各乡镇要加强组织领导，确保各项任务按时', '某县政务公开工作要点 1', '完成。', '二、强化考核', '纳入年度绩效考核。', '某县政务公开工作要点 2',
    ]);
    expect(kept).toEqual(['一、加强组织领导', '各乡镇要加强组织领导，确保各项任务按时', '完成。', '二、强化考核', '纳入年度绩效考核。']);
    expect(dropped).toEqual(['page number: 某县政务公开工作要点 1', 'page number: 某县政务公开工作要点 2']);
  });

  it('keeps repeated lines that are the notice’s: unit and deadline lines, cells, lines away from page breaks', () => {
    const texts = [
      '1.推进财政预决算公开。', '责任单位：市财政局', '完成时限：长期坚持', '— 1 —', '2.推进项目信息公开。', '责任单位：市财政局', '完成时限：长期坚持', '— 2 —',
      '县政府办公室', '3.做好舆情回应。', '县政府办公室', '— 3 —', '4.强化解读。', '县政府办公室', '5.开展评估。', '— 4 —',
    ];
    // 县政府办公室 stands after one page break and before another: a cell, not a header or a footer.
    expect(keep(texts).kept).toEqual(texts.filter((t) => !t.startsWith('—')));
    // No page numbers: repeated short lines stay, and numbers not running on are no page's.
    const plain = ['附件1', '某县政务公开重点工作台账 3', '说明', '某县政务公开重点工作台账 3', '附件2'];
    expect(keep(plain).kept).toEqual(plain);
  });
});
