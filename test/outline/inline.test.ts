import { describe, expect, it } from 'vitest';
import type { SourceLine } from '../../src/model.js';
import { splitRunTogether } from '../../src/outline/inline.js';

// Run-together text: numbering inline, split only where it continues.

const split = (...texts: string[]) => splitRunTogether(texts.map((text, i): SourceLine => ({ text, line: i + 1 }))).map((l) => l.text);
const PAD = '为持续深化政务公开，推进法治政府建设，提升政府治理能力，更好保障人民群众知情权、参与权、表达权和监督权，结合本县工作实际，经县政府同意，制定本方案。';

describe('splitting run-together text', () => {
  it('splits a whole notice run into one line at every marker that continues the numbering', () => {
    const line = `某县2024年政务公开工作方案${PAD}一、工作目标全面提升公开质量。二、工作任务（一）深化决策公开。1.健全目录管理制度，按时公布年度目录。2.落实预公开制度，公开征求意见。（二）加强政策解读。3.做好同步解读。`;
    expect(split(line)).toEqual([
      `某县2024年政务公开工作方案${PAD}`,
      '一、工作目标',
      '全面提升公开质量。',
      '二、工作任务',
      '（一）深化决策公开。',
      '1.健全目录管理制度，按时公布年度目录。',
      '2.落实预公开制度，公开征求意见。',
      '（二）加强政策解读。',
      '3.做好同步解读。',
    ]);
  });

  it('never splits inside quotes, brackets or 《》', () => {
    const line = `${PAD}一、深化公开。按照《办法》“一、公开为常态”的要求（二、三季度各一次）推进，做好“1.办事指南”公开。`;
    expect(split(line)).toEqual([PAD, '一、深化公开。按照《办法》“一、公开为常态”的要求（二、三季度各一次）推进，做好“1.办事指南”公开。']);
  });

  it('never splits inside a number, a date or a document number', () => {
    const line = `${PAD}一、加强财政公开。依据〔2018〕35号文件第1.2条，2018.5.1前公开1.5亿元专项资金使用情况，2.0版平台同步上线。`;
    expect(split(line)).toEqual([PAD, '一、加强财政公开。依据〔2018〕35号文件第1.2条，2018.5.1前公开1.5亿元专项资金使用情况，2.0版平台同步上线。']);
  });

  it('does not split at a marker that breaks the numbering', () => {
    const line = `${PAD}一、加强公开。按照三、五年规划的要求，做好七、八月份的汛期信息发布，确保及时准确、权威规范、便于查阅。`;
    expect(split(line)).toEqual([PAD, '一、加强公开。按照三、五年规划的要求，做好七、八月份的汛期信息发布，确保及时准确、权威规范、便于查阅。']);
  });

  it('leaves short lines and table rows alone', () => {
    expect(split('一、工作目标二、工作任务')).toEqual(['一、工作目标二、工作任务']);
    expect(split(`${PAD} | 一、加强公开。二、做好解读。 |`)).toEqual([`${PAD} | 一、加强公开。二、做好解读。 |`]);
  });

  it('splits at an item glued to its section heading, and after a unit clause’s bracket', () => {
    const line = `一、围绕深化改革推进公开（一）深化决策公开1、健全目录管理制度，按时公布年度重大行政决策事项目录，${PAD}[牵头单位：县司法局]2、落实预公开制度，公开征求意见，及时反馈意见采纳情况。（二）加强政策解读3、做好同步解读。`;
    expect(split(line)).toEqual([
      '一、围绕深化改革推进公开',
      '（一）深化决策公开',
      `1、健全目录管理制度，按时公布年度重大行政决策事项目录，${PAD}[牵头单位：县司法局]`,
      '2、落实预公开制度，公开征求意见，及时反馈意见采纳情况。',
      '（二）加强政策解读',
      '3、做好同步解读。',
    ]);
  });

  it('splits off an aims heading glued to its first sentence, with no item after it', () => {
    expect(split(`一、总体要求以${PAD}${PAD}`)).toEqual(['一、总体要求', `以${PAD}${PAD}`]);
  });

  it('does not split at a numbered reference: 第（一）项, （一）和（二）', () => {
    const line = `一、加强公开${PAD}按照第（一）项和（二）项的要求，做好公开。`;
    expect(split(line)).toEqual([line]);
  });

  it('splits a short line that starts with a marker where its numbering goes on', () => {
    expect(split('一、工作任务', '二、保障措施（一）加强组织领导。各单位要明确分管领导。（二）强化考核评估。纳入年度考核。')).toEqual([
      '一、工作任务',
      '二、保障措施',
      '（一）加强组织领导。各单位要明确分管领导。',
      '（二）强化考核评估。纳入年度考核。',
    ]);
    expect(split('一、工作任务', '（一）深化决策公开。1.公布决策目录。（县司法局牵头）2.开展意见征集。（县政府办负责）')).toEqual([
      '一、工作任务',
      '（一）深化决策公开。',
      '1.公布决策目录。（县司法局牵头）',
      '2.开展意见征集。（县政府办负责）',
    ]);
  });

  it('leaves a short line alone where its list is inside a sentence, it has no marker of its own, or its marker starts its list anew (a table’s cell)', () => {
    expect(split('（三）加强财政公开。做好以下工作：1.公开部门预算；2.公开部门决算。')).toEqual(['（三）加强财政公开。做好以下工作：1.公开部门预算；2.公开部门决算。']);
    expect(split('各单位要加强领导。（二）强化考核评估。')).toEqual(['各单位要加强领导。（二）强化考核评估。']);
    expect(split('2.基层公开提升', '1.按照标准指引公开。2.公开补贴发放结果。')).toEqual(['2.基层公开提升', '1.按照标准指引公开。2.公开补贴发放结果。']);
  });

  it('splits a short line of 一是 items run together, but not a 一是 list inside an item', () => {
    expect(split('一是强化解读。（县政府办负责）二是回应关切。（县融媒体中心负责）')).toEqual(['一是强化解读。（县政府办负责）', '二是回应关切。（县融媒体中心负责）']);
    expect(split('（一）强化解读。一是同步解读；二是图解解读。（县政府办负责）')).toEqual(['（一）强化解读。一是同步解读；二是图解解读。（县政府办负责）']);
  });

  it('splits a 一是 list glued to its heading (the heading line lost its break), in a long line and in a short one', () => {
    const line = `${PAD}一、明确分办原则一是忠实报告原文。逐条逐项分办。二是遵循单位职责。明确责任单位。二、做好工作对接一是上级对接。加强对接。二是内部对接。`;
    expect(split(line)).toEqual([PAD, '一、明确分办原则', '一是忠实报告原文。逐条逐项分办。', '二是遵循单位职责。明确责任单位。', '二、做好工作对接', '一是上级对接。加强对接。', '二是内部对接。']);
    expect(split('（一）强化解读一是同步解读。二是图解解读。')).toEqual(['（一）强化解读', '一是同步解读。', '二是图解解读。']);
  });

  it('does not take 一是 for a list where 一 ends a word (统一是) or a sentence stands before it', () => {
    expect(split(`${PAD}一、统一是基础，要抓紧落实到位，确保各项工作有序推进，按时完成各项任务。二是另一件事。二、加强考核。`)).toEqual([PAD, '一、统一是基础，要抓紧落实到位，确保各项工作有序推进，按时完成各项任务。二是另一件事。', '二、加强考核。']);
    expect(split('（一）推进标准统一是关键。二是另一件事。')).toEqual(['（一）推进标准统一是关键。二是另一件事。']);
    expect(split(`${PAD}一、强化解读。要做好以下工作一是同步解读，与文件同步起草、同步审签、同步发布。二是图解解读。`)).toEqual([PAD, '一、强化解读。要做好以下工作一是同步解读，与文件同步起草、同步审签、同步发布。二是图解解读。']);
  });

  it('does not take a list of numerals for a marker: 一、二季度', () => {
    expect(split('（一）加强公开。一、二季度完成目录编制。（二）做好评估。')).toEqual(['（一）加强公开。一、二季度完成目录编制。', '（二）做好评估。']);
  });
});
