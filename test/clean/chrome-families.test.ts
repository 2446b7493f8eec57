import { describe, expect, it } from 'vitest';
import { clean } from '../../src/clean/index.js';
import { chromeReason, metadataOf } from '../../src/clean/chrome.js';
import { decoded } from '../support/models.js';

// Portal chrome around a notice, in each form mirrors and portals print it: never tasks, titles
// or sections; the fields it holds are meta hints.

const kept = (...lines: string[]) => clean(decoded(lines)).lines.map((l) => l.text);

describe('metadata blocks', () => {
  it('as key：value lines, with spaced labels and several pairs a line', () => {
    expect(chromeReason('索 引 号：11340000/2023-00012')).toBe('disclosure metadata');
    expect(chromeReason('文 号：皖政办〔2023〕5号 主题分类：综合政务')).toBe('disclosure metadata');
    expect(metadataOf('文 号：皖政办〔2023〕5号 主题分类：综合政务')).toEqual({ docNumber: '皖政办〔2023〕5号' });
  });

  it('as a numbered list of bracketed labels', () => {
    expect(chromeReason('3. [发文机构] 某区政务公开办公室')).toBe('disclosure metadata');
    expect(chromeReason('7. [发文字号] 某政公办发〔2023〕2号')).toBe('disclosure metadata');
    expect(metadataOf('7. [发文字号] 某政公办发〔2023〕2号')).toEqual({ docNumber: '某政公办发〔2023〕2号' });
  });

  it('as pipe rows', () => {
    expect(chromeReason('索引号： | 0012-2023-001 | 组配分类： | 通知公告 |')).toBe('disclosure metadata');
    expect(metadataOf('名称： | 某市人民政府办公室关于印发某市2023年政务公开工作要点的通知 | 文号： | 无 |')).toEqual({
      noticeTitle: '某市人民政府办公室关于印发某市2023年政务公开工作要点的通知',
    });
  });

  it('as a label alone on a line with its value on the next, in a block', () => {
    const cleaned = clean(decoded(['索引号', '0012-2023-001', '成文日期', '2023-04-12', '标题', '关于印发某县2023年政务公开工作要点的通知', '一、深化决策公开']));
    expect(cleaned.lines.map((l) => l.text)).toEqual(['一、深化决策公开']);
    expect(cleaned.file.metaHints).toMatchObject({ date: '2023-04-12', noticeTitle: '关于印发某县2023年政务公开工作要点的通知' });
  });

  it('keeps a lone label word that is not in a block (a table header cell)', () => {
    expect(kept('分类', '任务', '责任单位')).toEqual(['分类', '任务', '责任单位']);
  });
});

describe('other chrome', () => {
  it('drops document-sharing headers, login bars, font bars and file names', () => {
    expect(kept(
      '某县政务公开方案.docx',
      '文档编号：102938',
      '上传时间：2023-01-05',
      '页数：12',
      '《某县政务公开方案.docx》由会员分享，可在线阅读，更多相关请在本站上搜索。',
      '登录 | 注册',
      '字号：大 中 小',
      '一、深化决策公开',
    )).toEqual(['一、深化决策公开']);
  });

  it('keeps sentences that merely mention a label', () => {
    expect(chromeReason('各单位要在公开目录中标明索引号和发布机构，方便群众查阅。')).toBeNull();
  });

  it('drops a 友情链接 line whose links were run together, and keeps a sentence about such links', () => {
    expect(chromeReason('友情链接：国务院省政府市政府')).toBe('related links');
    expect(chromeReason('各单位要定期检查网站友情链接，及时清理失效链接。')).toBeNull();
  });
});
