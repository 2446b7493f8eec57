import { describe, expect, it } from 'vitest';
import type { SourceLine } from '../../src/model.js';
import { unwrap } from '../../src/outline/unwrap.js';

const lines = (...texts: string[]): SourceLine[] => texts.map((text, i) => ({ text, line: i + 1 }));
const texts = (result: SourceLine[]) => result.map((l) => l.text);

describe('unwrap: lines broken inside a paragraph', () => {
  it('joins a paragraph hard-wrapped at one width, keeping the first line’s position', () => {
    const wrapped = lines(
      '一、加强政策解读',
      '（一）做好重要政策解读。各区各部门出台重要',
      '政策文件时，要同步做好解读材料的起草、审核',
      '和发布工作，确保解读与文件同步部署、同步发',
      '布。（区政府办公室负责）',
      '（二）回应社会关切。对涉及群众切身利益的热',
      '点问题，要及时准确发布权威信息，正面回应社',
      '会关切，消除误解疑虑。（各街道、区直各部门',
      '负责）',
      '（三）加强政策解读平台建设。在区政府网站设',
      '立政策解读专栏，集中发布解读材料，方便公众',
      '查阅。',
    );
    const result = unwrap(wrapped);
    expect(texts(result)).toEqual([
      '一、加强政策解读',
      '（一）做好重要政策解读。各区各部门出台重要政策文件时，要同步做好解读材料的起草、审核和发布工作，确保解读与文件同步部署、同步发布。（区政府办公室负责）',
      '（二）回应社会关切。对涉及群众切身利益的热点问题，要及时准确发布权威信息，正面回应社会关切，消除误解疑虑。（各街道、区直各部门负责）',
      '（三）加强政策解读平台建设。在区政府网站设立政策解读专栏，集中发布解读材料，方便公众查阅。',
    ]);
    expect(result[1]).toMatchObject({ line: 2 });
  });

  it('leaves a document of ordinary paragraphs alone', () => {
    const plain = lines('一、工作任务', '（一）推进决策公开。', '（二）推进执行公开。', '各单位要抓好落实。');
    expect(texts(unwrap(plain))).toEqual(texts(plain));
  });

  it('joins a line that ends inside a bracket or on a comma', () => {
    expect(texts(unwrap(lines('推进信息公开。（市财政局牵头，', '市审计局配合）')))).toEqual(['推进信息公开。（市财政局牵头，市审计局配合）']);
    expect(texts(unwrap(lines('各镇人民政府，', '区直各部门：')))).toEqual(['各镇人民政府，区直各部门：']);
  });

  it('never joins onto a numbered item, a date, an office line or a table row', () => {
    expect(texts(unwrap(lines('推进信息公开，', '（二）做好解读。')))).toHaveLength(2);
    expect(texts(unwrap(lines('抄送：市委办公室，', '2022年3月1日')))).toHaveLength(2);
    expect(texts(unwrap(lines('请认真贯彻执行，', '某某县人民政府办公室')))).toHaveLength(2);
    expect(texts(unwrap(lines('工作任务，', '推进公开 | 市财政局 |')))).toHaveLength(2);
  });
});
