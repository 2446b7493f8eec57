import { describe, expect, it } from 'vitest';
import { clean } from '../../src/clean/index.js';
import { CHROME_RULES, chromeForm, chromeReason, metadataOf } from '../../src/clean/chrome.js';
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
});

describe('the quick test before the chrome rules', () => {
  // The rules one by one, in their order: what chromeReason must answer for every line.
  const byTheRules = (line: string): string | null => {
    const text = chromeForm(line);
    return CHROME_RULES.find((rule) => text.length <= rule.maxLength && rule.pattern.test(text))?.reason ?? null;
  };
  const chrome = [
    '您当前的位置：首页 > 政务公开 > 通知公告', '首页 » 信息公开', '浏览次数：1024', '【字体：大 中 小】', '【打印本页】 【关闭窗口】', '[1] [2] [3]', '返回顶部', '上一篇：关于某事的通知',
    '扫一扫在手机打开当前页', '（责任编辑：王五）', 'www.example.gov.cn', 'WWW.EXAMPLE.GOV.CN', '附件下载', 'PDF下载',
    '版权所有：某市人民政府办公室', 'copyright © 2023 某市', 'COPYRIGHT 2023', '京icp备12345678号', '主办单位：某市人民政府',
    '索引号：113400/2023-00012', '上传时间：2023-05-06', '由会员分享，可在线阅读', '要点.PDF', '登录 | 注册', '2023-05-06 10:20',
    '（此件公开发布）', '某市人民政府办公室2023年3月5日印发', '联 系 人：张三', '相关链接：某市政府网', '政务微博',
  ];
  const notice = ['一、工作目标', '（一）推进决策公开。', '各区县要按照要求，做好相关工作。', '1.做好政策解读（市政府办牵头）', '2023年3月5日', '某市人民政府办公室'];

  it('answers as the rules do, on chrome of every rule (in any case) and on a notice’s lines', () => {
    const reasons = new Set<string>();
    for (const line of [...chrome, ...notice]) {
      expect(chromeReason(line), line).toBe(byTheRules(line));
      reasons.add(byTheRules(line) ?? 'none');
    }
    // Every rule is met above, so that a rule the quick test misses fails here.
    for (const rule of CHROME_RULES) expect(reasons.has(rule.reason), rule.reason).toBe(true);
  });
});
